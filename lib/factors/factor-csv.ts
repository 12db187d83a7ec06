// A factor dataset as CSV (the template Scopebook publishes) → factor rows and row errors (row, column, value, reason).
// Pure: bytes are decoded by the caller. A dataset is imported whole or not at all, so any row error blocks it.
import { CsvRowReader, isBlankRow } from "../text/csv-rows";
import { parseDecimal } from "../text/decimal-text";
import type { RowError } from "../records/row-error";
import { ExactDecimal } from "./exact";
import { normalizeFactorKey } from "./keys";
import { FACTOR_KEY_TYPES, FACTOR_METHODS, factorIdentity, type FactorKeyType, type FactorMethod, type FactorRow } from "./types";
import { attributePerStoredUnit, toKgCo2ePerUnit } from "./units";

export const FACTOR_CSV_COLUMNS = [
  "key_type",
  "key",
  "year",
  "valid_from",
  "valid_to",
  "value",
  "unit",
  "method",
  "gwp_basis",
  "fossil_share",
  "nuclear_share",
  "renewable_share",
  "energy_kwh_per_unit",
  "biogenic_co2_per_unit",
  "description",
] as const;
const REQUIRED = ["key_type", "key", "value", "unit", "method"] as const;

/** The template offered for download: the header and two example rows (the worked example and a residual mix). */
export const FACTOR_CSV_TEMPLATE =
  FACTOR_CSV_COLUMNS.join(",") +
  "\n" +
  "COUNTRY,USA,2024,,,0.0004,tCO2e/kWh,SUPPLIER_SPECIFIC,AR6,,,,,,Supplier contract rate (example)\n" +
  "GRID_REGION,DE-LU,2024,,,0.45,tCO2e/MWh,RESIDUAL_MIX,AR5,0.55,0.05,0.40,,,Residual mix (example)\n" +
  "FUEL,biodiesel,2024,,,0.17,kgCO2e/L,ACTIVITY_AVERAGE,AR5,,,1,9.2,2.5,Biodiesel B100 (example: 9.2 kWh/L; 2.5 kg biogenic CO2/L)\n";

export class FactorCsvFileError extends Error {
  override name = "FactorCsvFileError";
}

export interface FactorCsvResult {
  rows: FactorRow[];
  errors: RowError[];
  /** Data rows read (blank lines excluded). */
  rowsTotal: number;
}

