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

async function streamLines(pc: PackContext, write: (chunk: string) => Promise<void>): Promise<void> {
  const org = pc.organization.id, versionId = pc.version.calculationVersionId;
  const [resolutions, sites, projects, imports] = await Promise.all([
    pc.db.ledgerResolution.findMany({ where: { organizationId: org, calculationVersionId: versionId }, orderBy: { id: "asc" } }),
    pc.db.site.findMany({ where: { organizationId: org }, select: { id: true, name: true } }),
    pc.db.project.findMany({ where: { organizationId: org }, select: { id: true, name: true } }),
    pc.db.import.findMany({ where: { organizationId: org }, select: { id: true, sha256: true } }),
  ]);
  const site = new Map(sites.map((s) => [s.id, s.name])), project = new Map(projects.map((p) => [p.id, p.name])), raw = new Map(imports.map((i) => [i.id, i.sha256]));
  const resolution = new Map(resolutions.map((r) => [r.id, r]));
  const acc = new MerkleAccumulator();
  await write(csvRecord(LEDGER_HEADER) + "\n");
  // One ordered read through a cursor: Postgres sorts the version's lines once, Node takes them 20,000 at a time.
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query({
      text: `DECLARE pack_lines NO SCROLL CURSOR FOR
             SELECT l.resolution_id AS rid, l.source_record_id AS sid, to_char(l.month, 'YYYY-MM-DD') AS m, l.site_id AS site, l.project_id AS prj, l.import_id AS imp,
                    l.activity_quantity::text AS q, l.emissions_kg_co2e::text AS e, COALESCE(a.row_number, p.row_number, i.row_number) AS row
               FROM ledger_lines l
               LEFT JOIN activity_records a ON a.id = l.source_record_id AND a.organization_id = l.organization_id
               LEFT JOIN provider_emission_records p ON p.id = l.source_record_id AND p.organization_id = l.organization_id
               LEFT JOIN contractual_instruments i ON i.id = l.source_record_id AND i.organization_id = l.organization_id
              WHERE l.calculation_version_id = $1 AND l.organization_id = $2
              ORDER BY l.resolution_id, l.source_record_id, l.month`,
      values: [versionId, org],
    });
    for (;;) {
      const res = await client.query<{ rid: number; sid: string; m: string; site: string | null; prj: string | null; imp: string | null; q: string; e: string | null; row: number | null }>(`FETCH ${BATCH} FROM pack_lines`);
      if (res.rows.length === 0) break;
      let chunk = "";
      for (const l of res.rows) {
        const r = resolution.get(l.rid)!;
        const rec = csvRecord([
          `${l.rid}:${l.sid}:${l.m}`, r.scope, r.scope3Category, l.site ? (site.get(l.site) ?? l.site) : null, l.prj ? (project.get(l.prj) ?? l.prj) : null, l.m.slice(0, 7),
          l.q, r.activityUnit, r.factorId ?? r.instrumentId, r.datasetVersion, r.factorValue?.toFixed() ?? null, r.factorUnit, l.e, r.method, r.status,
          r.sourceKind, l.sid, l.row, l.imp, l.imp ? raw.get(l.imp) : null,
        ]);
        acc.push(Buffer.from(rec));
        chunk += rec + "\n";
      }
      await write(chunk);
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
