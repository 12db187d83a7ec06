// Loads the shipped open factor datasets (prisma/data/factors/) after migrations, on every start: `npm start`, the
// e2e server and the test setup. Idempotent: a dataset already loaded (same publisher, title and version, no
// organization) is left as it is, checked under a lock so two starts racing load it once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { SHIPPED_DATASETS } from "../factors/shipped/datasets";
import { insertFactorsStatement } from "./factor-rows";

// Any constant: one loader at a time per database.
const ADVISORY_LOCK_KEY = 727_012;

export interface ShippedLoadResult {
  loaded: { title: string; factors: number }[];
  alreadyLoaded: string[];
}

export async function loadShippedFactors(connectionString: string, dataDir: string, log: (line: string) => void = () => {}): Promise<ShippedLoadResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const result: ShippedLoadResult = { loaded: [], alreadyLoaded: [] };
  try {
    for (const dataset of SHIPPED_DATASETS) {
      await client.query("BEGIN");
      try {
        await client.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
        const existing = await client.query(
          `SELECT id FROM emission_factor_datasets WHERE organization_id IS NULL AND publisher = $1 AND title = $2 AND version = $3`,
          [dataset.publisher, dataset.title, dataset.version],
        );
        if (existing.rowCount) {
          await client.query("COMMIT");
          result.alreadyLoaded.push(dataset.title);
          continue;
        }
        const bytes = readFileSync(path.join(dataDir, dataset.file));
        const rows = dataset.parse(bytes.toString("utf8"));
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO emission_factor_datasets (organization_id, kind, publisher, title, version, year, licence, url,
                                                 retrieved_at, gwp_basis, attribution, sha256)
           VALUES (NULL, 'SHIPPED', $1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10) RETURNING id`,
          [dataset.publisher, dataset.title, dataset.version, dataset.year, dataset.licence, dataset.url, dataset.retrievedAt,
            dataset.gwpBasis, dataset.attribution, createHash("sha256").update(bytes).digest("hex")],
        );
        const statement = insertFactorsStatement(inserted.rows[0].id, null, rows);
        await client.query(statement.text, [...statement.values]);
        await client.query("COMMIT");
        result.loaded.push({ title: dataset.title, factors: rows.length });
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      }
    }
  } finally {
    await client.end();
  }
  for (const l of result.loaded) log(`factors: loaded "${l.title}" (${l.factors} factors)`);
  if (result.alreadyLoaded.length) log(`factors: ${result.alreadyLoaded.length} shipped datasets already loaded`);
  return result;
}
