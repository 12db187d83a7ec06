// Streaming reader for CodeCarbon's JSON outputs:
// - JSON lines (the logger's output, one EmissionsData object per line): streamed, any size;
// - a JSON document (an array of EmissionsData objects, a single object, or captured webhook requests with a
//   `body`): read whole, up to MAX_DOCUMENT_CHARS (larger collections should be JSON lines).
import type { RowSink, SourceReader } from "../../source";
import type { MappedRow } from "../codecarbon-csv/map-row";
import { IngestFileError } from "../../types";
import { eachCompleteLine } from "../../pipeline/lines";
import { mapEmissionsData } from "./map";

export const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

type Mode = "undecided" | "lines" | "document";

export class CodecarbonJsonReader implements SourceReader<MappedRow> {
  private mode: Mode = "undecided";
  private pending = "";
  private rowNumber = 0;
  private readonly unknownKeys = new Set<string>();
  private headerSent = false;

  push(text: string, sink: RowSink<MappedRow>): void {
    this.pending += text;
    if (this.mode === "undecided") this.decide(false);
    if (this.mode === "lines") this.drainLines(sink, false);
    else if (this.mode === "document" && this.pending.length > MAX_DOCUMENT_CHARS)
      throw new IngestFileError(
        "too-large",
        `A JSON document is read whole, up to ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB; write larger collections as JSON lines (one EmissionsData object per line, as CodeCarbon's logger does).`,
      );
  }

  end(sink: RowSink<MappedRow>): void {
    if (this.mode === "undecided") this.decide(true);
    if (this.mode === "lines") this.drainLines(sink, true);
    else this.readDocument(sink);
    if (this.rowNumber === 0 && !this.headerSent) throw new IngestFileError("empty", "The file is empty.");
    this.sendHeader(sink);
    if (this.unknownKeys.size) sink.header({ detectedVersion: "", warnings: [`Unknown field(s) ignored: ${[...this.unknownKeys].join(", ")}.`] });
  }

  /** JSON lines when the first line is a complete object; otherwise one JSON document. */
  private decide(final: boolean): void {
    const text = this.pending.replace(/^\uFEFF/, "").trimStart();
    this.pending = text;
    if (!text) return;
    if (text[0] === "[") {
      this.mode = "document";
      return;
    }
    const nl = text.indexOf("\n");
    if (nl === -1 && !final) return;
    const first = nl === -1 ? text : text.slice(0, nl);
    try {
      JSON.parse(first);
      this.mode = "lines";
    } catch {
      this.mode = "document";
    }
  }

  private sendHeader(sink: RowSink<MappedRow>): void {
    if (this.headerSent) return;
    this.headerSent = true;
    sink.header({ detectedVersion: "3.x (JSON)", warnings: [] });
  }

  private drainLines(sink: RowSink<MappedRow>, final: boolean): void {
    this.pending = eachCompleteLine(this.pending, (line) => this.line(line, sink, false));
    if (final && this.pending.trim()) this.line(this.pending, sink, true);
    if (final) this.pending = "";
  }

  private line(text: string, sink: RowSink<MappedRow>, cutOff: boolean): void {
    if (!text.trim()) return;
    this.sendHeader(sink);
    const rowNumber = ++this.rowNumber;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const reason = cutOff
        ? "The file ends inside this line: it was cut off; upload the complete file."
        : "not valid JSON (each line must be one EmissionsData object)";
      sink.failed(rowNumber, [{ row: rowNumber, column: null, value: text.slice(0, 200), reason }], [text]);
      return;
    }
    this.emit(value, rowNumber, sink, text);
  }

  private readDocument(sink: RowSink<MappedRow>): void {
    const text = this.pending.trim();
    this.pending = "";
    if (!text) return;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new IngestFileError("not-json", `This is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
    }
    this.sendHeader(sink);
    for (const value of Array.isArray(doc) ? doc : [doc]) this.emit(value, ++this.rowNumber, sink);
  }

  private emit(value: unknown, rowNumber: number, sink: RowSink<MappedRow>, line?: string): void {
    const result = mapEmissionsData(value, rowNumber, this.unknownKeys);
    if ("row" in result) sink.row(result.row);
    else sink.failed(rowNumber, result.errors, [line ?? JSON.stringify(value)]);
  }
}
