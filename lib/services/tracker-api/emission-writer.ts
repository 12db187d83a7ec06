// Writes tracker emissions in batches: group commit in the application. Every POST /emissions waits for the
// commit that contains its row (its 201 means "durably stored"), but emissions arriving while a write is in
// flight are written together in the next one: one statement, one round trip, one WAL flush for the batch.
// Without this, concurrent emissions of one run queue on its row lock for one fsync each (~4 ms here), and
// every emission pays its own commit.
//
// Lanes: a run always goes to the same lane (hash of its id) and a lane has one batch in flight, so two
// batches of this process never lock the same run or import rows (no deadlocks between them). Another server
// process may still hold those rows: a deadlock or serialisation failure is retried.
//
// The statement (one per batch, a named prepared statement on the plain pg pool):
//   valid   the rows whose run is in the token's organization AND project and was created through this API;
//   fresh   the first row of each row hash (run id + timestamp) not already stored: a retried POST is a
//           duplicate, answered 201 with the same id, never counted twice;
//   counter each run's API import: rows_total += rows received (the row numbers, 1, 2, 3… in arrival order),
//           rows_imported / rows_duplicate += fresh / duplicates — an atomic UPDATE … SET x = x + n;
//   ins     the measurements (kind DELTA), lineaged to the import and row number (ON CONFLICT DO NOTHING: a
//           duplicate racing its original from another server process is never inserted twice; only the
//           import's rows_imported/rows_duplicate split may then be off by one — the run's totals are not);
//   totals  each run's totals += the sum of its inserted deltas, in the same transaction (exact numeric);
//   marks   the runs whose month (now, or before this batch) lies in a period already calculated with no
//           `run.measurements-added` marker since (run-marker.ts): the first row of such a run in the batch answers
//           the months to mark (decision 0021).
import type { DatabaseError } from "pg";
import { pgPool } from "../../db/pool";
import { STALE_RUNS_SQL } from "./run-marker";

/** One emission, validated: exact decimal strings, UTC timestamp text. */
export interface EmissionRow {
  organizationId: string;
  projectId: string;
  runId: string;
  rowHash: string;
  /** "YYYY-MM-DD HH:MM:SS.ffffff" in UTC */
  measuredAt: string;
  duration: string;
  emissionsSum: string | null;
  emissionsRate: string | null;
  cpuPower: string | null;
  gpuPower: string | null;
  ramPower: string | null;
  cpuEnergy: string | null;
  gpuEnergy: string | null;
  ramEnergy: string | null;
  energyConsumed: string | null;
  cpuUtilizationPercent: string | null;
  gpuUtilizationPercent: string | null;
  ramUtilizationPercent: string | null;
  wue: string | null;
}

export interface EmissionOutcome {
  /** false: no such API run in the token's organization and project. */
  found: boolean;
  /** false when found: a duplicate (same run and timestamp already stored). */
  inserted: boolean;
  /** YYYY-MM-01 months of the run whose calculated periods its change must mark stale (run-marker.ts); usually none. */
  markMonths: string[];
}

const COLUMNS: [keyof EmissionRow, string][] = [
  ["organizationId", "uuid"],
  ["projectId", "uuid"],
  ["runId", "uuid"],
  ["rowHash", "text"],
  ["measuredAt", "timestamp"],
  ["duration", "numeric"],
  ["emissionsSum", "numeric"],
  ["emissionsRate", "numeric"],
  ["cpuPower", "numeric"],
  ["gpuPower", "numeric"],
  ["ramPower", "numeric"],
  ["cpuEnergy", "numeric"],
  ["gpuEnergy", "numeric"],
  ["ramEnergy", "numeric"],
  ["energyConsumed", "numeric"],
  ["cpuUtilizationPercent", "numeric"],
  ["gpuUtilizationPercent", "numeric"],
  ["ramUtilizationPercent", "numeric"],
  ["wue", "numeric"],
];

