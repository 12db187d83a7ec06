// CodeCarbon's global_energy_mix.json → one COUNTRY factor per country: the average grid carbon intensity of its
// year (gCO2e/kWh → kgCO2e/kWh, exactly) with the fossil / nuclear / renewable shares of its generation.
import { parseDecimal } from "../../text/decimal-text";
import { JsonNumber, parseJsonExact } from "../../json-exact";
import { gridMixShares } from "../grid-mix-shares";
import { normalizeFactorKey } from "../keys";
import type { FactorRow } from "../types";
import { gridAverageRow } from "./grid-average-row";
import { ShippedDataError } from "./shipped-data-error";

function decimalField(entry: Record<string, unknown>, field: string, where: string): string {
  const raw = entry[field];
  const value = raw instanceof JsonNumber ? parseDecimal(raw.text) : null;
  if (value === null) throw new ShippedDataError(`${where}: "${field}" is not a number`);
  return value;
}

export function parseCodecarbonEnergyMix(text: string, gwpBasis: string | null): FactorRow[] {
  const data = parseJsonExact(text);
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new ShippedDataError("the energy mix file is not a JSON object keyed by country");
  const rows: FactorRow[] = [];
  for (const [code, value] of Object.entries(data as Record<string, unknown>)) {
    const where = `country ${code}`;
    if (!value || typeof value !== "object") throw new ShippedDataError(`${where}: not an object`);
    const entry = value as Record<string, unknown>;
    const key = normalizeFactorKey("COUNTRY", code);
    if (!key.ok) throw new ShippedDataError(`${where}: the key ${key.reason}`);
    const year = Number(decimalField(entry, "year", where));
    if (!Number.isInteger(year)) throw new ShippedDataError(`${where}: "year" is not a whole number`);
    const shares = gridMixShares({
      fossilTwh: decimalField(entry, "fossil_TWh", where),
      nuclearTwh: decimalField(entry, "nuclear_TWh", where),
      renewablesTwh: decimalField(entry, "renewables_TWh", where),
    });
    const description = typeof entry.country_name === "string" ? entry.country_name : null;
    const gramsPerKwh = decimalField(entry, "carbon_intensity", where);
    rows.push(gridAverageRow({ keyType: "COUNTRY", key: key.key, year, gramsPerKwh, gwpBasis, shares, description, where }));
  }
  return rows;
}
