// The streaming reader shared by the cloud CSV adapters: header → column plan (by loose names, columns.ts),
// then each row through the source's pure mapper. A header without a required column refuses the file.
import { CsvRowReader, isBlankRow, type CsvChunkRows } from "../../../text/csv-rows";
import type { ProviderRecord } from "../../../records/provider-emission";
import type { RowSink, SourceReader } from "../../source";
import { IngestFileError } from "../../types";
import { contextWarnings, nameIndex, normName, type CloudSchema, type MapContext } from "./columns";

export class CloudCsvReader implements SourceReader<ProviderRecord> {
  private readonly csv = new CsvRowReader(",");
  private plan: Map<string, number> | null = null;
  private rowNumber = 0;
  private readonly ctx: MapContext = { units: new Set() };
  private fields: string[] = [];
  private readonly cells = (key: string) => {
    const i = this.plan!.get(key);
    return i === undefined ? undefined : this.fields[i];
  };

  constructor(private readonly schema: CloudSchema) {}

  push(text: string, sink: RowSink<ProviderRecord>): void {
    this.take(this.csv.push(text), sink);
  }

  end(sink: RowSink<ProviderRecord>): void {
    this.take(this.csv.end(), sink);
    if (!this.plan) throw new IngestFileError("empty", "The file is empty.");
    const warnings = contextWarnings(this.ctx);
    if (warnings.length) sink.header({ detectedVersion: "", warnings });
  }

  private header(fields: string[], sink: RowSink<ProviderRecord>): void {
    const index = nameIndex(this.schema.columns);
    const plan = new Map<string, number>();
    const unknown: string[] = [];
    fields.forEach((f, i) => {
      const key = index.get(normName(f));
      if (key && !plan.has(key)) plan.set(key, i);
      else if (f.trim()) unknown.push(f.trim());
    });
    const missing = this.schema.columns.filter((c) => c.required && !plan.has(c.key)).map((c) => c.names[0]);
    if (missing.length) throw new IngestFileError("missing-columns", `The header lacks required column(s): ${missing.join(", ")}.`);
    this.plan = plan;
    sink.header({
      detectedVersion: this.schema.detectedVersion,
      warnings: unknown.length ? [`Column(s) not used: ${unknown.join(", ")}.`] : [],
      header: fields,
    });
  }

  private take({ rows, problems }: CsvChunkRows, sink: RowSink<ProviderRecord>): void {
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i];
      if (isBlankRow(fields)) continue;
      if (!this.plan) {
        this.header(fields, sink);
        continue;
      }
      const rowNumber = ++this.rowNumber;
      const problem = problems?.get(i);
      if (problem) {
        sink.failed(rowNumber, [{ row: rowNumber, column: null, value: null, reason: problem }], fields);
        continue;
      }
      this.fields = fields;
      const result = this.schema.map(this.cells, rowNumber, this.ctx);
      if ("record" in result) sink.row(result.record);
      else sink.failed(rowNumber, result.errors, fields);
    }
  }
}
