// One row of Scopebook's contractual instruments CSV template → an instrument to import, or row errors. The checks
// are lib/activity/instrument-entry.ts, the same the form uses. Pure; never throws.
import { createHash } from "node:crypto";
import { checkInstrumentEntry, type InstrumentEntry, type InstrumentEntryText, type InstrumentField } from "../../../activity/instrument-entry";
import type { InstrumentImportRecord } from "../../../records/instrument";
import type { MapResult } from "../template-csv";

export type { InstrumentImportRecord } from "../../../records/instrument";

export function mapInstrumentRow(fields: InstrumentEntryText, rowNumber: number): MapResult<InstrumentImportRecord, InstrumentField> {
  const checked = checkInstrumentEntry(fields);
  if (!checked.ok) return checked;
  const e = checked.value;
  // "bundled" joins the identity only when stated, so files written before the column was added keep their hashes.
  const identity = [e.type, e.volumeMwh, e.market, e.vintageStart, e.vintageEnd, e.trackingSystem ?? "", e.certificateId ?? "", e.retiredOnBehalf, e.emissionRateKgCo2ePerKwh, e.siteName?.toLowerCase() ?? "", ...(e.bundled === null ? [] : [e.bundled])];
  return {
    ok: true,
    value: {
      rowNumber,
      rowHash: createHash("sha256").update(JSON.stringify(identity)).digest("hex"),
      certificateKey: e.trackingSystem && e.certificateId ? JSON.stringify([e.trackingSystem, e.certificateId]) : null,
      entry: e,
    },
  };
}
