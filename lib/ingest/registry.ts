// Every source Scopebook ingests from files, and how a file is matched to one. One adapter per source
// (lib/ingest/sources/<source>/: schema, pure mapper, reader, tests on real files). Adapters that recognise a file
// by its content come first; CodeCarbon's adapters, last, claim by file name (its old CSV headers vary too much).
import { SOURCE_LABELS } from "../records/source-types";
import type { RecordKind, SourceAdapter, SourceTypeName } from "./source";
import { claimsActivityCsv, createActivityCsvReader } from "./sources/activity-csv/reader";
import { CodecarbonCsvReader } from "./sources/codecarbon-csv/reader";
import { claimsInstrumentsCsv, createInstrumentsCsvReader } from "./sources/instruments-csv/reader";
import { CodecarbonJsonReader } from "./sources/codecarbon-json/reader";
import { AWS_ADAPTERS } from "./sources/aws-carbon/adapter";
import { AZURE_ADAPTERS } from "./sources/azure-emissions/adapter";
import { CCF_ADAPTERS } from "./sources/ccf-estimates/adapter";
import { GCP_ADAPTERS } from "./sources/gcp-carbon/adapter";
import { IngestFileError } from "./types";

const ext = (fileName: string) => /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";

/** Adapters recognising content (cloud exports, estimates, activity data): checked before CodeCarbon's. */
const CONTENT_ADAPTERS: readonly SourceAdapter[] = [
  ...GCP_ADAPTERS,
  ...AWS_ADAPTERS,
  ...AZURE_ADAPTERS,
  ...CCF_ADAPTERS,
  {
    id: "activity-csv",
    sourceType: "ACTIVITY_CSV",
    recordKind: "activity",
    label: "Scopebook activity data CSV",
    extensions: [".csv"],
    claims: (fileName, head) => ext(fileName) === ".csv" && claimsActivityCsv(head),
    createReader: createActivityCsvReader,
  } satisfies SourceAdapter<"activity">,
  {
    id: "instruments-csv",
    sourceType: "INSTRUMENTS_CSV",
    recordKind: "instrument",
    label: "Scopebook contractual instruments CSV",
    extensions: [".csv"],
    claims: (fileName, head) => ext(fileName) === ".csv" && claimsInstrumentsCsv(head),
    createReader: createInstrumentsCsvReader,
  } satisfies SourceAdapter<"instrument">,
];

const CODECARBON_ADAPTERS: readonly SourceAdapter<"measurement">[] = [
  {
    id: "codecarbon-json",
    sourceType: "CODECARBON_JSON",
    recordKind: "measurement",
    label: "CodeCarbon JSON (logger lines or HTTP output)",
    extensions: [".json", ".jsonl", ".ndjson"],
    claims: (fileName, head) => [".json", ".jsonl", ".ndjson"].includes(ext(fileName)) || /^\s*[[{]/.test(head),
    createReader: () => new CodecarbonJsonReader(),
  },
  {
    id: "codecarbon-csv",
    sourceType: "CODECARBON_CSV",
    recordKind: "measurement",
    label: "CodeCarbon emissions.csv",
    extensions: [".csv"],
    claims: (fileName) => ext(fileName) === ".csv",
    createReader: () => new CodecarbonCsvReader(),
  },
];

export const SOURCE_ADAPTERS: readonly SourceAdapter[] = [...CONTENT_ADAPTERS, ...CODECARBON_ADAPTERS];

export function isDeclarableSource(value: string): value is SourceTypeName {
  return Object.hasOwn(SOURCE_LABELS, value);
}

export const ACCEPTED_EXTENSIONS = [...new Set(SOURCE_ADAPTERS.flatMap((a) => a.extensions))];

export function sourceLabel(sourceType: string): string {
  return SOURCE_LABELS[sourceType as SourceTypeName] ?? SOURCE_ADAPTERS.find((a) => a.sourceType === sourceType)?.label ?? sourceType;
}

export function recordKindOf(sourceType: string): RecordKind | null {
  return SOURCE_ADAPTERS.find((a) => a.sourceType === sourceType)?.recordKind ?? null;
}

/** Whether a file name could be read at all (checked before any byte is read). */
export function acceptsFileName(fileName: string): boolean {
  return ACCEPTED_EXTENSIONS.includes(ext(fileName));
}

/**
 * The adapter for a file, from its name and the start of its text. With `declared` (the source the user chose,
 * or the one an import was previewed as), a file detected as another source is refused, naming what it looks like.
 */
export function adapterFor(fileName: string, head: string, declared?: SourceTypeName | null): SourceAdapter {
  const adapter = SOURCE_ADAPTERS.find((a) => a.claims(fileName, head));
  if (declared && adapter?.sourceType !== declared) {
    const expected = sourceLabel(declared);
    throw new IngestFileError(
      "wrong-source",
      adapter
        ? `This file was uploaded as ${expected}, but it looks like ${adapter.label}. Choose that source, or "Detect automatically".`
        : `This file was uploaded as ${expected}, but it is not one (Scopebook does not recognise its content).`,
    );
  }
  if (!adapter)
    throw new IngestFileError("unsupported-type", `"${fileName}" is not a file Scopebook reads (${ACCEPTED_EXTENSIONS.join(", ")}).`);
  return adapter;
}
