// ledger/ledger-lines.csv: every line of the signed calculation version, streamed from Postgres in keyset batches
// (one cursor over the version's partition, sorted once by Postgres), and the ledger root
// (RFC 6962 over the lines' CSV records as written, accumulated in O(log n) memory). ledger/lineage.csv: each
// E1-6 datapoint and the filter over ledger-lines.csv that defines it.
import { e16Datapoints } from "../../../../ghg/aggregate";
import { MerkleAccumulator } from "../../../../assurance/merkle";
import { pgPool } from "../../../../db/pool";
import { csvFile, csvRecord, type PackContext, type PackSection } from "../section";

export const LEDGER_HEADER = [
  "line_id", "scope", "scope3_category", "site", "project", "month", "activity_quantity", "activity_unit", "factor_id", "dataset_version",
  "factor_value", "factor_unit", "emissions_kg_co2e", "method", "status", "source_kind", "source_id", "source_row", "import_id", "raw_sha256",
];
const BATCH = 20_000;

/** A text column as a CSV field (quoted only when it must be), '' for NULL. */
const field = (e: string) => `CASE WHEN ${e} ~ E'[",\\r\\n]' THEN '"' || replace(${e}, '"', '""') || '"' ELSE coalesce(${e}, '') END`;
const plain = (e: string) => `coalesce((${e})::text, '')`;

/**
 * The lines as CSV records, formatted by Postgres (one text column per line: Node neither parses nor formats a
 * million rows field by field), in one sorted cursor; the source tables are joined only when the version has lines
 * of sources with row numbers.
 */
function linesQuery(kinds: Set<string>): string {
  const joins: [string, string, string][] = [["ACTIVITY", "activity_records", "a"], ["PROVIDER_RECORD", "provider_emission_records", "p"], ["INSTRUMENT", "contractual_instruments", "i"]];
  const used = joins.filter(([k]) => kinds.has(k));
  const row = used.length ? `COALESCE(${used.map(([, , t]) => `${t}.row_number`).join(", ")})` : "NULL";
  const cols = [
    `l.resolution_id::text || ':' || l.source_record_id::text || ':' || to_char(l.month, 'YYYY-MM-DD')`, plain("r.scope"), plain("r.scope3_category"),
    `CASE WHEN l.site_id IS NULL THEN '' ELSE ${field("coalesce(st.name, l.site_id::text)")} END`, `CASE WHEN l.project_id IS NULL THEN '' ELSE ${field("coalesce(pr.name, l.project_id::text)")} END`,
    `to_char(l.month, 'YYYY-MM')`, plain("l.activity_quantity"), field("r.activity_unit"), plain("coalesce(r.factor_id, r.instrument_id)"), field("r.dataset_version"),
    plain("r.factor_value"), field("r.factor_unit"), plain("l.emissions_kg_co2e"), plain("r.method"), plain("r.status"), plain("r.source_kind"), plain("l.source_record_id"),
    plain(row), plain("l.import_id"), plain("im.sha256"),
  ];
  return `DECLARE pack_lines NO SCROLL CURSOR FOR
    SELECT concat_ws(',', ${cols.join(", ")}) AS rec
      FROM ledger_lines l
      JOIN ledger_resolutions r ON r.id = l.resolution_id AND r.organization_id = l.organization_id
      LEFT JOIN sites st ON st.id = l.site_id AND st.organization_id = l.organization_id
      LEFT JOIN projects pr ON pr.id = l.project_id AND pr.organization_id = l.organization_id
      LEFT JOIN imports im ON im.id = l.import_id AND im.organization_id = l.organization_id
      ${used.map(([, table, t]) => `LEFT JOIN ${table} ${t} ON ${t}.id = l.source_record_id AND ${t}.organization_id = l.organization_id`).join("\n      ")}
     WHERE l.calculation_version_id = $1 AND l.organization_id = $2
     ORDER BY l.resolution_id, l.source_record_id, l.month`;
}

async function streamLines(pc: PackContext, write: (chunk: string) => Promise<void>): Promise<void> {
  const org = pc.organization.id, versionId = pc.version.calculationVersionId;
  const kinds = await pc.db.ledgerResolution.findMany({ where: { organizationId: org, calculationVersionId: versionId }, select: { sourceKind: true }, distinct: ["sourceKind"] });
  const acc = new MerkleAccumulator();
  await write(csvRecord(LEDGER_HEADER) + "\n");
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN READ ONLY");
    // The whole result is read: plan for all rows (not a cursor's first 10 %), and sort in memory.
    await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query({ text: linesQuery(new Set(kinds.map((k) => k.sourceKind))), values: [versionId, org] });
    for (;;) {
      const res = await client.query<{ rec: string }>(`FETCH ${BATCH} FROM pack_lines`);
      let chunk = "";
      for (const { rec } of res.rows) {
        acc.push(Buffer.from(rec));
        chunk += rec + "\n";
      }
      if (chunk) await write(chunk);
      if (res.rows.length < BATCH) break;
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  pc.facts.ledgerRoot = { algorithm: "RFC 6962 SHA-256 over ledger/ledger-lines.csv records (without line end), in file order", size: acc.size, root: acc.root().toString("hex") };
}

/** Which lines make each E1-6 datapoint: a filter over ledger-lines.csv (status RESOLVED, non-empty emissions). */
function lineage(pc: PackContext): Buffer {
  const filters: Record<string, string> = {
    "E1-6.scope1": "scope=SCOPE_1",
    "E1-6.scope2.location-based": "scope=SCOPE_2 AND method!=MARKET_BASED",
    "E1-6.scope2.market-based": "scope=SCOPE_2 AND method!=LOCATION_BASED",
    "E1-6.scope3.location-based": "scope=SCOPE_3 AND method!=MARKET_BASED",
    "E1-6.scope3.market-based": "scope=SCOPE_3 AND method!=LOCATION_BASED",
    "E1-6.total.location-based": "method!=MARKET_BASED",
    "E1-6.total.market-based": "method!=LOCATION_BASED",
  };
  const rows = Object.entries(e16Datapoints(pc.content.e16)).map(([name, kg]) => {
    const cat = /cat(\d+)\.(location|market)/.exec(name);
    const filter = filters[name] ?? (cat ? `scope=SCOPE_3 AND scope3_category=${cat[1]} AND method!=${cat[2] === "location" ? "MARKET_BASED" : "LOCATION_BASED"}` : "");
    return [name, kg, `status=RESOLVED AND ${filter}`, "ledger/ledger-lines.csv"];
  });
  return csvFile(["datapoint", "value_kg_co2e", "lines_filter", "lines_file"], rows);
}

export const ledgerSection: PackSection = {
  name: "ledger",
  async files(pc) {
    return [
      { path: "ledger/ledger-lines.csv", role: "ledger", mediaType: "text/csv", stream: (write) => streamLines(pc, write) },
      { path: "ledger/lineage.csv", role: "lineage", mediaType: "text/csv", bytes: lineage(pc) },
    ];
  },
};
