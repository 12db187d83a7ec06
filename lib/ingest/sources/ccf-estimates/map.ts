// One Cloud Carbon Footprint estimate → a provider record (nature ESTIMATED), or row errors. Pure; never throws.
// CO2e is in metric tons (→ kg × 1000, exactly); energy in kWh. Estimates are location-based only: the
// market-based total stays empty. Rows are per day (the estimate's timestamp).
import type { Cells, MapContext, MapResult } from "../cloud/columns";
import { requiredText, text } from "../cloud/cells";
import { NO_SCOPE_SPLIT, withHashes } from "../cloud/record";
import { RowProblems, dateCell, isoDate, nextDay, quantity, quantityKg } from "../cloud/values";

export function mapCcfRow(cells: Cells, rowNumber: number, ctx: MapContext): MapResult {
  const p = new RowProblems(rowNumber);
  const day = dateCell(cells("timestamp"), "timestamp", p);
  const cloud = requiredText(cells("cloudProvider"), "cloudProvider", p, "a cloud provider");
  const account = text(cells("accountId")) ?? text(cells("accountName"));
  if (!account) p.add("accountId", null, "an account id or name is required");
  const energyKwh = quantity(cells("kilowattHours"), "kilowattHours", p);
  ctx.units.add("metric tons CO2e");
  const co2e = quantityKg(cells("co2e"), "co2e", "MTCO2e", "co2e", p);
  if (!p.errors.length && co2e === null) p.add("co2e", null, "the estimate states no CO2e");
  if (p.errors.length || !day || !cloud || !account) return { errors: p.errors };
  const tags: Record<string, string> = { cloudProvider: cloud };
  const name = text(cells("accountName"));
  if (name) tags.accountName = name;
  const average = text(cells("usesAverageCPUConstant"));
  if (average) tags.usesAverageCPUConstant = average;
  return {
    record: withHashes({
      rowNumber,
      versionRank: "0",
      provider: "CCF",
      nature: "ESTIMATED",
      billingAccountId: null,
      accountId: account,
      cloudProjectId: null,
      service: text(cells("serviceName")),
      location: cloud,
      region: text(cells("region")),
      periodStart: isoDate(day),
      periodEnd: nextDay(day),
      modelVersion: null,
      refreshedAt: null,
      energyKwh,
      ...NO_SCOPE_SPLIT,
      totalLbKgCo2e: co2e,
      totalMbKgCo2e: null,
      totalsMismatch: false,
      sourceUnit: "metric tons CO2e",
      tags,
    }),
  };
}
