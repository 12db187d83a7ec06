// A reader for Scopebook's own CSV templates (activity data, contractual instruments): columns matched by name in
// any order (case and surrounding spaces ignored), unknown columns ignored with a warning, a missing required
// column refuses the file; each row's cells go to the adapter's pure mapper by field name.
import type { TemplateColumn } from "../../activity/templates";
import { CsvRowReader, isBlankRow, type CsvChunkRows } from "../../text/csv-rows";
import type { RowSink, SourceReader } from "../source";
import { IngestFileError, type RowError } from "../types";

export type MapResult<R, F extends string> = { ok: true; value: R } | { ok: false; issues: { field: F; value: string | null; reason: string }[] };

/** The column names of a CSV header line as the templates match them. */
export function headerNames(line: string): string[] {
  return line
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((c) => c.trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase());
}

/** Whether the first line of `head` names every one of `columns`. */
export function headHasColumns(head: string, columns: readonly string[]): boolean {
  const names = headerNames(head.split(/\r?\n|\r/, 1)[0] ?? "");
  return columns.every((c) => names.includes(c));
}

export class TemplateCsvReader<F extends string, R> implements SourceReader<R> {
  private readonly csv = new CsvRowReader(",");
  /** Field of each file column (null: ignored). */
  private plan: (F | null)[] | null = null;
  private rowNumber = 0;

  constructor(
    private readonly templateName: string,
    private readonly columns: readonly TemplateColumn<F>[],
    private readonly map: (fields: Partial<Record<F, string>>, rowNumber: number) => MapResult<R, F>,
  ) {}

  push(text: string, sink: RowSink<R>): void {
    this.take(this.csv.push(text), sink);
  }

  end(sink: RowSink<R>): void {
    this.take(this.csv.end(), sink);
    if (!this.plan) throw new IngestFileError("empty", "The file is empty.");
  }

  private planHeader(fields: string[], sink: RowSink<R>): void {
    const names = fields.map((f) => f.trim().toLowerCase());
    const seen = new Set<string>();
    for (const n of names) {
      if (n && seen.has(n)) throw new IngestFileError("missing-columns", `The column "${n}" appears twice in the header.`);
      seen.add(n);
    }
    const missing = this.columns.filter((c) => c.required && !names.includes(c.column)).map((c) => c.column);
    if (missing.length)
      throw new IngestFileError("missing-columns", `This ${this.templateName} file lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (download the template for the full header).`);
    this.plan = names.map((n) => this.columns.find((c) => c.column === n)?.field ?? null);
    const ignored = fields.filter((_, i) => this.plan![i] === null && names[i] !== "");
    sink.header({
      detectedVersion: "template 1",
      warnings: ignored.length ? [`Columns not in the ${this.templateName} template are ignored: ${ignored.join(", ")}.`] : [],
      header: fields,
    });
  }

  private take({ rows, problems }: CsvChunkRows, sink: RowSink<R>): void {
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i];
      if (isBlankRow(fields)) continue;
      if (!this.plan) {
        this.planHeader(fields, sink);
        continue;
      }
      const rowNumber = ++this.rowNumber;
      const fail = (errors: RowError[]) => sink.failed(rowNumber, errors, fields);
      const problem = problems?.get(i);
      if (problem) {
        fail([{ row: rowNumber, column: null, value: null, reason: problem }]);
        continue;
      }
      if (fields.length > this.plan.length && fields.slice(this.plan.length).some((f) => f.trim() !== "")) {
        fail([{ row: rowNumber, column: null, value: null, reason: `the row has ${fields.length} fields; the header has ${this.plan.length}` }]);
        continue;
      }
      const values: Partial<Record<F, string>> = {};
      this.plan.forEach((field, k) => {
        if (field !== null && k < fields.length) values[field] = fields[k];
      });
      const mapped = this.map(values, rowNumber);
      if (mapped.ok) sink.row(mapped.value);
      else fail(mapped.issues.map((e) => ({ row: rowNumber, column: this.columns.find((c) => c.field === e.field)?.column ?? e.field, value: e.value, reason: e.reason })));
    }
  }
}
