// Integration helpers for cloud imports: upload (optionally declaring the source) and commit through the services,
// and exact sums of what counts (rows with no successor) straight from Postgres.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import type { ServiceContext } from "../../lib/auth/context";
import { confirmImport } from "../../lib/services/imports/confirm-import";
import { uploadImport } from "../../lib/services/imports/upload-import";
import { createTestOrg, withPg } from "./db";

/** A data folder of the file's own for uploads (SCOPEBOOK_DATA_DIR), removed afterwards. */
export function useTempDataDir(prefix: string): void {
  let dataDir = "";
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `scopebook-${prefix}-`));
    process.env.SCOPEBOOK_DATA_DIR = dataDir;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
}

/** A fresh organization with an admin and an engineer, and the engineer's context. */
export async function engineerOrg(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "ENGINEER"]);
  return { org, ctx: await org.ctx("ENGINEER") };
}

export function uploadBytes(ctx: ServiceContext, bytes: Buffer | string, fileName: string, sourceType?: string) {
  const body = Readable.from([typeof bytes === "string" ? Buffer.from(bytes) : bytes]);
  return uploadImport({ ctx, input: { fileName, body, maxBytes: 100 * 1024 * 1024, sourceType } });
}

/** Upload and commit (waiting for the background job). */
export async function importBytes(ctx: ServiceContext, bytes: Buffer | string, fileName: string) {
  const up = await uploadBytes(ctx, bytes, fileName);
  return confirmImport({ ctx, input: { importId: up.importId }, wait: true });
}

export interface CountedTotals {
  rows: number;
  current: number;
  totalLb: string;
  totalMb: string;
  scope3: string;
  energyKwh: string;
}

/** Rows of the organization, rows that count (no successor) and their exact sums (numeric, as text). */
export function providerTotals(organizationId: string): Promise<CountedTotals> {
  return withPg(async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS rows, count(*) FILTER (WHERE superseded_by_id IS NULL)::int AS current,
              coalesce(sum(total_lb_kg_co2e) FILTER (WHERE superseded_by_id IS NULL), 0)::text AS "totalLb",
              coalesce(sum(total_mb_kg_co2e) FILTER (WHERE superseded_by_id IS NULL), 0)::text AS "totalMb",
              coalesce(sum(coalesce(scope3_kg_co2e, scope3_lb_kg_co2e)) FILTER (WHERE superseded_by_id IS NULL), 0)::text AS scope3,
              coalesce(sum(energy_kwh) FILTER (WHERE superseded_by_id IS NULL), 0)::text AS "energyKwh"
         FROM provider_emission_records WHERE organization_id = $1`,
      [organizationId],
    );
    const r = rows[0];
    const trim = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
    return { ...r, totalLb: trim(r.totalLb), totalMb: trim(r.totalMb), scope3: trim(r.scope3), energyKwh: trim(r.energyKwh) };
  });
}
