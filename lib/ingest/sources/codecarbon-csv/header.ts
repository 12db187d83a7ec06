// A CodeCarbon header → where each column is: by name, never by position (formats.md §1). Handles a UTF-8 BOM
// (stripped by the reader), a leading unnamed pandas index column, trailing empty header cells, the 0.x `country`
// spelling, and refuses files without the required columns with a message that says which.
import { IngestFileError } from "../../types";
import {
  ALIASES,
  KNOWN_COLUMNS,
  MACHINE_COLUMNS,
  QUANTITY_COLUMNS,
  detectVersion,
  missingRequired,
} from "./schema";

export class CodecarbonHeaderError extends IngestFileError {
  override name = "CodecarbonHeaderError";
  constructor(message: string, code: "empty" | "not-codecarbon" | "wrong-delimiter" = "not-codecarbon") {
    super(code, message);
  }
}

export interface ColumnPlan {
  /** The header cells, trimmed. */
  header: string[];
  /** Fields a row must have: up to the last named header cell (trailing empty cells are not columns). */
  expectedFields: number;
  /** The first column is pandas' unnamed index: not data, not part of a row's identity. */
  leadingIndex: boolean;
  timestamp: number;
  project: number;
  run: number;
  experiment: number;
  /** Field index per QUANTITY_COLUMNS entry, -1 when the file lacks the column. */
  quantity: number[];
  /** Field index per MACHINE_COLUMNS entry, -1 when absent. */
  machine: number[];
  detectedVersion: string;
  warnings: string[];
}

const NOT_CODECARBON = "This does not look like a CodeCarbon emissions file";

const DELIMITERS = [
  [",", "commas"],
  [";", "semicolons (;)"],
  ["\t", "tabs"],
  ["|", "vertical bars (|)"],
] as const;

/**
 * The delimiter of a CodeCarbon file from its header line: commas as the tracker writes them, or what a spreadsheet
 * used when it re-saved the file (the first that yields the required columns). Commas when none does.
 */
export function chooseDelimiter(headerLine: string): string {
  const line = headerLine.replace(/^\uFEFF/, "");
  for (const [d] of DELIMITERS) if (missingRequired(new Set(line.split(d).map((c) => c.trim()))).length === 0) return d;
  return ",";
}

/** The warning shown when a file is not comma-separated (a clear message, the file is still read). */
export function delimiterWarning(delimiter: string): string | null {
  if (delimiter === ",") return null;
  const label = DELIMITERS.find(([d]) => d === delimiter)?.[1] ?? JSON.stringify(delimiter);
  return `Columns are separated by ${label}, not commas (a spreadsheet re-saved the file?): read with that separator. Numbers written with a decimal comma (0,5) cannot be read.`;
}

/** The plan for a header row (already split into cells), or CodecarbonHeaderError saying what is wrong. */
export function planColumns(rawHeader: string[] | undefined, delimiter = ","): ColumnPlan {
  if (!rawHeader || rawHeader.every((c) => !c.trim())) throw new CodecarbonHeaderError("The file is empty.", "empty");
  const header = rawHeader.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim());

  const index = new Map<string, number>();
  const duplicates: string[] = [];
  header.forEach((name, i) => {
    if (!name) return;
    if (index.has(name)) duplicates.push(name);
    else index.set(name, i);
  });
  for (const [alias, canonical] of Object.entries(ALIASES)) {
    const at = index.get(alias);
    if (at !== undefined && !index.has(canonical)) index.set(canonical, at);
  }
  const missing = missingRequired(new Set(index.keys()));
  if (missing.length)
    throw new CodecarbonHeaderError(`${NOT_CODECARBON}: required column(s) missing: ${missing.join(", ")}.`);

  const warnings: string[] = [];
  const separator = delimiterWarning(delimiter);
  if (separator) warnings.push(separator);
  const unknown = header.filter((h) => h && !KNOWN_COLUMNS.has(h));
  if (unknown.length) warnings.push(`Unknown column(s) ignored: ${unknown.join(", ")}.`);
  if (duplicates.length) warnings.push(`Column(s) named twice, the first is read: ${[...new Set(duplicates)].join(", ")}.`);
  const at = (name: string) => index.get(name) ?? -1;
  return {
    header,
    expectedFields: header.reduce((acc, h, i) => (h ? i : acc), -1) + 1,
    leadingIndex: header[0] === "",
    timestamp: at("timestamp"),
    project: at("project_name"),
    run: at("run_id"),
    experiment: at("experiment_id"),
    quantity: QUANTITY_COLUMNS.map((c) => at(c.column)),
    machine: MACHINE_COLUMNS.map((c) => at(c.column)),
    detectedVersion: detectVersion(new Set(index.keys())),
    warnings,
  };
}