const YEAR = /^\d{4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parses the text of a factor CSV; throws FactorCsvFileError when the file as a whole cannot be read. */
export function parseFactorCsv(text: string): FactorCsvResult {
  const reader = new CsvRowReader(",");
  const first = reader.push(text);
  const last = reader.end();
  const all = [...first.rows, ...last.rows];
  if (first.problems?.size || last.problems?.size) throw new FactorCsvFileError("The file has malformed quotes: it is not a CSV file Scopebook can read.");
  const headerIndex = all.findIndex((r) => !isBlankRow(r));
  if (headerIndex === -1) throw new FactorCsvFileError("The file is empty.");
  const header = all[headerIndex].map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => h && !(FACTOR_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new FactorCsvFileError(`Unknown column(s) ${unknown.map((u) => `"${u}"`).join(", ")}; the columns are ${FACTOR_CSV_COLUMNS.join(", ")}.`);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw new FactorCsvFileError(`Missing column(s) ${missing.join(", ")}; the columns are ${FACTOR_CSV_COLUMNS.join(", ")}.`);
  const dup = header.find((h, i) => h && header.indexOf(h) !== i);
  if (dup) throw new FactorCsvFileError(`The column "${dup}" appears twice.`);

  const rows: FactorRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let rowNumber = 0;
  for (const fields of all.slice(headerIndex + 1)) {
    if (isBlankRow(fields)) continue;
    rowNumber++;
    const cell = (c: string) => {
      const i = header.indexOf(c);
      return i === -1 ? "" : (fields[i] ?? "").trim();
    };
    const rowErrors: RowError[] = [];
    const fail = (column: string, reason: string) => rowErrors.push({ row: rowNumber, column, value: cell(column), reason });
    if (fields.length > header.length && fields.slice(header.length).some((f) => f.trim())) fail(header[header.length - 1], `the row has ${fields.length} fields; the header has ${header.length}`);

    const keyTypeText = cell("key_type").toUpperCase();
    const keyType = (FACTOR_KEY_TYPES as readonly string[]).includes(keyTypeText) ? (keyTypeText as FactorKeyType) : null;
    if (!keyType) fail("key_type", `unknown key type; use one of ${FACTOR_KEY_TYPES.join(", ")}`);
    let key = cell("key");
    if (keyType) {
      const k = normalizeFactorKey(keyType, key);
      if (k.ok) key = k.key;
      else fail("key", `${k.reason}`);
    } else if (!key) fail("key", "is empty");

    const methodText = cell("method").toUpperCase();
    const method = (FACTOR_METHODS as readonly string[]).includes(methodText) ? (methodText as FactorMethod) : null;
    if (!method) fail("method", `unknown method; use one of ${FACTOR_METHODS.join(", ")}`);

    const validFrom = cell("valid_from") || null;
    const validTo = cell("valid_to") || null;
    if (validFrom && !isRealDate(validFrom)) fail("valid_from", "is not a date (yyyy-mm-dd)");
    if (validTo && !isRealDate(validTo)) fail("valid_to", "is not a date (yyyy-mm-dd)");
    if (validFrom && validTo && isRealDate(validFrom) && isRealDate(validTo) && validTo < validFrom) fail("valid_to", "is before valid_from");
    let year: number | null = null;
    const yearText = cell("year");
    if (yearText) {
      if (!YEAR.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) fail("year", "is not a year (1900–2100)");
      else year = Number(yearText);
    } else if (validFrom && isRealDate(validFrom)) {
      year = Number(validFrom.slice(0, 4));
    } else {
      fail("year", "is empty: give the year the factor applies to (or valid_from)");
    }

    const valueText = cell("value");
    const value = parseDecimal(valueText);
    let converted: ReturnType<typeof toKgCo2ePerUnit> | null = null;
    if (value === null) fail("value", valueText ? "is not a number" : "is empty");
    else if (value.startsWith("-")) fail("value", "is negative; an emission factor is zero or more");
    else {
      converted = toKgCo2ePerUnit(value, cell("unit"));
      if (!converted.ok) fail("unit", converted.reason);
    }

    const shares: Record<string, string | null> = {};
    for (const column of ["fossil_share", "nuclear_share", "renewable_share"]) {
      const t = cell(column);
      if (!t) {
        shares[column] = null;
        continue;
      }
      const s = parseDecimal(t);
      if (s === null || s.startsWith("-") || new ExactDecimal(s).greaterThan(1)) fail(column, "is not a share between 0 and 1");
      else shares[column] = s;
    }

    // Per the denominator of `unit` as given (kWh per L; biogenic CO2 in the unit's mass: t CO2 per t with tCO2e/t).
    const perUnit: { energy: string | null; biogenic: string | null } = { energy: null, biogenic: null };
    for (const [column, kind] of [["energy_kwh_per_unit", "energy"], ["biogenic_co2_per_unit", "biogenic"]] as const) {
      const t = cell(column);
      if (!t) continue;
      const v = parseDecimal(t);
      if (v === null || v.startsWith("-")) fail(column, "is not a number ≥ 0");
      else if (converted?.ok) perUnit[kind] = attributePerStoredUnit(v, cell("unit"), kind === "energy" ? "energy" : "co2-mass");
    }

    if (keyType && method && !rowErrors.some((e) => e.column === "key" || e.column === "year")) {
      const id = factorIdentity({ keyType, key, year, method });
      const earlier = seen.get(id);
      if (earlier) fail("key", `duplicates row ${earlier} (same key type, key, year and method)`);
      else seen.set(id, rowNumber);
    }

    if (rowErrors.length || !keyType || !method || !converted?.ok) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      keyType,
      key,
      year,
      validFrom,
      validTo,
      value: converted.valueKgCo2e,
      unit: converted.unit,
      sourceValue: converted.sourceValue,
      sourceUnit: converted.sourceUnit,
      method,
      gwpBasis: cell("gwp_basis") || null,
      fossilShare: shares.fossil_share,
      nuclearShare: shares.nuclear_share,
      renewableShare: shares.renewable_share,
      energyKwhPerUnit: perUnit.energy,
      biogenicKgCo2PerUnit: perUnit.biogenic,
      description: cell("description") || null,
    });
  }
  if (rowNumber === 0) throw new FactorCsvFileError("The file has a header but no factor rows.");
  return { rows, errors, rowsTotal: rowNumber };
}
