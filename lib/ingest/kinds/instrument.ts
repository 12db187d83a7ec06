// Contractual instruments (Scopebook's instruments template) as the preview shows them; grouped by market.
import { INSTRUMENT_TYPES } from "../../activity/instrument-entry";
import type { InstrumentImportRecord } from "../sources/instruments-csv/map";
import type { RecordKindSpec } from "./kind";

export const INSTRUMENT_KIND: RecordKindSpec<InstrumentImportRecord> = {
  columns: [
    { key: "type", label: "Type" },
    { key: "volumeMwh", label: "MWh", numeric: true },
    { key: "market", label: "Market" },
    { key: "vintage", label: "Vintage" },
    { key: "certificate", label: "Tracking system · certificate" },
    { key: "retired", label: "Retired for us" },
    { key: "rate", label: "kg CO₂e/kWh", numeric: true },
    { key: "site", label: "Site" },
    { key: "bundled", label: "Bundled" },
  ],
  cells: ({ entry: e }) => [
    INSTRUMENT_TYPES.find((t) => t.type === e.type)?.csvName ?? e.type,
    e.volumeMwh,
    e.market,
    `${e.vintageStart} – ${e.vintageEnd}`,
    e.trackingSystem ? `${e.trackingSystem} · ${e.certificateId}` : null,
    e.retiredOnBehalf ? "yes" : "no",
    e.emissionRateKgCo2ePerKwh,
    e.siteName,
    e.bundled === null ? null : e.bundled ? "yes" : "no",
  ],
  rowNumber: (r) => r.rowNumber,
  rowHash: (r) => r.rowHash,
  at: (r) => r.entry.vintageStart,
  group: (r) => r.entry.market,
  flags: (r) => (r.entry.retiredOnBehalf ? [] : ["not_retired_on_behalf"]),
};
