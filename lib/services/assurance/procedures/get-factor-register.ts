// Use case: the factor register of a period's version (issue 14) — every factor its lines used (through their
// resolutions) with publisher, dataset and version, year, value and unit, licence, GWP basis, lines and kgCO2e priced —
// and the factors that changed against N-1 (the previous period's signed, else current, version): the same key
// (key type, key, method, unit) with another value or dataset version, new or no longer used.
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { dec } from "../../../ghg/decimal";
import { csvLine } from "../../../ingest/pipeline/bad-rows";
import { num } from "../../inventory/ledger/load-calculation-input";
import type { FactorChangeRow, FactorRegister, FactorRegisterRow } from "../../../views/assurance-procedures";
import { priorVersion, targetVersion } from "./target-version";

export async function factorsOfVersion(organizationId: string, versionId: string): Promise<FactorRegisterRow[]> {
  const used = await prisma.$queryRaw<{ factor_id: string; lines: bigint; kg: string | null }[]>`
    SELECT r.factor_id::text, sum(u.lines) AS lines, sum(u.emissions_kg_co2e)::text AS kg
      FROM ledger_rollups u JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id
     WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ${versionId}::uuid AND r.factor_id IS NOT NULL
     GROUP BY r.factor_id`;
  const factors = await prisma.emissionFactor.findMany({
    where: { id: { in: used.map((u) => u.factor_id) }, OR: [{ organizationId: null }, { organizationId }] },
    include: { dataset: { select: { publisher: true, title: true, version: true, licence: true, url: true, gwpBasis: true } } },
  });
  const byId = new Map(factors.map((f) => [f.id, f]));
  return used
    .flatMap((u) => {
      const f = byId.get(u.factor_id);
      if (!f) return [];
      return [{
        factorId: f.id, publisher: f.dataset.publisher, dataset: f.dataset.title, datasetVersion: f.dataset.version, year: f.year, keyType: f.keyType, key: f.key, method: f.method,
        value: f.value.toFixed(), unit: f.unit, sourceValue: f.sourceValue?.toFixed() ?? null, sourceUnit: f.sourceUnit, licence: f.dataset.licence, url: f.dataset.url,
        gwpBasis: f.gwpBasis ?? f.dataset.gwpBasis, lines: Number(u.lines), kgCo2e: num(u.kg) ?? "0",
      }];
    })
    .sort((a, b) => a.keyType.localeCompare(b.keyType) || a.key.localeCompare(b.key) || (a.year ?? 0) - (b.year ?? 0) || a.factorId.localeCompare(b.factorId));
}

const identity = (f: FactorRegisterRow) => `${f.keyType}:${f.key} (${f.method}, ${f.unit})`;
const side = (f: FactorRegisterRow) => ({ factorId: f.factorId, dataset: f.dataset, datasetVersion: f.datasetVersion, year: f.year, value: f.value, unit: f.unit });

/** Factors of N against N-1 by identity; a key priced by several factors in a year compares its first (sorted). */
export function factorChanges(current: FactorRegisterRow[], prior: FactorRegisterRow[]): FactorChangeRow[] {
  const first = (rows: FactorRegisterRow[]) => {
    const m = new Map<string, FactorRegisterRow>();
    for (const r of rows) if (!m.has(identity(r))) m.set(identity(r), r);
    return m;
  };
  const now = first(current), before = first(prior);
  const out: FactorChangeRow[] = [];
  for (const key of [...new Set([...now.keys(), ...before.keys()])].sort()) {
    const c = now.get(key), p = before.get(key);
    if (c && p) {
      if (!dec(c.value).eq(p.value) || c.dataset !== p.dataset || c.datasetVersion !== p.datasetVersion) out.push({ key, change: "CHANGED", prior: side(p), current: side(c) });
    } else out.push({ key, change: c ? "NEW" : "DROPPED", prior: p ? side(p) : null, current: c ? side(c) : null });
  }
  return out;
}

export async function getFactorRegister({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<FactorRegister> {
  authorize(ctx, "report:read");
  const t = await targetVersion(ctx, input);
  const prior = await priorVersion(ctx, t);
  const [factors, priorFactors] = await Promise.all([
    factorsOfVersion(ctx.organization.id, t.calculationVersionId),
    prior ? factorsOfVersion(ctx.organization.id, prior.calculationVersionId) : Promise.resolve([]),
  ]);
  return { period: { id: t.period.id, name: t.period.name }, reportVersionNumber: t.reportVersionNumber, priorPeriod: prior?.periodName ?? null, factors, changes: prior ? factorChanges(factors, priorFactors) : [] };
}

export function factorRegisterCsv(r: FactorRegister): string {
  const head = ["factor_id", "publisher", "dataset", "dataset_version", "year", "key_type", "key", "method", "value", "unit", "source_value", "source_unit", "licence", "url", "gwp_basis", "lines", "kg_co2e"];
  return [csvLine(head), ...r.factors.map((f) => csvLine([f.factorId, f.publisher, f.dataset, f.datasetVersion, f.year, f.keyType, f.key, f.method, f.value, f.unit, f.sourceValue, f.sourceUnit, f.licence, f.url, f.gwpBasis, f.lines, f.kgCo2e]))].join("");
}

export function factorChangesCsv(r: FactorRegister): string {
  const head = ["key", "change", "prior_factor_id", "prior_dataset", "prior_dataset_version", "prior_year", "prior_value", "current_factor_id", "current_dataset", "current_dataset_version", "current_year", "current_value", "unit"];
  return [csvLine(head), ...r.changes.map((c) => csvLine([c.key, c.change, c.prior?.factorId ?? null, c.prior?.dataset ?? null, c.prior?.datasetVersion ?? null, c.prior?.year ?? null, c.prior?.value ?? null, c.current?.factorId ?? null, c.current?.dataset ?? null, c.current?.datasetVersion ?? null, c.current?.year ?? null, c.current?.value ?? null, (c.current ?? c.prior)?.unit ?? null]))].join("");
}
