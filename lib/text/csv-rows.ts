// CSV text → rows of fields, chunk by chunk, so a file of any size streams through in constant memory.
// papaparse's core Parser does the splitting (its fast path when a chunk has no quotes: ~460k rows/s here); this
// keeps the partial last line between chunks, strips a UTF-8 BOM, and detects the line ending once.
import Papa from "papaparse";
import { IngestFileError } from "./file-error";

/** A row longer than this is not a tracker's row (and must not grow memory without bound). */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

export interface CsvChunkRows {
  rows: string[][];
  /** Index in `rows` → what papaparse found wrong with that row (an unclosed or stray quote). */
  problems: Map<number, string> | null;
}

type Newline = "\n" | "\r\n" | "\r";

export class CsvRowReader {
  private parser: Papa.Parser | null = null;
  private pending = "";
  private started = false;
  /** After end(): whether the last row was terminated by a line break (CodeCarbon always writes one). */
  endedWithNewline = true;

  /** The delimiter in use: given, or chosen from the first line. */
  delimiter: string;

  constructor(private readonly choose: string | ((firstLine: string) => string) = ",") {
    this.delimiter = typeof choose === "string" ? choose : ",";
  }

  /** Rows completed by this chunk of text; the unterminated remainder waits for the next chunk. */
  push(text: string): CsvChunkRows {
    let input = this.pending + text;
    if (!this.started) {
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
      const newline = detectNewline(input, false);
      if (!newline) {
        if (input.length > MAX_ROW_CHARS)
          throw new IngestFileError("line-too-long", `The first ${MAX_ROW_CHARS / 1024 / 1024} MB of this file hold no line break: it is not a CSV file.`);
        this.pending = input; // no complete line yet
        return { rows: [], problems: null };
      }
      this.start(newline, input);
    }
    const rows = this.parse(input, false);
    if (this.pending.length > MAX_ROW_CHARS)
      throw new IngestFileError("line-too-long", `A line of this file is longer than ${MAX_ROW_CHARS / 1024 / 1024} MB: it is not a CSV file a tracker writes.`);
    return rows;
  }

  /** The rows left when the text ends (a last line without a line break is still a row). */
  end(): CsvChunkRows {
    let input = this.pending;
    if (!this.started) {
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
      this.start(detectNewline(input, true) ?? "\n", input);
    }
    this.endedWithNewline = input.length === 0;
    return this.parse(input, true);
  }

  private start(newline: Newline, text: string) {
    this.started = true;
    if (typeof this.choose === "function") {
      const end = text.indexOf(newline);
      this.delimiter = this.choose(end === -1 ? text : text.slice(0, end));
    }
    this.parser = new Papa.Parser({ delimiter: this.delimiter, newline });
  }

  private parse(input: string, final: boolean): CsvChunkRows {
    if (!input) {
      this.pending = "";
      return { rows: [], problems: null };
    }
    const result = this.parser!.parse(input, 0, !final) as Papa.ParseResult<string[]>;
    this.pending = final ? "" : input.slice(result.meta.cursor);
    let problems: Map<number, string> | null = null;
    for (const e of result.errors) {
      if (e.row === undefined) continue;
      problems ??= new Map();
      problems.set(e.row, e.code === "MissingQuotes" ? "a quoted value is never closed" : `malformed quotes (${e.message})`);
    }
    return { rows: result.data, problems };
  }
}

function detectNewline(text: string, final: boolean): Newline | null {
  const lf = text.indexOf("\n");
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return "\r\n";
  if (lf !== -1) return "\n";
  const cr = text.indexOf("\r");
  // A CR at the very end may be the first half of a CRLF split between two chunks: wait for the next one.
  return cr !== -1 && (final || cr < text.length - 1) ? "\r" : null;
}

/** A row with no content: skipped, not counted (blank lines between rows). */
export function isBlankRow(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].trim() !== "") return false;
  return true;
}
