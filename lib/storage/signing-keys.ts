// The organizations' private signing keys on disk: <data folder>/keys/<organization id>.ed25519.pem, mode 0600 in a
// folder of mode 0700. Never in the database, never in a response (decision 0028).
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "./uploads";

const keysDir = () => path.join(dataDir(), "keys");

function keyFile(organizationId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(organizationId)) throw new Error(`not an organization id: ${organizationId}`);
  return path.join(keysDir(), `${organizationId}.ed25519.pem`);
}

/** The PKCS#8 PEM of the organization's private key, or null when there is none on this server. */
export async function readPrivateKeyPem(organizationId: string): Promise<string | null> {
  try {
    return await readFile(keyFile(organizationId), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Writes a new private key; refuses to overwrite one (flag wx). */
export async function writePrivateKeyPem(organizationId: string, pem: string): Promise<void> {
  await mkdir(keysDir(), { recursive: true, mode: 0o700 });
  await chmod(keysDir(), 0o700);
  await writeFile(keyFile(organizationId), pem, { mode: 0o600, flag: "wx" });
}
