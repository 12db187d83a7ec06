// Uploaded files on disk under the data folder (SCOPEBOOK_DATA_DIR, default .data; git-ignored):
//   uploads/tmp/<random>.part   while a request streams in (removed on any failure or disconnect);
//   uploads/<organization id>/<sha256>   evidence of files larger than INLINE_EVIDENCE_MAX_BYTES.
// Smaller files are kept in the database (evidence_files.content) and their temp file is removed.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";

/** Evidence up to this size lives in the database (self-contained backups); larger files live on disk. */
export const INLINE_EVIDENCE_MAX_BYTES = 8 * 1024 * 1024;
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
/**
 * Stored files are read back in 128 KB chunks: each is parsed in a few milliseconds, so the event loop turns over
 * often and the import's database connection is never kept waiting for long (its statements return sooner).
 */
export const READ_CHUNK = 128 * 1024;

export function dataDir(): string {
  return path.resolve(process.env.SCOPEBOOK_DATA_DIR || ".data");
}

const uploadsDir = () => path.join(dataDir(), "uploads");

/** A storage path as kept on evidence_files (relative to the data folder, so the folder can move). */
export function absoluteStoragePath(storagePath: string): string {
  const full = path.resolve(dataDir(), storagePath);
  if (!full.startsWith(uploadsDir() + path.sep)) throw new Error(`storage path outside the uploads folder: ${storagePath}`);
  return full;
}

export interface TempUpload {
  path: string;
  /** Appends a chunk, waiting when the disk is slower than the network (backpressure). */
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
  /** Closes and deletes the file (any failure, a disconnect, a duplicate). Never throws. */
  discard(): Promise<void>;
}

/** A new temp file for an incoming upload; temp files left by a crash more than a day ago are swept. */
export async function createTempUpload(): Promise<TempUpload> {
  const dir = path.join(uploadsDir(), "tmp");
  await mkdir(dir, { recursive: true });
  void sweepStaleTemps(dir);
  const file = path.join(dir, `${randomUUID()}.part`);
  const out: WriteStream = createWriteStream(file, { flags: "wx", highWaterMark: 1 << 20 });
  let failed: Error | null = null;
  out.on("error", (err) => (failed = err));
  const close = async () => {
    if (out.closed) return;
    out.end();
    await once(out, "close");
  };
  return {
    path: file,
    async write(chunk) {
      if (failed) throw failed;
      if (!out.write(chunk)) await once(out, "drain");
    },
    async close() {
      await close();
      if (failed) throw failed;
    },
    async discard() {
      await close().catch(() => {});
      await rm(file, { force: true }).catch(() => {});
    },
  };
}

async function sweepStaleTemps(dir: string): Promise<void> {
  try {
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      const st = await stat(file).catch(() => null);
      if (st && Date.now() - st.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
    }
  } catch {
    // best effort
  }
}

/** Moves a finished temp file to its evidence place; returns the storage path to record. */
export async function keepUpload(tempPath: string, organizationId: string, sha256: string): Promise<string> {
  const relative = path.join("uploads", organizationId, sha256);
  const target = absoluteStoragePath(relative);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(tempPath, target);
  return relative;
}

export async function removeStored(storagePath: string): Promise<void> {
  await rm(absoluteStoragePath(storagePath), { force: true });
}

export function openStored(storagePath: string): ReadStream {
  return createReadStream(absoluteStoragePath(storagePath), { highWaterMark: READ_CHUNK });
}
