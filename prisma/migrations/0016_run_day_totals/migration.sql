-- 0016_run_day_totals: the dashboard's tracker panel reads runs summed per organization and UTC day instead of
-- scanning every run of the organization (decision 0025).
--
-- `run_day_totals` holds deltas: every statement that inserts, updates or deletes runs appends, per (organization,
-- day of last_measured_at) it touched, the sums of its new rows minus the sums of its old rows — one aggregate over
-- the statement's transition tables, whatever wrote the runs (a COPY-staged upsert of a file import, the tracker
-- API's emissions, a run's creation, a cascade). A day's figures are the sum of its rows; day NULL holds runs not
-- measured yet. Appending (never updating a row in place) means writers never wait for each other on a summary row:
-- a file import's long transaction does not hold up the tracker API, and two imports cannot deadlock on days.
-- When a day has collected 16 rows, the writer that sees it merges them into one (under a try-lock, so a merge
-- never waits either). Invariant, in every snapshot: Σ of an organization's rows of a day = the aggregate of
-- its runs of that day, because the runs and their deltas commit together.

CREATE TABLE "run_day_totals" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "day" DATE,
  "energy_kwh" NUMERIC(65,30) NOT NULL,
  "tracker_emissions_kg_co2e" NUMERIC(65,30) NOT NULL,
  "runs" BIGINT NOT NULL,
  "runs_with_energy" BIGINT NOT NULL,
  "runs_with_emissions" BIGINT NOT NULL,
  CONSTRAINT "run_day_totals_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "run_day_totals_organization_id_day_idx" ON "run_day_totals"("organization_id", "day");

ALTER TABLE "run_day_totals" ADD CONSTRAINT "run_day_totals_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Merges the rows of one (organization, day) into one row (a row that sums to nothing is dropped). The trigger calls
-- it for a day that had 15 rows before its statement added one. Skipped when another transaction is merging the same
-- day: it never waits (the rows it would delete are locked by that transaction until it commits).
CREATE FUNCTION scopebook_run_day_totals_compact(org uuid, d date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended(org::text || '/' || coalesce(d::text, 'unmeasured'), 716)) THEN
    RETURN;
  END IF;
  -- Two branches so that the look-up stays on the (organization_id, day) index.
  IF d IS NULL THEN
    WITH gone AS (DELETE FROM run_day_totals WHERE organization_id = org AND day IS NULL RETURNING *)
    INSERT INTO run_day_totals (organization_id, day, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions)
    SELECT org, NULL, sum(energy_kwh), sum(tracker_emissions_kg_co2e), sum(runs), sum(runs_with_energy), sum(runs_with_emissions) FROM gone
    HAVING sum(runs) <> 0 OR sum(runs_with_energy) <> 0 OR sum(runs_with_emissions) <> 0 OR sum(energy_kwh) <> 0 OR sum(tracker_emissions_kg_co2e) <> 0;
  ELSE
    WITH gone AS (DELETE FROM run_day_totals WHERE organization_id = org AND day = d RETURNING *)
    INSERT INTO run_day_totals (organization_id, day, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions)
    SELECT org, d, sum(energy_kwh), sum(tracker_emissions_kg_co2e), sum(runs), sum(runs_with_energy), sum(runs_with_emissions) FROM gone
    HAVING sum(runs) <> 0 OR sum(runs_with_energy) <> 0 OR sum(runs_with_emissions) <> 0 OR sum(energy_kwh) <> 0 OR sum(tracker_emissions_kg_co2e) <> 0;
  END IF;
END;
$$;

