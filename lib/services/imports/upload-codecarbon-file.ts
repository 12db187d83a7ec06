// Use case: upload a file and commit it at once (no preview step): the demo seed, scripts and API clients that
// pass ?confirm=true. The same two steps as the UI — uploadImport, then confirmImport — waiting for the commit.
import { Readable } from "node:stream";
import type { ServiceContext } from "../../auth/context";
import { AppError } from "../../errors";
import { confirmImport } from "./confirm-import";
import { uploadImport } from "./upload-import";

export interface UploadInput {
  fileName: string;
  contentType: string;
  /** The whole file, or a stream of it. */
  bytes?: Buffer;
  body?: AsyncIterable<Uint8Array>;
  maxBytes: number;
  declaredBytes?: number;
}

export interface UploadResult {
  importId: string;
  duplicateFile: boolean;
  rowsTotal: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsFailed: number;
}

export async function uploadCodecarbonFile({ ctx, input }: { ctx: ServiceContext; input: UploadInput }): Promise<UploadResult> {
  const body = input.body ?? Readable.from(input.bytes && input.bytes.length ? [input.bytes] : []);
  const uploaded = await uploadImport({ ctx, input: { ...input, body } });
  const imp = uploaded.import;
  // A preview of the same bytes that nobody confirmed (or a failed attempt) is committed now: that is what was asked.
  if (imp.status === "PREVIEW" || imp.status === "FAILED") {
    try {
      const done = await confirmImport({ ctx, input: { importId: imp.id }, wait: true });
      if (done.status !== "COMMITTED") throw new AppError("CONFLICT", done.failureReason ?? `The import ended ${done.status.toLowerCase()}.`);
      return { importId: done.id, duplicateFile: false, rowsTotal: done.rowsTotal, rowsImported: done.rowsImported, rowsDuplicate: done.rowsDuplicate, rowsFailed: done.rowsFailed };
    } catch (err) {
      // Someone else confirmed the same bytes a moment ago (it is being written by them): this upload is the duplicate.
      if (!(err instanceof AppError && err.code === "CONFLICT")) throw err;
    }
  }
  return { importId: imp.id, duplicateFile: true, rowsTotal: imp.rowsTotal, rowsImported: 0, rowsDuplicate: imp.rowsTotal, rowsFailed: 0 };
}
