// One contractual instrument (market-based Scope 2), as text from a form or a CSV row, checked — shared by the form
// (lib/services/create-instrument.ts) and the CSV mapper (lib/ingest/sources/instruments-csv). Never throws. Pure.
import { dateProblem } from "./dates";
import { given, nonNegativeDecimal, type Checked } from "./entry";

/** Matches the InstrumentType enum of the database. */
export type InstrumentTypeName = "REC" | "GUARANTEE_OF_ORIGIN" | "PPA" | "GREEN_TARIFF" | "SUPPLIER_SPECIFIC";

export const INSTRUMENT_TYPES: readonly { csvName: string; type: InstrumentTypeName; label: string }[] = [
  { csvName: "rec", type: "REC", label: "Renewable energy certificate (REC)" },
  { csvName: "go", type: "GUARANTEE_OF_ORIGIN", label: "Guarantee of Origin (GO)" },
  { csvName: "ppa", type: "PPA", label: "Power purchase agreement (PPA)" },
  { csvName: "green-tariff", type: "GREEN_TARIFF", label: "Green tariff" },
  { csvName: "supplier-specific", type: "SUPPLIER_SPECIFIC", label: "Supplier-specific rate" },
];

export interface InstrumentEntryText {
  type?: string;
  volumeMwh?: string;
  market?: string;
  vintageStart?: string;
  vintageEnd?: string;
  trackingSystem?: string;
  certificateId?: string;
  retiredOnBehalf?: string;
  emissionRateKgCo2ePerKwh?: string;
  site?: string;
  bundled?: string;
}
export type InstrumentField = keyof InstrumentEntryText;

export interface InstrumentEntry {
  type: InstrumentTypeName;
  volumeMwh: string;
  market: string;
  vintageStart: string;
  vintageEnd: string;
  trackingSystem: string | null;
  certificateId: string | null;
  retiredOnBehalf: boolean;
  emissionRateKgCo2ePerKwh: string;
  siteName: string | null;
  /** Bought with the electricity (PPA, green tariff) or apart from it (unbundled certificate); null = not stated. */
  bundled: boolean | null;
}

const YES = ["yes", "y", "true", "1"];
const NO = ["no", "n", "false", "0"];

export function instrumentTypeByName(name: string): InstrumentTypeName | null {
  const n = name.trim().toLowerCase().replace(/[\s_]+/g, "-");
  return INSTRUMENT_TYPES.find((t) => t.csvName === n || t.type.toLowerCase().replace(/_/g, "-") === n)?.type ?? null;
}

export function checkInstrumentEntry(input: InstrumentEntryText): Checked<InstrumentEntry, InstrumentField> {
  const issues: { field: InstrumentField; value: string | null; reason: string }[] = [];
  const fail = (field: InstrumentField, value: string | null, reason: string) => void issues.push({ field, value, reason });
  const required = (field: InstrumentField, hint = ""): string | null => {
    const v = given(input[field]);
    if (v === null) fail(field, null, `is required${hint}`);
    return v;
  };

  const typeText = required("type", ` (one of ${INSTRUMENT_TYPES.map((t) => t.csvName).join(", ")})`);
  const type = typeText === null ? null : instrumentTypeByName(typeText);
  if (typeText !== null && !type) fail("type", typeText, `unknown instrument type (one of ${INSTRUMENT_TYPES.map((t) => t.csvName).join(", ")})`);

  const volumeText = required("volumeMwh");
  let volumeMwh: string | null = null;
  if (volumeText !== null) {
    const v = nonNegativeDecimal(volumeText);
    if ("reason" in v) fail("volumeMwh", volumeText, v.reason);
    else if (/^0(\.0*)?$/.test(v.value)) fail("volumeMwh", volumeText, "must be greater than 0");
    else volumeMwh = v.value;
  }

  const market = required("market", " (the market boundary, e.g. a country code FRA or a bidding zone DE-LU)");
  if (market && market.length > 100) fail("market", market.slice(0, 50), "longer than 100 characters");

  const vintageStart = required("vintageStart");
  const vintageEnd = required("vintageEnd");
  for (const [field, v] of [["vintageStart", vintageStart], ["vintageEnd", vintageEnd]] as const) {
    const problem = v === null ? null : dateProblem(v);
    if (problem) fail(field, v, problem);
  }
  if (vintageStart && vintageEnd && !dateProblem(vintageStart) && !dateProblem(vintageEnd) && vintageEnd < vintageStart)
    fail("vintageEnd", vintageEnd, `is before vintage_start (${vintageStart})`);

  const trackingSystem = given(input.trackingSystem);
  const certificateId = given(input.certificateId);
  if (trackingSystem && !certificateId) fail("certificateId", null, "is required when a tracking system is given");
  if (certificateId && !trackingSystem) fail("trackingSystem", null, "is required when a certificate id is given");
  for (const [field, v] of [["trackingSystem", trackingSystem], ["certificateId", certificateId]] as const)
    if (v && v.length > 200) fail(field, v.slice(0, 50), "longer than 200 characters");

  const retiredText = required("retiredOnBehalf", " (yes or no)");
  const retired = retiredText === null ? null : YES.includes(retiredText.toLowerCase()) ? true : NO.includes(retiredText.toLowerCase()) ? false : null;
  if (retiredText !== null && retired === null) fail("retiredOnBehalf", retiredText, "must be yes or no");

  const rateText = required("emissionRateKgCo2ePerKwh", " (0 for renewable certificates)");
  let rate: string | null = null;
  if (rateText !== null) {
    const r = nonNegativeDecimal(rateText);
    if ("reason" in r) fail("emissionRateKgCo2ePerKwh", rateText, r.reason);
    else rate = r.value;
  }

  const bundledText = given(input.bundled);
  const bundled = bundledText === null ? null : YES.includes(bundledText.toLowerCase()) ? true : NO.includes(bundledText.toLowerCase()) ? false : undefined;
  if (bundled === undefined) fail("bundled", bundledText, "must be yes, no or empty (bundled with the electricity, or an unbundled certificate)");

  const siteName = given(input.site);
  if (siteName && siteName.length > 200) fail("site", siteName.slice(0, 50), "longer than 200 characters");

  if (issues.length > 0 || !type || !volumeMwh || !market || !vintageStart || !vintageEnd || retired === null || rate === null || bundled === undefined) return { ok: false, issues };
  return {
    ok: true,
    value: { type, volumeMwh, market, vintageStart, vintageEnd, trackingSystem, certificateId, retiredOnBehalf: retired, emissionRateKgCo2ePerKwh: rate, siteName, bundled },
  };
}
