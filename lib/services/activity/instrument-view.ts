// A contractual instrument as services return it: plain strings, dates as YYYY-MM-DD, decimals exact.
import { INSTRUMENT_TYPES, type InstrumentEntryText, type InstrumentTypeName } from "../../activity/instrument-entry";
import { AppError } from "../../errors";
import { isoDay } from "./activity-view";

type Dec = { toFixed(): string };

export interface InstrumentView {
  id: string;
  type: InstrumentTypeName;
  typeLabel: string;
  volumeMwh: string;
  market: string;
  vintageStart: string;
  vintageEnd: string;
  trackingSystem: string | null;
  certificateId: string | null;
  retiredOnBehalf: boolean;
  emissionRateKgCo2ePerKwh: string;
  /** null: not stated. */
  bundled: boolean | null;
  site: string | null;
  evidenceFile: { id: string; fileName: string; sha256: string } | null;
  importId: string | null;
  rowNumber: number | null;
}

export function instrumentView(r: {
  id: string;
  type: InstrumentTypeName;
  volumeMwh: Dec;
  market: string;
  vintageStart: Date;
  vintageEnd: Date;
  trackingSystem: string | null;
  certificateId: string | null;
  retiredOnBehalf: boolean;
  emissionRateKgCo2ePerKwh: Dec;
  bundled: boolean | null;
  evidenceFileId: string | null;
  importId: string | null;
  rowNumber: number | null;
  site: { name: string } | null;
  evidence: { fileName: string; sha256: string } | null;
}): InstrumentView {
  return {
    id: r.id,
    type: r.type,
    typeLabel: INSTRUMENT_TYPES.find((t) => t.type === r.type)?.label ?? r.type,
    volumeMwh: r.volumeMwh.toFixed(),
    market: r.market,
    vintageStart: isoDay(r.vintageStart),
    vintageEnd: isoDay(r.vintageEnd),
    trackingSystem: r.trackingSystem,
    certificateId: r.certificateId,
    retiredOnBehalf: r.retiredOnBehalf,
    emissionRateKgCo2ePerKwh: r.emissionRateKgCo2ePerKwh.toFixed(),
    bundled: r.bundled,
    site: r.site?.name ?? null,
    evidenceFile: r.evidenceFileId && r.evidence ? { id: r.evidenceFileId, ...r.evidence } : null,
    importId: r.importId,
    rowNumber: r.rowNumber,
  };
}

export const certificateTaken = (trackingSystem: string, certificateId: string) =>
  new AppError("CONFLICT", `Certificate "${certificateId}" of ${trackingSystem} is already recorded: an instrument can be claimed once.`, [
    { field: "certificateId", reason: "already recorded (same tracking system)" },
  ]);

/** An instrument's values as entry text: what an edit starts from and what the edit form shows. */
export function instrumentEntryText(v: InstrumentView): Required<InstrumentEntryText> {
  return {
    type: INSTRUMENT_TYPES.find((t) => t.type === v.type)?.csvName ?? v.type,
    volumeMwh: v.volumeMwh,
    market: v.market,
    vintageStart: v.vintageStart,
    vintageEnd: v.vintageEnd,
    trackingSystem: v.trackingSystem ?? "",
    certificateId: v.certificateId ?? "",
    retiredOnBehalf: v.retiredOnBehalf ? "yes" : "no",
    emissionRateKgCo2ePerKwh: v.emissionRateKgCo2ePerKwh,
    site: v.site ?? "",
    bundled: v.bundled === null ? "" : v.bundled ? "yes" : "no",
  };
}
