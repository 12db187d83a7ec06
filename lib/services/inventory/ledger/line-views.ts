// Ledger lines as the inventory page shows them: each with its factor (dataset, version, year, resolution) and its
// source record (run, activity row, provider row, with the import file and row), fetched per kind in one query each.
import { prisma } from "../../../db/client";
import type { Prisma } from "../../../generated/prisma/client";
import { dec, text } from "../../../ghg/decimal";
import type { LineView } from "../../../views/inventory";

/** Filters on a line's own columns (the rollups have the same ones): project, site, month; `OR` of (resolution, site). */
export interface LineWhere {
  projectId?: string | null;
  siteId?: string | null;
  month?: Date;
  OR?: { resolutionId: number; siteId: string | null }[];
}

/**
 * The lines of a version whose resolution matches `filter` (scope, method, status, flags…), at most `take`, in
 * resolution order (the partition's index; lines of one resolution in the order they were written), and how many
 * there are (from the rollups: counting millions of lines would read them all). `where` narrows the lines further.
 */
export async function lineViews(organizationId: string, versionId: string, filter: Prisma.LedgerResolutionWhereInput, take: number, where: LineWhere = {}): Promise<{ lines: LineView[]; total: number }> {
  const resolutions = await prisma.ledgerResolution.findMany({ where: { ...filter, organizationId, calculationVersionId: versionId } });
  if (resolutions.length === 0) return { lines: [], total: 0 };
  const resolutionById = new Map(resolutions.map((r) => [r.id, r]));
  // The rollups say which of these resolutions have lines matching `where`, and how many: only those are read.
  const counts = await prisma.ledgerRollup.groupBy({
    by: ["resolutionId"],
    where: { ...where, organizationId, calculationVersionId: versionId, resolutionId: { in: resolutions.map((r) => r.id) } },
    _sum: { lines: true },
  });
  const total = counts.reduce((n, c) => n + (c._sum.lines ?? 0), 0);
  if (total === 0) return { lines: [], total: 0 };
  const inVersion = { ...where, organizationId, calculationVersionId: versionId, resolutionId: { in: counts.map((c) => c.resolutionId) } };
  const narrow = await prisma.ledgerLine.findMany({ where: inVersion, orderBy: [{ resolutionId: "asc" }], take });
  const rows = narrow.map((l) => ({ ...resolutionById.get(l.resolutionId)!, ...l }));
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.sourceKind === kind).map((r) => r.sourceRecordId))];
  const importIds = [...new Set(rows.map((r) => r.importId).filter((i): i is string => i !== null))];
  const factorIds = [...new Set(rows.map((r) => r.factorId).filter((i): i is string => i !== null))];
  const instrumentIds = [...new Set(rows.map((r) => r.instrumentId).filter((i): i is string => i !== null))];
  // A line's factor is shipped (no organization) or its organization's own (checked when the line was written).
  const [runs, activities, providers, imports, factors, instruments] = await Promise.all([
    prisma.run.findMany({ where: { organizationId, id: { in: ids("RUN") } }, select: { id: true, externalRunId: true, trackerEmissionsKgCo2e: true, project: { select: { name: true } } } }),
    prisma.activityRecord.findMany({ where: { organizationId, id: { in: ids("ACTIVITY") } }, select: { id: true, rowNumber: true, category: true, activityType: true, quantity: true, unit: true } }),
    prisma.providerEmissionRecord.findMany({ where: { organizationId, id: { in: ids("PROVIDER_RECORD") } }, select: { id: true, rowNumber: true, provider: true, service: true, cloudProjectId: true, modelVersion: true } }),
    prisma.import.findMany({ where: { organizationId, id: { in: importIds } }, select: { id: true, fileName: true } }),
    prisma.emissionFactor.findMany({
      where: { id: { in: factorIds }, OR: [{ organizationId: null }, { organizationId }] },
      select: { id: true, year: true, keyType: true, key: true, sourceValue: true, sourceUnit: true, dataset: { select: { title: true, publisher: true, version: true } } },
    }),
    prisma.contractualInstrument.findMany({ where: { organizationId, id: { in: instrumentIds } }, select: { id: true, type: true, certificateId: true, market: true } }),
  ]);
  const factorById = new Map(factors.map((f) => [f.id, f]));
  const instrumentById = new Map(instruments.map((i) => [i.id, i]));
  const runById = new Map(runs.map((r) => [r.id, r]));
  const actById = new Map(activities.map((a) => [a.id, a]));
  const provById = new Map(providers.map((p) => [p.id, p]));
  const fileById = new Map(imports.map((i) => [i.id, i.fileName]));
  const lines = rows.map((l): LineView => {
    const emissions = l.emissionsKgCo2e?.toFixed() ?? null;
    let label = l.sourceRecordId, rowNumber: number | null = null, tracker: string | null = null;
    if (l.sourceKind === "RUN") {
      const r = runById.get(l.sourceRecordId);
      label = `run ${r?.externalRunId ?? l.sourceRecordId} (project ${r?.project.name ?? "?"})`;
      tracker = r?.trackerEmissionsKgCo2e?.toFixed() ?? null;
    } else if (l.sourceKind === "ACTIVITY") {
      const a = actById.get(l.sourceRecordId);
      rowNumber = a?.rowNumber ?? null;
      label = a ? `${a.category.toLowerCase().replace(/_/g, " ")}${a.activityType ? ` (${a.activityType})` : ""}: ${text(dec(a.quantity.toFixed()))} ${a.unit}` : label;
    } else if (l.sourceKind === "PROVIDER_RECORD") {
      const p = provById.get(l.sourceRecordId);
      rowNumber = p?.rowNumber ?? null;
      label = p ? `${p.provider} ${p.service ?? ""} ${p.cloudProjectId ?? "(no project)"}${p.modelVersion ? `, model ${p.modelVersion}` : ""}` : label;
    }
    const f = l.factorId ? factorById.get(l.factorId) : undefined;
    const i = l.instrumentId ? instrumentById.get(l.instrumentId) : undefined;
    const ratio = tracker !== null && emissions !== null && !dec(emissions).isZero() ? text(dec(tracker).div(emissions).toSignificantDigits(30)) : null;
    return {
      id: `${l.resolutionId}:${l.sourceRecordId}:${l.month.toISOString().slice(0, 10)}`,
      scope: l.scope,
      scope3Category: l.scope3Category,
      method: l.method,
      status: l.status,
      activityQuantity: l.activityQuantity.toFixed(),
      activityUnit: l.activityUnit,
      factorValue: l.factorValue?.toFixed() ?? null,
      factorUnit: l.factorUnit,
      emissionsKgCo2e: emissions,
      month: l.month.toISOString().slice(0, 7),
      nature: l.nature,
      qualityFlags: l.qualityFlags,
      resolution: l.resolution,
      factor: f ? { id: f.id, dataset: f.dataset.title, publisher: f.dataset.publisher, version: f.dataset.version, year: f.year, keyType: f.keyType, key: f.key, sourceValue: f.sourceValue?.toFixed() ?? null, sourceUnit: f.sourceUnit } : null,
      instrument: i ? { id: i.id, type: i.type, certificateId: i.certificateId, market: i.market } : null,
      source: { kind: l.sourceKind, id: l.sourceRecordId, label, importFile: l.importId ? (fileById.get(l.importId) ?? null) : null, importId: l.importId, rowNumber, trackerEmissionsKgCo2e: tracker, trackerRatio: ratio },
    };
  });
  return { lines, total };
}
