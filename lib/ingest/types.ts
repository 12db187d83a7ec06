// What every ingestion adapter reports about a row it could not take, and about a file it cannot read at all.

export interface RowError {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

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
