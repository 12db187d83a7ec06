// What an inquiry or a review note is anchored to: checked to exist in the caller's organization (and, for ledger
// lines, in a calculation of the inquiry's period). Another organization's object, or a malformed reference, is
// "not found" naming the anchor — the same answer either way, so nothing leaks — and nothing is written.
import { z } from "zod";
import type { ServiceContext } from "../../auth/context";
import { type Tx } from "../../db/client";
import { byId, isUuid, inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { parseLineRef } from "../../assurance/inquiry-rules";
import { reportDatapoints } from "../../reporting/datapoints";
import { getReportDocument } from "../reporting/get-report-document";

export const ANCHOR_TYPES = ["DATAPOINT", "LEDGER_LINE", "RUN", "PROVIDER_RECORD", "ACTIVITY_RECORD", "IMPORT", "FACTOR", "PERIOD"] as const;
export type AnchorType = (typeof ANCHOR_TYPES)[number];

export const AnchorInput = z.object({
  anchorType: z.enum(ANCHOR_TYPES, { error: `must be one of ${ANCHOR_TYPES.join(", ")}` }),
  /** A datapoint name, a ledger line key, or the object's id; the period's own id for PERIOD (may be left empty). */
  anchorRef: z.string().trim().max(300).default(""),
});

const NAMES: Record<AnchorType, string> = {
  DATAPOINT: "Datapoint",
  LEDGER_LINE: "Ledger line",
  RUN: "Tracker run",
  PROVIDER_RECORD: "Provider record",
  ACTIVITY_RECORD: "Activity record",
  IMPORT: "Import",
  FACTOR: "Emission factor",
  PERIOD: "Reporting period",
};

const missing = (type: AnchorType, ref: string) =>
  new AppError("NOT_FOUND", `${NAMES[type]} ${ref ? `"${ref}" ` : ""}not found in ${"this organization"}.`, [{ field: "anchorRef", reason: `${NAMES[type].toLowerCase()} not found` }]);

/** The datapoints of the period's report (signed version, or the draft): name → label. */
async function datapointLabels(ctx: ServiceContext, periodId: string): Promise<Map<string, string>> {
  const { document } = await getReportDocument({ ctx, input: { periodId } });
  return new Map(reportDatapoints(document.content).map((d) => [d.name, d.label]));
}

/** Checks the anchor; returns its reference as stored and a label in words. Reads the datapoints outside tx. */
export async function checkAnchor(db: Tx, ctx: ServiceContext, period: { id: string; name: string }, anchor: { anchorType: AnchorType; anchorRef: string }, datapoints?: Map<string, string>): Promise<{ anchorRef: string; anchorLabel: string }> {
  const { anchorType: type } = anchor;
  const ref = anchor.anchorRef.trim();
  const uuid = () => {
    if (!isUuid(ref)) throw missing(type, ref);
    return ref;
  };
  switch (type) {
    case "PERIOD":
      if (ref && ref !== period.id) throw missing(type, ref);
      return { anchorRef: period.id, anchorLabel: `Period ${period.name}` };
    case "DATAPOINT": {
      const label = (datapoints ?? (await datapointLabels(ctx, period.id))).get(ref);
      if (!label) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `${ref}: ${label}` };
    }
    case "LEDGER_LINE": {
      const key = parseLineRef(ref);
      if (!key) throw missing(type, ref);
      const version = await db.calculationVersion.findFirst({ where: { ...byId(ctx, key.calculationVersionId), periodId: period.id }, select: { number: true } });
      const line = version && (await db.ledgerLine.findFirst({ where: { ...inOrg(ctx), calculationVersionId: key.calculationVersionId, resolutionId: key.resolutionId, sourceRecordId: key.sourceRecordId, month: new Date(`${key.month}T00:00:00Z`) }, select: { emissionsKgCo2e: true } }));
      if (!version || !line) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `Ledger line of calculation v${version.number}, ${key.month.slice(0, 7)}, source ${key.sourceRecordId.slice(0, 8)}` };
    }
    case "RUN": {
      const run = await db.run.findFirst({ where: byId(ctx, uuid()), select: { externalRunId: true, project: { select: { name: true } } } });
      if (!run) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `Run ${run.externalRunId ?? ref.slice(0, 8)} of ${run.project.name}` };
    }
    case "PROVIDER_RECORD": {
      const row = await db.providerEmissionRecord.findFirst({ where: byId(ctx, uuid()), select: { provider: true, service: true, periodStart: true, rowNumber: true } });
      if (!row) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `${row.provider} ${row.service ?? "record"} ${row.periodStart.toISOString().slice(0, 7)}${row.rowNumber ? `, row ${row.rowNumber}` : ""}` };
    }
    case "ACTIVITY_RECORD": {
      const row = await db.activityRecord.findFirst({ where: byId(ctx, uuid()), select: { category: true, activityType: true, periodStart: true, quantity: true, unit: true } });
      if (!row) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `Activity ${row.category.toLowerCase()}${row.activityType ? ` (${row.activityType})` : ""} ${row.periodStart.toISOString().slice(0, 10)}: ${row.quantity.toFixed()} ${row.unit}` };
    }
    case "IMPORT": {
      const imp = await db.import.findFirst({ where: byId(ctx, uuid()), select: { fileName: true, sha256: true } });
      if (!imp) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `File ${imp.fileName} (sha256 ${imp.sha256.slice(0, 12)}…)` };
    }
    case "FACTOR": {
      // Shipped factors belong to no organization and may be asked about; another organization's own factor may not.
      const f = await db.emissionFactor.findFirst({ where: { id: uuid(), OR: [{ organizationId: null }, inOrg(ctx)] }, select: { key: true, year: true, value: true, unit: true, dataset: { select: { publisher: true, title: true } } } });
      if (!f) throw missing(type, ref);
      return { anchorRef: ref, anchorLabel: `Factor ${f.dataset.publisher} ${f.dataset.title}, ${f.key}${f.year ? ` ${f.year}` : ""}: ${f.value.toFixed()} ${f.unit}` };
    }
  }
}

export { datapointLabels };
