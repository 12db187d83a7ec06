// What a parser reports about a row it could not take: shown in the preview, kept in the bad-rows download, and
// produced by writers for rows refused at commit (conflicts with earlier imports).

export interface RowError {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}
