// How instrument template rows are inserted (template-writer.ts): an instrument already recorded — the same row
// (row hash) or the same certificate (tracking system + id, from a form or another file) — is a duplicate, so a
// certificate is never claimed twice.
import type { InstrumentImportRecord } from "../../records/instrument";
import type { TemplateInsert } from "./template-writer";

export const INSTRUMENT_INSERT: TemplateInsert<InstrumentImportRecord> = {
  sql: `INSERT INTO contractual_instruments (organization_id, import_id, created_by_id, row_number, row_hash, type, volume_mwh, market,
              vintage_start, vintage_end, tracking_system, certificate_id, retired_on_behalf, emission_rate_kg_co2e_per_kwh, site_id, bundled)
        SELECT $1::uuid, $2::uuid, $3::uuid, * FROM unnest($4::int[], $5::text[], $6::"InstrumentType"[], $7::numeric[], $8::text[],
              $9::date[], $10::date[], $11::text[], $12::text[], $13::boolean[], $14::numeric[], $15::uuid[], $16::boolean[])
        ON CONFLICT DO NOTHING`,
  siteName: (r) => r.entry.siteName,
  columns: (records, siteId) => {
    const col = <T>(f: (r: InstrumentImportRecord) => T) => records.map(f);
    return [
      col((r) => r.rowNumber),
      col((r) => r.rowHash),
      col((r) => r.entry.type),
      col((r) => r.entry.volumeMwh),
      col((r) => r.entry.market),
      col((r) => r.entry.vintageStart),
      col((r) => r.entry.vintageEnd),
      col((r) => r.entry.trackingSystem),
      col((r) => r.entry.certificateId),
      col((r) => r.entry.retiredOnBehalf),
      col((r) => r.entry.emissionRateKgCo2ePerKwh),
      col(siteId),
      col((r) => r.entry.bundled),
    ];
  },
};
