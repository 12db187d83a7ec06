// CodeCarbon's cloud/impact.csv → one CLOUD_REGION factor per region ("gcp:us-central1"): Google's published grid
// carbon intensity of the region (`impact`, gCO2e/kWh → kgCO2e/kWh exactly). The file gives no year: the caller
// passes the year the dataset is filed under (decision 0012).
import { parseDecimal } from "../../text/decimal-text";
import { CsvRowReader, isBlankRow } from "../../text/csv-rows";
import { normalizeFactorKey } from "../keys";
import type { FactorRow } from "../types";
import { gridAverageRow } from "./grid-average-row";
import { ShippedDataError } from "./shipped-data-error";

/** Region names misspelt in the source file, and the region they name (kept in the description). */
const REGION_TYPOS: Record<string, string> = { "me-cenrtal1": "me-central1" };

export function parseCodecarbonCloudRegions(text: string, year: number): FactorRow[] {
  const reader = new CsvRowReader(",");
  const all = [...reader.push(text).rows, ...reader.end().rows].filter((r) => !isBlankRow(r));
  const [header, ...rows] = all;
  if (!header) throw new ShippedDataError("the cloud region file is empty");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i === -1) throw new ShippedDataError(`the cloud region file has no "${name}" column`);
    return i;
  };
  const [provider, region, impact, city, country] = [col("provider"), col("region"), col("impact"), col("city"), col("country_name")];
  return rows.map((r, n) => {
    const where = `cloud region file row ${n + 1}`;
    const sourceRegion = r[region]?.trim() ?? "";
    const fixed = REGION_TYPOS[sourceRegion];
    const key = normalizeFactorKey("CLOUD_REGION", `${r[provider]}:${fixed ?? sourceRegion}`);
    if (!key.ok) throw new ShippedDataError(`${where}: the key ${key.reason}`);
    const value = parseDecimal(r[impact] ?? "");
    if (value === null) throw new ShippedDataError(`${where}: impact "${r[impact]}" is not a number`);
    const place = [r[city], r[country]].filter(Boolean).join(", ");
    const description = fixed ? `${place} (the source spells the region "${sourceRegion}")` : place || null;
    return gridAverageRow({ keyType: "CLOUD_REGION", key: key.key, year, gramsPerKwh: value, gwpBasis: null, shares: null, description, where });
  });
}