-- After each INSERT, UPDATE or DELETE on runs (a COPY or an INSERT … SELECT is one statement; INSERT … ON CONFLICT DO
-- UPDATE fires the INSERT trigger for the rows it inserted and the UPDATE trigger for those it updated).
CREATE FUNCTION scopebook_runs_day_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH ins AS (
      INSERT INTO run_day_totals (organization_id, day, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions)
      SELECT organization_id, last_measured_at::date, coalesce(sum(energy_kwh), 0), coalesce(sum(tracker_emissions_kg_co2e), 0),
             count(*), count(energy_kwh), count(tracker_emissions_kg_co2e)
        FROM new_rows GROUP BY 1, 2
      RETURNING organization_id, day, CASE WHEN day IS NULL
        THEN (SELECT count(*) FROM (SELECT 1 FROM run_day_totals r WHERE r.organization_id = run_day_totals.organization_id AND r.day IS NULL LIMIT 15) c)
        ELSE (SELECT count(*) FROM (SELECT 1 FROM run_day_totals r WHERE r.organization_id = run_day_totals.organization_id AND r.day = run_day_totals.day LIMIT 15) c)
      END >= 15 AS crowded)
    SELECT array_agg(organization_id) FILTER (WHERE crowded), array_agg(day) FILTER (WHERE crowded) INTO orgs, days FROM ins;
  ELSIF TG_OP = 'DELETE' THEN
    -- Runs deleted with their organization (a cascade) leave nothing behind: its rows go with it.
    WITH ins AS (
      INSERT INTO run_day_totals (organization_id, day, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions)
      SELECT organization_id, last_measured_at::date, -coalesce(sum(energy_kwh), 0), -coalesce(sum(tracker_emissions_kg_co2e), 0),
             -count(*), -count(energy_kwh), -count(tracker_emissions_kg_co2e)
        FROM old_rows o WHERE EXISTS (SELECT 1 FROM organizations g WHERE g.id = o.organization_id)
       GROUP BY 1, 2
      RETURNING organization_id, day, CASE WHEN day IS NULL
        THEN (SELECT count(*) FROM (SELECT 1 FROM run_day_totals r WHERE r.organization_id = run_day_totals.organization_id AND r.day IS NULL LIMIT 15) c)
        ELSE (SELECT count(*) FROM (SELECT 1 FROM run_day_totals r WHERE r.organization_id = run_day_totals.organization_id AND r.day = run_day_totals.day LIMIT 15) c)
      END >= 15 AS crowded)
    SELECT array_agg(organization_id) FILTER (WHERE crowded), array_agg(day) FILTER (WHERE crowded) INTO orgs, days FROM ins;
  ELSE
    -- New rows count +, old rows −; (organization, day) groups where that nets to nothing (totals unchanged, only
    -- other columns changed, e.g. a staleness mark) write nothing.
    WITH d AS (
      SELECT organization_id, last_measured_at::date AS day, energy_kwh AS e, tracker_emissions_kg_co2e AS x,
             1 AS n, (energy_kwh IS NOT NULL)::int AS ne, (tracker_emissions_kg_co2e IS NOT NULL)::int AS nx
        FROM new_rows
      UNION ALL
      SELECT organization_id, last_measured_at::date, -energy_kwh, -tracker_emissions_kg_co2e,
             -1, -(energy_kwh IS NOT NULL)::int, -(tracker_emissions_kg_co2e IS NOT NULL)::int
        FROM old_rows
    ), ins AS (
      INSERT INTO run_day_totals (organization_id, day, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions)
      SELECT organization_id, day, coalesce(sum(e), 0), coalesce(sum(x), 0), sum(n), sum(ne), sum(nx)
        FROM d GROUP BY 1, 2
      HAVING sum(n) <> 0 OR sum(ne) <> 0 OR sum(nx) <> 0 OR coalesce(sum(e), 0) <> 0 OR coalesce(sum(x), 0) <> 0
      RETURNING organization_id, day, CASE WHEN day IS NULL
        THEN (SELECT count(*) FROM (SELECT 1 FROM run_day_totals r WHERE r.organization_id = run_day_totals.organization_id AND r.day IS NULL LIMIT 15) c)
        ELSE (SELECT count(*) FROM (SELECT 1 FROM run_day_totals r WHERE r.organization_id = run_day_totals.organization_id AND r.day = run_day_totals.day LIMIT 15) c)
      END >= 15 AS crowded)
    SELECT array_agg(organization_id) FILTER (WHERE crowded), array_agg(day) FILTER (WHERE crowded) INTO orgs, days FROM ins;
  END IF;
  -- Days that reached 16 rows with this statement (the look-up in RETURNING sees the rows there were before it).
  IF orgs IS NOT NULL THEN
    PERFORM scopebook_run_day_totals_compact(t.org, t.d) FROM unnest(orgs, days) AS t(org, d);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER runs_day_totals_insert
  AFTER INSERT ON "runs" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_runs_day_totals();

CREATE TRIGGER runs_day_totals_update
  AFTER UPDATE ON "runs" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_runs_day_totals();

CREATE TRIGGER runs_day_totals_delete
  AFTER DELETE ON "runs" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_runs_day_totals();

-- A TRUNCATE of runs (nothing in Scopebook does one) empties the summary too.
CREATE FUNCTION scopebook_runs_truncate_day_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM run_day_totals;
  RETURN NULL;
END;
$$;

CREATE TRIGGER runs_day_totals_truncate
  AFTER TRUNCATE ON "runs"
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_runs_truncate_day_totals();

-- The runs there are already. The triggers are created first, in this same transaction: CREATE TRIGGER locks runs
-- against writes until the migration commits, so every run is either in the backfill's snapshot (written before)
-- or written afterwards through the triggers, never both or neither.
INSERT INTO run_day_totals (organization_id, day, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions)
SELECT organization_id, last_measured_at::date, coalesce(sum(energy_kwh), 0), coalesce(sum(tracker_emissions_kg_co2e), 0),
       count(*), count(energy_kwh), count(tracker_emissions_kg_co2e)
  FROM runs GROUP BY 1, 2;
