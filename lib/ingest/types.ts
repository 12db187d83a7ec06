// What every ingestion adapter reports about a row it could not take.
export interface RowError {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}