const WRITE_EMISSIONS_SQL = `
  WITH input AS (
    SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")}) WITH ORDINALITY
      AS t(org_id, project_id, run_id, row_hash, measured_at, duration, emissions, emissions_rate, cpu_power, gpu_power,
           ram_power, cpu_energy, gpu_energy, ram_energy, energy, cpu_util, gpu_util, ram_util, wue, ord)
  ), valid AS (
    SELECT i.*, r.first_import_id, r.last_measured_at AS prev_measured_at,
           row_number() OVER (PARTITION BY i.run_id ORDER BY i.ord) AS rk,
           count(*) OVER (PARTITION BY i.run_id) AS k,
           (row_number() OVER (PARTITION BY i.org_id, i.row_hash ORDER BY i.ord) = 1
            AND NOT EXISTS (SELECT 1 FROM measurements m WHERE m.organization_id = i.org_id AND m.run_id = i.run_id
                                  AND m.measured_at = i.measured_at::timestamp(3) AND m.row_hash = i.row_hash)) AS fresh
      FROM input i
      JOIN runs r ON r.id = i.run_id AND r.organization_id = i.org_id AND r.project_id = i.project_id
      JOIN imports fi ON fi.id = r.first_import_id AND fi.organization_id = r.organization_id AND fi.source_type = 'CODECARBON_API'
  ), counter AS (
    UPDATE imports i
       SET rows_total = i.rows_total + s.k,
           rows_imported = i.rows_imported + s.fresh,
           rows_duplicate = i.rows_duplicate + s.k - s.fresh
      FROM (SELECT first_import_id, org_id, count(*)::int AS k, (count(*) FILTER (WHERE fresh))::int AS fresh
              FROM valid GROUP BY first_import_id, org_id) s
     WHERE i.id = s.first_import_id AND i.organization_id = s.org_id
    RETURNING i.id AS import_id, i.rows_total AS last_row
  ), ins AS (
    INSERT INTO measurements (
      organization_id, run_id, import_id, row_number, row_hash, kind, measured_at, duration_seconds,
      tracker_emissions_kg_co2e, emissions_rate_kg_per_s, cpu_power_w, gpu_power_w, ram_power_w,
      cpu_energy_kwh, gpu_energy_kwh, ram_energy_kwh, energy_kwh,
      cpu_utilization_percent, gpu_utilization_percent, ram_utilization_percent)
    SELECT v.org_id, v.run_id, c.import_id, (c.last_row - v.k + v.rk)::int, v.row_hash, 'DELTA', v.measured_at, v.duration,
           v.emissions, v.emissions_rate, v.cpu_power, v.gpu_power, v.ram_power,
           v.cpu_energy, v.gpu_energy, v.ram_energy, v.energy, v.cpu_util, v.gpu_util, v.ram_util
      FROM valid v JOIN counter c ON c.import_id = v.first_import_id
     WHERE v.fresh
     ORDER BY v.ord
    ON CONFLICT (organization_id, run_id, measured_at, row_hash) DO NOTHING
    RETURNING organization_id, run_id, row_hash, measured_at, duration_seconds, tracker_emissions_kg_co2e,
              energy_kwh, cpu_energy_kwh, gpu_energy_kwh, ram_energy_kwh
  ), totals AS (
    UPDATE runs
       SET duration_seconds = coalesce(runs.duration_seconds, 0) + s.duration,
           tracker_emissions_kg_co2e = coalesce(runs.tracker_emissions_kg_co2e, 0) + s.emissions,
           energy_kwh = coalesce(runs.energy_kwh, 0) + s.energy,
           cpu_energy_kwh = coalesce(runs.cpu_energy_kwh, 0) + s.cpu_energy,
           gpu_energy_kwh = coalesce(runs.gpu_energy_kwh, 0) + s.gpu_energy,
           ram_energy_kwh = coalesce(runs.ram_energy_kwh, 0) + s.ram_energy,
           wue = coalesce((SELECT (array_agg(v.wue ORDER BY v.ord DESC) FILTER (WHERE v.wue IS NOT NULL))[1]
                             FROM valid v WHERE v.run_id = s.run_id AND v.fresh), runs.wue),
           last_measured_at = greatest(runs.last_measured_at, s.last_at),
           updated_at = now()
      FROM (SELECT organization_id, run_id, sum(duration_seconds) AS duration,
                   coalesce(sum(tracker_emissions_kg_co2e), 0) AS emissions, coalesce(sum(energy_kwh), 0) AS energy,
                   coalesce(sum(cpu_energy_kwh), 0) AS cpu_energy, coalesce(sum(gpu_energy_kwh), 0) AS gpu_energy,
                   coalesce(sum(ram_energy_kwh), 0) AS ram_energy, max(measured_at) AS last_at
              FROM ins GROUP BY organization_id, run_id) s
     WHERE runs.id = s.run_id AND runs.organization_id = s.organization_id
    RETURNING runs.id, runs.organization_id, runs.last_measured_at, runs.staleness_marked_seq
  ), marks AS (
    ${STALE_RUNS_SQL}
  )
  SELECT i.ord::int AS ord, v.ord IS NOT NULL AS found, n.row_hash IS NOT NULL AS inserted, mk.months AS mark_months
    FROM input i
    LEFT JOIN valid v ON v.ord = i.ord
    LEFT JOIN ins n ON v.fresh AND n.organization_id = i.org_id AND n.row_hash = i.row_hash
    LEFT JOIN marks mk ON v.rk = 1 AND mk.run_id = v.run_id
   ORDER BY i.ord`;

/** Postgres error codes worth retrying: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 3;
/** Rows per statement; more wait for the next one. */
export const MAX_BATCH = 500;
/** Two batches in flight (one executing while the other waits for its commit) measured best on 2 cores. */
export const LANES = 2;

async function writeBatch(rows: EmissionRow[]): Promise<EmissionOutcome[]> {
  const values = COLUMNS.map(([key]) => rows.map((r) => r[key]));
  const { rows: out } = await pgPool().query<{ ord: number; found: boolean; inserted: boolean; mark_months: string[] | null }>({
    name: "codecarbon-api.write-emissions",
    text: WRITE_EMISSIONS_SQL,
    values,
  });
  return out.map((o) => ({ found: o.found, inserted: o.inserted, markMonths: o.mark_months ?? [] }));
}

interface Pending {
  row: EmissionRow;
  resolve: (o: EmissionOutcome) => void;
  reject: (err: unknown) => void;
}

class Lane {
  private queue: Pending[] = [];
  private busy = false;

  submit(row: EmissionRow): Promise<EmissionOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length) await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.busy = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await writeBatch(batch.map((p) => p.row));
        batch.forEach((p, i) => p.resolve(outcomes[i]));
        return;
      } catch (err) {
        if (RETRYABLE.has((err as DatabaseError).code ?? "") && attempt < MAX_ATTEMPTS) continue;
        if (batch.length === 1) return batch[0].reject(err);
        // One bad row must not fail the others: write them one by one, each gets its own answer.
        for (const p of batch) await this.write([p]);
        return;
      }
    }
  }
}

const holder = globalThis as unknown as { scopebookEmissionLanes?: Lane[] };
const lanes = (holder.scopebookEmissionLanes ??= Array.from({ length: LANES }, () => new Lane()));

/** Stores one emission in the next batch of its run's lane; resolves once that batch is committed. */
export function writeEmission(row: EmissionRow): Promise<EmissionOutcome> {
  return lanes[parseInt(row.runId.slice(0, 8), 16) % LANES].submit(row);
}
