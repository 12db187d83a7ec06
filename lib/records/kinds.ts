// The kinds of record Scopebook ingests, by name: each source adapter (lib/ingest/sources/) yields one kind, each
// writer (lib/db/bulk/, chosen in lib/services/imports/commit/writers.ts) stores one. A new kind adds its entry here.
import type { ActivityImportRecord } from "./activity";
import type { InstrumentImportRecord } from "./instrument";
import type { MappedRow } from "./measurement";
import type { ProviderRecord } from "./provider-emission";

/** The record each kind of adapter yields, by kind name. A new kind adds its entry here. */
export interface RecordKinds {
  /** A CodeCarbon measurement (emissions.csv row, JSON output). */
  measurement: MappedRow;
  /** A cloud provider's carbon export row or a Cloud Carbon Footprint estimate. */
  "provider-emission": ProviderRecord;
  /** A row of Scopebook's activity template (fuel, electricity, travel…). */
  activity: ActivityImportRecord;
  /** A row of Scopebook's contractual instruments template. */
  instrument: InstrumentImportRecord;
}
export type RecordKind = keyof RecordKinds;
export type IngestRecord = RecordKinds[RecordKind];
