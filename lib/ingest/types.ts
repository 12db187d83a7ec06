// What every ingestion adapter reports about a row it could not take, and about a file it cannot read at all.

export type { RowError } from "../records/row-error";
export { IngestFileError, type FileProblemCode } from "../text/file-error";
