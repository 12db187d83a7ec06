// The CodeCarbon CSV adapter's streaming reader: text chunks → header plan → mapped rows / row errors.
import { CsvRowReader, isBlankRow, type CsvChunkRows } from "../../../text/csv-rows";
import type { RowSink, SourceReader } from "../../source";
import type { MappedRow } from "./map-row";
import type { RowError } from "../../types";
import { CodecarbonHeaderError, chooseDelimiter, planColumns, type ColumnPlan } from "./header";
import { mapRow } from "./map-row";

export class CodecarbonCsvReader implements SourceReader<MappedRow> {
  private readonly csv = new CsvRowReader(chooseDelimiter);
  private plan: ColumnPlan | null = null;
  private rowNumber = 0;
  private readonly errors: RowError[] = [];

  push(text: string, sink: RowSink<MappedRow>): void {
    this.take(this.csv.push(text), sink, false);
  }

  end(sink: RowSink<MappedRow>): void {
    this.take(this.csv.end(), sink, !this.csv.endedWithNewline);
    if (!this.plan) throw new CodecarbonHeaderError("The file is empty.", "empty");
  }

  private take({ rows, problems }: CsvChunkRows, sink: RowSink<MappedRow>, lastRowCutOff: boolean): void {
    let last = rows.length - 1;
    if (lastRowCutOff) while (last >= 0 && isBlankRow(rows[last])) last--;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i];
      if (isBlankRow(fields)) continue;
      if (!this.plan) {
        this.plan = planColumns(fields, this.csv.delimiter);
        sink.header({ detectedVersion: this.plan.detectedVersion, warnings: this.plan.warnings, header: this.plan.header });
        continue;
      }
      const rowNumber = ++this.rowNumber;
      const problem = problems?.get(i);
      if (problem) {
        sink.failed(rowNumber, [{ row: rowNumber, column: null, value: null, reason: problem }], fields);
        continue;
      }
      const mapped = mapRow(this.plan, fields, rowNumber, this.errors, lastRowCutOff && i === last);
      if (mapped) sink.row(mapped);
      else {
        sink.failed(rowNumber, this.errors.slice(), fields);
        this.errors.length = 0;
      }
    }
  }
}
