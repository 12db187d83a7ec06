// Writes a calculation's lines (those lib/ghg computed one by one) into a version's table, and a version's rollups,
// inside the caller's transaction (recalculate-period.ts, which also writes the set-based run lines and locks the
// factor datasets the lines use).
import { createHash } from "node:crypto";
import type { Tx } from "../../../db/client";
import { Prisma } from "../../../generated/prisma/client";
import { lineFingerprint, type CalculationResult } from "../../../ghg/calculate";
import { dec, text } from "../../../ghg/decimal";
import type { LineDraft } from "../../../ghg/types";

const CHUNK = 5000;

/** sha256 of the lines (canonical order) and details: equal hashes mean a recalculation changes nothing. */
export function resultSha256(result: CalculationResult): string {
  const h = createHash("sha256");
  for (const l of result.lines) h.update(lineFingerprint(l)).update("\n");
  h.update(JSON.stringify(result.details));
  return h.digest("hex");
}

/** Inserts `lines` into the version's table; `resolutionIds[i]` is the resolution of `lines[i]`. */
export async function writeLines(tx: Tx, table: string, ids: { organizationId: string; versionId: string }, lines: LineDraft[], resolutionIds: number[]): Promise<void> {
  for (let i = 0; i < lines.length; i += CHUNK) {
    const c = lines.slice(i, i + CHUNK);
    const r = resolutionIds.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO ${Prisma.raw(table)} (organization_id, calculation_version_id, resolution_id, source_record_id, import_id, project_id, site_id, month, activity_quantity, emissions_kg_co2e)
      SELECT ${ids.organizationId}::uuid, ${ids.versionId}::uuid, t.*
        FROM unnest(${r}::int[], ${c.map((l) => l.sourceRecordId)}::uuid[], ${c.map((l) => l.importId)}::uuid[], ${c.map((l) => l.projectId)}::uuid[],
                    ${c.map((l) => l.siteId)}::uuid[], ${c.map((l) => l.month)}::date[], ${c.map((l) => l.activityQuantity)}::numeric[], ${c.map((l) => l.emissionsKgCo2e)}::numeric[]) AS t`;
  }
}

export interface RollupRow {
  resolutionId: number;
  projectId: string | null;
  siteId: string | null;
  month: string;
  lines: number;
  activityQuantity: string;
  /** 0 for unresolved lines. */
  emissionsKgCo2e: string;
}

/**
 * The rollups of lines computed one by one (the set-based runs' come from their groups: run-lines-sql.ts);
 * `resolutionIds[i]` is the resolution of `lines[i]`.
 */
export function rollupsOf(lines: LineDraft[], resolutionIds: number[]): RollupRow[] {
  const by = new Map<string, RollupRow>();
  for (const [i, l] of lines.entries()) {
    const resolutionId = resolutionIds[i];
    const k = `${resolutionId}|${l.projectId}|${l.siteId}|${l.month}`;
    const r = by.get(k) ?? { resolutionId, projectId: l.projectId, siteId: l.siteId, month: l.month, lines: 0, activityQuantity: "0", emissionsKgCo2e: "0" };
    r.lines += 1;
    r.activityQuantity = text(dec(r.activityQuantity).plus(l.activityQuantity));
    r.emissionsKgCo2e = text(dec(r.emissionsKgCo2e).plus(l.emissionsKgCo2e ?? 0));
    by.set(k, r);
  }
  return [...by.values()];
}

/** Replaces a version's rollups. */
export async function writeRollups(tx: Tx, ids: { organizationId: string; versionId: string }, rows: RollupRow[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM ledger_rollups WHERE organization_id = ${ids.organizationId}::uuid AND calculation_version_id = ${ids.versionId}::uuid`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO ledger_rollups (organization_id, calculation_version_id, resolution_id, project_id, site_id, month, activity_quantity, emissions_kg_co2e, lines)
      SELECT ${ids.organizationId}::uuid, ${ids.versionId}::uuid, t.*
        FROM unnest(${c.map((r) => r.resolutionId)}::int[], ${c.map((r) => r.projectId)}::uuid[], ${c.map((r) => r.siteId)}::uuid[], ${c.map((r) => r.month)}::date[],
                    ${c.map((r) => r.activityQuantity)}::numeric[], ${c.map((r) => r.emissionsKgCo2e)}::numeric[], ${c.map((r) => r.lines)}::int[]) AS t`;
  }
}

/**
 * The projects and sites the lines refer to are the organization's (the version's table is written directly, not
 * through ledger_lines' statement trigger). Checked on the distinct ids, known from the plan and the computed lines.
 */
export async function assertLineReferences(tx: Tx, organizationId: string, projectIds: Set<string>, siteIds: Set<string>): Promise<void> {
  const p = [...projectIds];
  const s = [...siteIds];
  // Locked as keys would lock them: a concurrent delete waits for this transaction.
  const [lp, ls] = await Promise.all([
    p.length ? tx.$queryRaw<{ id: string }[]>`SELECT id FROM projects WHERE organization_id = ${organizationId}::uuid AND id = ANY(${p}::uuid[]) FOR KEY SHARE` : [],
    s.length ? tx.$queryRaw<{ id: string }[]>`SELECT id FROM sites WHERE organization_id = ${organizationId}::uuid AND id = ANY(${s}::uuid[]) FOR KEY SHARE` : [],
  ]);
  const r = { p: lp.length, s: ls.length };
  if (Number(r.p) !== p.length) throw new Error("a ledger line refers to a project that does not exist in its organization");
  if (Number(r.s) !== s.length) throw new Error("a ledger line refers to a site that does not exist in its organization");
}
