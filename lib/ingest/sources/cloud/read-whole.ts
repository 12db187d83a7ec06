// Runs a cloud source reader over a whole text and collects what it reports (tests, small files).
import type { ProviderRecord } from "../../../records/provider-emission";
import type { SourceReader } from "../../source";
import type { RowError } from "../../types";

export function readWholeCloud(reader: SourceReader<ProviderRecord>, text: string): { records: ProviderRecord[]; errors: RowError[]; warnings: string[] } {
  const out = { records: [] as ProviderRecord[], errors: [] as RowError[], warnings: [] as string[] };
  const sink = {
    header: (h: { warnings: string[] }) => void out.warnings.push(...h.warnings),
    row: (r: ProviderRecord) => void out.records.push(r),
    failed: (_n: number, e: RowError[]) => void out.errors.push(...e),
  };
  reader.push(text, sink);
  reader.end(sink);
  return out;
}
