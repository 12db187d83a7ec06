// The rows of a file that could not be imported, as CSV: one line per error (row, column, value, reason), followed
// by the row as the file has it — to fix in a spreadsheet and upload again. Produced by reading the file again.
import type { RowSink, SourceHeader } from "../source";
import type { RowError } from "../types";

export function csvLine(fields: readonly (string | number | null)[]): string {
  return (
    fields
      .map((f) => {
        const s = f === null ? "" : String(f);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(",") + "\r\n"
  );
}

export class BadRowsCsv implements RowSink {
  /** Lines ready to send (taken by the caller after each chunk). */
  lines: string[] = [];
  private headerSent = false;

  header(info: SourceHeader): void {
    if (this.headerSent) return;
    this.headerSent = true;
    this.lines.push(csvLine(["row", "column", "value", "reason", ...(info.header ?? ["line"])]));
  }

  row(): void {}

  failed(_rowNumber: number, errors: RowError[], raw: readonly string[] = []): void {
    for (const e of errors) this.lines.push(csvLine([e.row, e.column, e.value, e.reason, ...raw]));
  }

  take(): string {
    const out = this.lines.join("");
    this.lines = [];
    return out;
  }
}
