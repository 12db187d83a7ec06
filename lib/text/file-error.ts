// A file that cannot be read as a whole (not CSV, a line too long, not JSON…): nothing of it is imported.

export type FileProblemCode =
  | "empty"
  | "header-only"
  | "binary"
  | "not-utf8"
  | "not-codecarbon"
  | "wrong-delimiter"
  | "line-too-long"
  | "not-json"
  | "too-large"
  | "unsupported-type"
  | "wrong-source"
  | "missing-columns";

/** The whole file cannot be read: nothing of it is imported. The message is shown to the user as is. */
export class IngestFileError extends Error {
  override name = "IngestFileError";
  constructor(
    readonly code: FileProblemCode,
    message: string,
  ) {
    super(message);
  }
}
