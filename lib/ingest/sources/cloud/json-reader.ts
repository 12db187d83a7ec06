// The reader shared by the cloud JSON adapters. Numbers keep their exact text (lib/json-exact.ts).
// - lines: newline-delimited JSON (BigQuery's export), one object a row, nested objects flattened to dotted names
//   ("carbon_footprint_kgCO2e": { "scope1": … } → "carbon_footprint_kgCO2e.scope1"); streamed, any size;
// - document: one JSON value read whole (up to MAX_DOCUMENT_CHARS) whose rows a source lists (CCF's /footprint).
import { JsonNumber, JsonSyntaxError, parseJsonExact } from "../../../json-exact";
import type { ProviderRecord } from "../../../records/provider-emission";
import type { RowSink, SourceReader } from "../../source";
import { IngestFileError } from "../../types";
import { eachCompleteLine } from "../../pipeline/lines";
import { contextWarnings, normName, type CloudSchema, type MapContext } from "./columns";

export const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

type Flat = Map<string, string | null>;

/** An object's leaves by normalized dotted name; numbers as their exact text, booleans as "true"/"false". */
export function flatten(value: Record<string, unknown>, into: Flat = new Map(), prefix = ""): Flat {
  for (const [k, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v instanceof JsonNumber) into.set(normName(name), v.text);
    else if (v === null || typeof v === "string") into.set(normName(name), v);
    else if (typeof v === "boolean") into.set(normName(name), String(v));
    else if (typeof v === "object" && !Array.isArray(v)) flatten(v as Record<string, unknown>, into, name);
  }
  return into;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);

export interface JsonRows {
  /** The rows of a whole document (objects; anything else becomes a row error). */
  rowsOf(doc: unknown): unknown[];
}

export class CloudJsonReader implements SourceReader<ProviderRecord> {
  private pending = "";
  private rowNumber = 0;
  private headerSent = false;
  private readonly ctx: MapContext = { units: new Set() };
  private flat: Flat = new Map();
  private readonly cells = (key: string) => {
    const names = this.keyNames.get(key)!;
    for (const n of names) if (this.flat.has(n)) return this.flat.get(n)!;
    return undefined;
  };
  private readonly keyNames = new Map<string, string[]>();

  constructor(
    private readonly schema: CloudSchema,
    private readonly document: JsonRows | null = null,
  ) {
    for (const c of schema.columns) this.keyNames.set(c.key, c.names.map(normName));
  }

  push(text: string, sink: RowSink<ProviderRecord>): void {
    this.pending += text;
    if (this.document) {
      if (this.pending.length > MAX_DOCUMENT_CHARS)
        throw new IngestFileError("too-large", `A JSON document is read whole, up to ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB; export larger ones as JSON lines.`);
      return;
    }
    this.pending = eachCompleteLine(this.pending, (line) => this.line(line, sink, false));
  }

  end(sink: RowSink<ProviderRecord>): void {
    if (this.document) this.readDocument(sink);
    else if (this.pending.trim()) this.line(this.pending, sink, true);
    this.pending = "";
    if (!this.headerSent) throw new IngestFileError("empty", "The file is empty.");
    const warnings = contextWarnings(this.ctx);
    if (warnings.length) sink.header({ detectedVersion: "", warnings });
  }

  private sendHeader(sink: RowSink<ProviderRecord>): void {
    if (this.headerSent) return;
    this.headerSent = true;
    sink.header({ detectedVersion: this.schema.detectedVersion, warnings: [] });
  }

  private line(text: string, sink: RowSink<ProviderRecord>, cutOff: boolean): void {
    if (!text.trim()) return;
    this.sendHeader(sink);
    const rowNumber = ++this.rowNumber;
    let value: unknown;
    try {
      value = parseJsonExact(text.replace(/^\uFEFF/, ""));
    } catch (err) {
      const reason = cutOff
        ? "The file ends inside this line: it was cut off; upload the complete file."
        : `not valid JSON (${err instanceof JsonSyntaxError ? err.message : "syntax error"}); each line must be one JSON object`;
      sink.failed(rowNumber, [{ row: rowNumber, column: null, value: text.slice(0, 200), reason }], [text]);
      return;
    }
    this.emit(value, rowNumber, sink, text);
  }

  private readDocument(sink: RowSink<ProviderRecord>): void {
    const text = this.pending.replace(/^\uFEFF/, "").trim();
    if (!text) return;
    let doc: unknown;
    try {
      doc = parseJsonExact(text);
    } catch (err) {
      throw new IngestFileError("not-json", `This is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
    }
    this.sendHeader(sink);
    for (const value of this.document!.rowsOf(doc)) this.emit(value, ++this.rowNumber, sink);
  }

  private emit(value: unknown, rowNumber: number, sink: RowSink<ProviderRecord>, line?: string): void {
    if (!isObject(value)) {
      const shown = line ?? safeText(value);
      sink.failed(rowNumber, [{ row: rowNumber, column: null, value: shown.slice(0, 200), reason: "not a JSON object (each row must be an object of named fields)" }], [shown]);
      return;
    }
    this.flat = flatten(value);
    const result = this.schema.map(this.cells, rowNumber, this.ctx);
    if ("record" in result) sink.row(result.record);
    else sink.failed(rowNumber, result.errors, [line ?? safeText(value)]);
  }
}

function safeText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
