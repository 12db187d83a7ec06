// Builds the evidence pack from its sections (decision 0028): large files go to a temp folder as they are produced
// (hashed on the way, never whole in memory), then MANIFEST.json (every file with sha256, bytes, role), its raw
// Ed25519 signature, SHA256SUMS and START_HERE.html, zipped with yazl in sorted order, fixed mtime and mode: the
// same version gives the same bytes (Ed25519 signatures are deterministic too).
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { Readable } from "node:stream";
import yazl from "yazl";
import { dataDir } from "../../../storage/uploads";
import { signBytes } from "../signing-key";
import type { PackContext, PackFile, PackSection } from "./section";
import { startHere } from "./start-here";

export const PACK_SCHEMA = "scopebook.evidence-pack/1";
const META = ["MANIFEST.json", "MANIFEST.json.sig", "SHA256SUMS", "START_HERE.html"];

interface Built { path: string; role: string; mediaType: string; sha256: string; bytes: number; data?: Buffer; file?: string }

function safePath(p: string): string {
  if (!p || p.startsWith("/") || p.includes("\\") || p.split("/").some((s) => s === ".." || s === "." || s === "")) throw new Error(`pack path not allowed: ${p}`);
  return p;
}

/** Hashes a file as it is produced; a streamed file goes to `file` on disk, never whole in memory. */
async function produce(f: PackFile, file: string): Promise<Built> {
  safePath(f.path);
  if (f.bytes) return { path: f.path, role: f.role, mediaType: f.mediaType, sha256: createHash("sha256").update(f.bytes).digest("hex"), bytes: f.bytes.length, data: f.bytes };
  if (!f.stream) throw new Error(`pack file without content: ${f.path}`);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const hash = createHash("sha256");
  let bytes = 0;
  await f.stream(async (chunk) => {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    hash.update(b);
    bytes += b.length;
    if (!out.write(b)) await once(out, "drain");
  });
  out.end();
  await once(out, "close");
  return { path: f.path, role: f.role, mediaType: f.mediaType, sha256: hash.digest("hex"), bytes, file };
}

export async function buildPack(pc: PackContext, sections: PackSection[], materiality: unknown): Promise<{ fileName: string; packId: string; manifestSha256: string; stream: Readable }> {
  const tmp = path.join(dataDir(), "tmp", `pack-${randomUUID()}`);
  await mkdir(tmp, { recursive: true });
  try {
    const built: Built[] = [];
    const phases = process.env.SCOPEBOOK_PACK_PHASES === "1";
    // Sections run side by side (the PDF renders while the ledger waits on the database); the order is the sort's.
    await Promise.all(
      sections.map(async (section, si) => {
        const t0 = performance.now();
        for (const [fi, f] of (await section.files(pc)).entries()) built.push(await produce(f, path.join(tmp, `${si}-${fi}`)));
        if (phases) console.log(`[pack] section ${section.name}: ${(performance.now() - t0).toFixed(0)} ms`);
      }),
    );
    built.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const dup = built.find((b, i) => i > 0 && built[i - 1].path === b.path);
    if (dup) throw new Error(`two sections wrote ${dup.path}`);
    const packId = createHash("sha256").update(`${pc.organization.id}\n${pc.period.id}\n${pc.version.number}\n${pc.version.sha256}\n${pc.checkpoint.rootHash}`).digest("hex").slice(0, 16);
    const manifest = {
      schema: PACK_SCHEMA,
      packId,
      org: { id: pc.organization.id, name: pc.organization.name, slug: pc.organization.slug },
      period: { id: pc.period.id, name: pc.period.name, startDate: pc.period.startDate.toISOString().slice(0, 10), endDate: pc.period.endDate.toISOString().slice(0, 10) },
      version: { reportVersionId: pc.version.id, number: pc.version.number, calculationVersionId: pc.version.calculationVersionId, approvedAt: pc.version.approvedAt.toISOString() },
      generatedAt: pc.version.approvedAt.toISOString(),
      statementSha256: pc.version.sha256,
      ledgerRoot: pc.facts.ledgerRoot ?? null,
      auditCheckpoint: { origin: `scopebook:${pc.organization.id}`, treeSize: pc.checkpoint.treeSize, root: pc.checkpoint.rootHash, timestamp: pc.checkpoint.timestamp.toISOString(), file: "audit-log/checkpoint.txt" },
      signingKey: { algorithm: "Ed25519", fingerprint: pc.key.fingerprint, file: "keys/org-signing.pub.pem" },
      materiality,
      files: built.map((b) => ({ path: b.path, sha256: b.sha256, bytes: b.bytes, mediaType: b.mediaType, role: b.role })),
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + "\n");
    const manifestSha256 = createHash("sha256").update(manifestBytes).digest("hex");
    const sig = signBytes(pc.key, manifestBytes);
    const html = Buffer.from(startHere(pc, { packId, manifestSha256, files: built.length }));
    const sumOf = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    const sums = [...built.map((b) => ({ path: b.path, sha256: b.sha256 })), { path: "MANIFEST.json", sha256: manifestSha256 }, { path: "START_HERE.html", sha256: sumOf(html) }]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((s) => `${s.sha256}  ${s.path}\n`)
      .join("");
    const meta: Record<string, Buffer> = { "MANIFEST.json": manifestBytes, "MANIFEST.json.sig": sig, SHA256SUMS: Buffer.from(sums), "START_HERE.html": html };
    const entries: { path: string; data?: Buffer; file?: string }[] = [...built, ...META.map((p) => ({ path: p, data: meta[p] }))].sort((a, b) => (a.path < b.path ? -1 : 1));
    const zip = new yazl.ZipFile();
    const opts = { mtime: pc.version.approvedAt, mode: 0o100644, compress: true, compressionLevel: 6 };
    for (const e of entries) {
      if (e.data) zip.addBuffer(e.data, e.path, opts);
      else zip.addReadStream(createReadStream(e.file!, { highWaterMark: 1 << 20 }), e.path, opts);
    }
    zip.end();
    const stream = zip.outputStream as unknown as Readable;
    const cleanup = () => void rm(tmp, { recursive: true, force: true });
    stream.once("end", cleanup);
    stream.once("error", cleanup);
    stream.once("close", cleanup);
    const fileName = `scopebook-evidence_${pc.organization.slug}_${pc.period.name}_v${pc.version.number}_${packId}.zip`.replace(/[^\w.-]+/g, "_");
    return { fileName, packId, manifestSha256, stream };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
