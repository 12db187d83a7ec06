// Signed checkpoints of the audit log in the transparency-dev checkpoint note format (formats/log/README.md):
//   <origin>\n<tree size>\n<base64 root>\n<timestamp>\n   — the body, signed as bytes —
//   \n— <key name> <base64(key hash[0:4] ‖ Ed25519 signature)>\n
// The key hash is the note format's: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw 32-byte public key), first 4 bytes. Pure.
import { createHash } from "node:crypto";

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHex: string;
  timestamp: string; // ISO 8601
}

export const checkpointOrigin = (organizationId: string) => `scopebook:${organizationId}`;

export function checkpointBodyText(b: CheckpointBody): string {
  return `${b.origin}\n${b.treeSize}\n${Buffer.from(b.rootHex, "hex").toString("base64")}\n${b.timestamp}\n`;
}

export function noteKeyHash(name: string, rawPublicKey: Uint8Array): Buffer {
  return createHash("sha256").update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.of(1), rawPublicKey])).digest().subarray(0, 4);
}

/** The whole note: body, blank line, one signature line. */
export function signedNote(body: string, name: string, rawPublicKey: Uint8Array, signature: Uint8Array): string {
  return `${body}\n\u2014 ${name} ${Buffer.concat([noteKeyHash(name, rawPublicKey), signature]).toString("base64")}\n`;
}

/** Reads a note back (null when it is not a checkpoint of this shape). */
export function parseCheckpoint(note: string): (CheckpointBody & { body: string; signatures: { name: string; keyHash: Buffer; signature: Buffer }[] }) | null {
  const at = note.indexOf("\n\n");
  if (at < 0) return null;
  const body = note.slice(0, at + 1);
  const [origin, size, root, timestamp] = body.split("\n");
  if (!origin || !/^\d+$/.test(size ?? "") || !root || !timestamp) return null;
  const signatures = note
    .slice(at + 2)
    .split("\n")
    .filter((l) => l.startsWith("\u2014 "))
    .map((l) => {
      const [, name, b64] = l.split(" ");
      const raw = Buffer.from(b64 ?? "", "base64");
      return { name, keyHash: raw.subarray(0, 4), signature: raw.subarray(4) };
    });
  return { origin, treeSize: Number(size), rootHex: Buffer.from(root, "base64").toString("hex"), timestamp, body, signatures };
}

/** "3f2a 9c01 …": a fingerprint in groups of four, easier to compare by eye and read out over the phone. */
export function groupedFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(" ") ?? hex;
}
