// The contractual instruments CSV adapter: Scopebook's instruments template, recognised by its header. Within a
// file, a certificate (tracking system + id) stated twice with different content is a row error on the second
// row; stated twice identically, a duplicate. Against instruments already recorded, the commit counts it as a
// duplicate (the unique key) — never a second instrument.
import { INSTRUMENT_COLUMNS } from "../../../activity/templates";
import { headHasColumns, TemplateCsvReader } from "../template-csv";
import { mapInstrumentRow, type InstrumentImportRecord } from "./map";

export const INSTRUMENTS_SIGNATURE = ["type", "volume_mwh", "market", "vintage_start"];

export const claimsInstrumentsCsv = (head: string) => headHasColumns(head, INSTRUMENTS_SIGNATURE);

export function createInstrumentsCsvReader() {
  const certificates = new Map<string, { row: number; rowHash: string }>();
  return new TemplateCsvReader<(typeof INSTRUMENT_COLUMNS)[number]["field"], InstrumentImportRecord>("contractual instruments", INSTRUMENT_COLUMNS, (fields, rowNumber) => {
    const mapped = mapInstrumentRow(fields, rowNumber);
    if (!mapped.ok || !mapped.value.certificateKey) return mapped;
    const first = certificates.get(mapped.value.certificateKey);
    if (first && first.rowHash !== mapped.value.rowHash)
      return { ok: false, issues: [{ field: "certificateId", value: mapped.value.entry.certificateId, reason: `this certificate is already on row ${first.row} with other values: an instrument is claimed once` }] };
    if (!first) certificates.set(mapped.value.certificateKey, { row: rowNumber, rowHash: mapped.value.rowHash });
    return mapped;
  });
}
