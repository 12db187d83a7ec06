// Building ledger lines: quantity × resolved factor, or an unresolved line that says why (never a zero).
import { dec, text } from "./decimal";
import type { Resolution } from "./resolve-factor";
import type { LineDraft, LineMethod, Scope } from "./types";

/** What a line knows about its source record, whatever the factor. */
export interface LineOrigin extends Pick<LineDraft, "sourceKind" | "sourceRecordId" | "importId" | "projectId" | "siteId" | "month" | "nature"> {
  /** Flags of the record itself (measured, estimated, site-pue-applied…). */
  flags: string[];
  /** Said before every line's resolution, e.g. a pro-rated part's share (pro-rata.ts). */
  note?: string;
}

/** The line's resolution, after the origin's note when it has one. */
const explained = (origin: LineOrigin, resolution: string) => (origin.note ? `${origin.note}; ${resolution}` : resolution);

export interface LineClass {
  scope: Scope;
  scope3Category: number | null;
  method: LineMethod;
}

export function resolvedOrUnresolvedLine(origin: LineOrigin, cls: LineClass, quantity: string, unit: string, r: Resolution): LineDraft {
  const base = baseLine(origin, cls, quantity, unit);
  if (!r.ok) return { ...base, qualityFlags: [...origin.flags], resolution: explained(origin, r.resolution) };
  const f = r.factor;
  return {
    ...base,
    status: "RESOLVED",
    factorId: f.id,
    factorValue: f.value,
    factorUnit: f.unit,
    datasetVersion: `${f.datasetTitle} ${f.datasetVersion}`,
    emissionsKgCo2e: text(dec(quantity).times(f.value)),
    qualityFlags: [...origin.flags, ...r.flags, f.custom && f.method === "SUPPLIER_SPECIFIC" ? "primary-data" : "secondary-data"],
    resolution: explained(origin, r.resolution),
  };
}

/** A line whose factor is not a factor row (an instrument's rate, a supplier rate given on the row). */
export function rateLine(
  origin: LineOrigin,
  cls: LineClass,
  quantity: string,
  unit: string,
  rate: { value: string; unit: string; instrumentId: string | null; flags: string[]; resolution: string },
): LineDraft {
  return {
    ...baseLine(origin, cls, quantity, unit),
    status: "RESOLVED",
    factorValue: rate.value,
    factorUnit: rate.unit,
    instrumentId: rate.instrumentId,
    emissionsKgCo2e: text(dec(quantity).times(rate.value)),
    qualityFlags: [...origin.flags, ...rate.flags],
    resolution: explained(origin, rate.resolution),
  };
}

/** Reported emissions entered as they are (provider exports): quantity is the kgCO2e itself, factor 1. */
export function reportedLine(origin: LineOrigin, cls: LineClass, kgCo2e: string | null, resolution: string, missing: string): LineDraft {
  if (kgCo2e === null) return { ...baseLine(origin, cls, "0", "kgCO2e"), qualityFlags: [...origin.flags], resolution: missing };
  return {
    ...baseLine(origin, cls, kgCo2e, "kgCO2e"),
    status: "RESOLVED",
    emissionsKgCo2e: text(dec(kgCo2e)),
    qualityFlags: [...origin.flags, "primary-data"],
    resolution,
  };
}

export function unresolvedLine(origin: LineOrigin, cls: LineClass, quantity: string, unit: string, resolution: string): LineDraft {
  return { ...baseLine(origin, cls, quantity, unit), qualityFlags: [...origin.flags], resolution: explained(origin, resolution) };
}

function baseLine(origin: LineOrigin, cls: LineClass, quantity: string, unit: string): LineDraft {
  return {
    scope: cls.scope,
    scope3Category: cls.scope3Category,
    method: cls.method,
    status: "UNRESOLVED",
    activityQuantity: quantity,
    activityUnit: unit,
    factorId: null,
    factorValue: null,
    factorUnit: null,
    datasetVersion: null,
    instrumentId: null,
    emissionsKgCo2e: null,
    sourceKind: origin.sourceKind,
    sourceRecordId: origin.sourceRecordId,
    importId: origin.importId,
    projectId: origin.projectId,
    siteId: origin.siteId,
    month: origin.month,
    nature: origin.nature,
    qualityFlags: [],
    resolution: "",
  };
}
