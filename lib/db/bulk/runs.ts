// Runs of a batch of imported rows, written set-wise: one COPY into a staging table, one upsert.
// Rows are cumulative within a run (formats.md §1): a run's totals and machine metadata are those of its latest
// row — also across files (a later file moves a run on; an older one never rolls it back; a row at the same
// time is the same measurement by identity, a duplicate, and changes nothing).
import type pg from "pg";
import type { MappedRow } from "../../records/measurement";
import { MACHINE_COLUMNS, Q } from "../../records/measurement";
import { copyBytes, copyText } from "./copy";

/** Run totals (columns of `runs`) and the quantity of the last row each comes from. */
const TOTALS = [
  ["duration_seconds", Q.duration],
  ["energy_kwh", Q.energy_consumed],
  ["cpu_energy_kwh", Q.cpu_energy],
  ["gpu_energy_kwh", Q.gpu_energy],
  ["ram_energy_kwh", Q.ram_energy],
  ["tracker_emissions_kg_co2e", Q.emissions],
  ["water_litres", Q.water_consumed],
] as const;

const SQL_TYPE = { text: "text", iso3: "varchar(3)", integer: "integer", number: "numeric", nonNegative: "numeric", yesNo: "boolean" } as const;
const MACHINE = MACHINE_COLUMNS.map((c) => c.dbColumn);

export const STAGE_RUNS = "scopebook_stage_runs";
const STAGE_COLUMNS = ["run_key", "project_id", "experiment_id", "started_at", "last_measured_at", ...TOTALS.map(([c]) => c), ...MACHINE];

/** The staging table, once per transaction (dropped at commit or rollback). */
export async function createRunStage(client: pg.ClientBase): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE ${STAGE_RUNS} (
       run_key text NOT NULL, project_id uuid NOT NULL, experiment_id uuid,
       started_at timestamp(3) NOT NULL, last_measured_at timestamp(3) NOT NULL,
       ${TOTALS.map(([c]) => `${c} numeric`).join(", ")},
       ${MACHINE_COLUMNS.map((c) => `${c.dbColumn} ${SQL_TYPE[c.kind]}`).join(", ")}
     ) ON COMMIT DROP`,
  );
}

export interface StagedRun {
  key: string;
  projectId: string;
  experimentId: string | null;
  startedAt: string;
  /** runStageTail() of the run's latest row, as bytes. */
  tail: Buffer;
}

/** The staging line of a run after its key, ids and start: "last_measured_at\ttotals…\tmachine…\n". */
export function runStageTail(last: MappedRow): string {
  const q = last.quantities;
  let s = last.measuredAt;
  for (const [, at] of TOTALS) s += `\t${q[at] ?? "\\N"}`;
  for (const v of last.machine) s += `\t${copyText(v)}`;
  return s + "\n";
}

async function stage(client: pg.ClientBase, runs: StagedRun[]): Promise<void> {
  await client.query(`DELETE FROM ${STAGE_RUNS}`);
  await copyBytes(
    client,
    STAGE_RUNS,
    STAGE_COLUMNS,
    (function* () {
      for (const r of runs) yield [`${r.key}\t${r.projectId}\t${r.experimentId ?? "\\N"}\t${r.startedAt}\t`, r.tail] as const;
    })(),
  );
}

const newer = "(runs.last_measured_at IS NULL OR EXCLUDED.last_measured_at > runs.last_measured_at)";
const INSERT_COLUMNS = `organization_id, project_id, experiment_id, external_run_id, identity_known, first_import_id,
  started_at, last_measured_at, ${TOTALS.map(([c]) => c).join(", ")}, ${MACHINE.join(", ")}, updated_at`;
const SELECT_COLUMNS = `project_id, experiment_id, started_at, last_measured_at, ${TOTALS.map(([c]) => c).join(", ")}, ${MACHINE.join(", ")}, now()`;

/**
 * Known runs (run ids from the file): created on first sight, otherwise moved on to their latest row.
 * Returns external run id → { id, created by this statement }.
 */
export async function upsertKnownRuns(
  client: pg.ClientBase,
  organizationId: string,
  importId: string,
  runs: StagedRun[],
): Promise<Map<string, { id: string; created: boolean }>> {
  const ids = new Map<string, { id: string; created: boolean }>();
  if (!runs.length) return ids;
  await stage(client, runs);
  const result = await client.query<{ id: string; external_run_id: string; created: boolean }>(
    `INSERT INTO runs (${INSERT_COLUMNS})
     SELECT $1, project_id, experiment_id, run_key, true, $2, ${SELECT_COLUMNS.replace("project_id, experiment_id, ", "")} FROM ${STAGE_RUNS}
     ON CONFLICT (organization_id, external_run_id) DO UPDATE SET
       started_at = LEAST(runs.started_at, EXCLUDED.started_at),
       experiment_id = COALESCE(runs.experiment_id, EXCLUDED.experiment_id),
       last_measured_at = CASE WHEN ${newer} THEN EXCLUDED.last_measured_at ELSE runs.last_measured_at END,
       ${TOTALS.map(([c]) => `${c} = CASE WHEN ${newer} THEN EXCLUDED.${c} ELSE runs.${c} END`).join(",\n       ")},
       ${MACHINE.map((c) => `${c} = CASE WHEN ${newer} THEN COALESCE(EXCLUDED.${c}, runs.${c}) ELSE COALESCE(runs.${c}, EXCLUDED.${c}) END`).join(",\n       ")},
       updated_at = now()
     RETURNING id, external_run_id, (xmax = 0) AS created`,
    [organizationId, importId],
  );
  for (const r of result.rows) ids.set(r.external_run_id, { id: r.id, created: r.created });
  return ids;
}

/** Runs of rows without a run id: one per (new) row, flagged identity unknown, with an id derived from the row. */
export async function insertUnknownRuns(client: pg.ClientBase, organizationId: string, importId: string, runs: StagedRun[]): Promise<void> {
  if (!runs.length) return;
  await stage(client, runs);
  await client.query(
    `INSERT INTO runs (id, ${INSERT_COLUMNS})
     SELECT run_key::uuid, $1, project_id, experiment_id, NULL, false, $2, ${SELECT_COLUMNS.replace("project_id, experiment_id, ", "")} FROM ${STAGE_RUNS}
     ON CONFLICT (id) DO NOTHING`,
    [organizationId, importId],
  );
}
