// The bytes of a factor CSV → its sha256 and parsed rows with row errors. A file that cannot be read at all is a 422
// (field "file"); over the limit a 413. Factor files are small: they are read whole, in memory.
import { createHash } from "node:crypto";
import { AppError } from "../../errors";
import { FactorCsvFileError, parseFactorCsv, type FactorCsvResult } from "../../factors/factor-csv";

export const FACTOR_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function readFactorFile(file: UploadedFile): { sha256: string; parsed: FactorCsvResult } {
  if (file.bytes.byteLength > FACTOR_FILE_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `A factor file may be at most ${FACTOR_FILE_MAX_BYTES / 1024 / 1024} MB.`, [{ field: "file", reason: "too large" }]);
  if (file.bytes.byteLength === 0) throw new AppError("VALIDATION", "The file is empty.", [{ field: "file", reason: "empty" }]);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    throw new AppError("VALIDATION", "The file is not UTF-8 text: save it as CSV (UTF-8).", [{ field: "file", reason: "not UTF-8 text" }]);
  }
  try {
    return { sha256: sha256Of(file.bytes), parsed: parseFactorCsv(text) };
  } catch (err) {
    if (err instanceof FactorCsvFileError) throw new AppError("VALIDATION", err.message, [{ field: "file", reason: err.message }]);
    throw err;
  }
}
