// Every source Scopebook ingests from files, and how a file is matched to one. One adapter per source
// (lib/ingest/sources/<source>/: schema, pure mapper, tests on real files); later issues add cloud exports here.
import type { SourceAdapter } from "./source";
import { CodecarbonCsvReader } from "./sources/codecarbon-csv/reader";
import { CodecarbonJsonReader } from "./sources/codecarbon-json/reader";
import { IngestFileError } from "./types";

const ext = (fileName: string) => /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";

export const SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  {
    id: "codecarbon-json",
    sourceType: "CODECARBON_JSON",
    label: "CodeCarbon JSON (logger lines or HTTP output)",
    extensions: [".json", ".jsonl", ".ndjson"],
    claims: (fileName, head) => [".json", ".jsonl", ".ndjson"].includes(ext(fileName)) || /^\s*[[{]/.test(head),
    createReader: () => new CodecarbonJsonReader(),
  },
  {
    id: "codecarbon-csv",
    sourceType: "CODECARBON_CSV",
    label: "CodeCarbon emissions.csv",
    extensions: [".csv"],
    claims: (fileName) => ext(fileName) === ".csv",
    createReader: () => new CodecarbonCsvReader(),
  },
];

export const ACCEPTED_EXTENSIONS = [...new Set(SOURCE_ADAPTERS.flatMap((a) => a.extensions))];

/** Whether a file name could be read at all (checked before any byte is read). */
export function acceptsFileName(fileName: string): boolean {
  return ACCEPTED_EXTENSIONS.includes(ext(fileName));
}

/** The adapter for a file, from its name and the start of its text. */
export function adapterFor(fileName: string, head: string): SourceAdapter {
  const adapter = SOURCE_ADAPTERS.find((a) => a.claims(fileName, head));
  if (!adapter)
    throw new IngestFileError("unsupported-type", `"${fileName}" is not a file Scopebook reads (${ACCEPTED_EXTENSIONS.join(", ")}).`);
  return adapter;
}
