// One row of an Azure emissions export → a provider record, or row errors. Pure; never throws.
// A row states one scope's emissions in tonnes (→ kg × 1000, exactly). Microsoft reports Scope 2 market-based:
// it goes to the market-based column, the location-based one stays empty (unknown, not 0). Scope 1 and 3 have no
// LB/MB distinction: they count in both totals. The export has no version: a row of the same key with other
// values is a conflict, never a silent restatement.
import type { Cells, MapContext, MapResult } from "../cloud/columns";
import { requiredText, text } from "../cloud/cells";
import { withHashes } from "../cloud/record";
import { RowProblems, dateParts, isoDate, nextMonth, quantityKg } from "../cloud/values";

const DATE_KEY = /^(\d{4})(\d{2})(\d{2})$/;

function scopeNumber(raw: string | null): 1 | 2 | 3 | null {
  const m = /^\s*scope\s*([123])\s*$/i.exec(raw ?? "") ?? /^\s*([123])\s*$/.exec(raw ?? "");
  return m ? (Number(m[1]) as 1 | 2 | 3) : null;
}

export function mapAzureRow(cells: Cells, rowNumber: number, ctx: MapContext): MapResult {
  const p = new RowProblems(rowNumber);
  const dateKey = text(cells("dateKey"));
  const m = DATE_KEY.exec(dateKey ?? "");
  const parts = m ? dateParts(`${m[1]}-${m[2]}-${m[3]}`) : "not a date key (expected yyyymmdd, e.g. 20250101)";
  if (typeof parts === "string") p.add("dateKey", dateKey, parts);
  else if (parts.day !== 1) p.add("dateKey", dateKey, "must be the first day of a month (the export is monthly)");
  const subscription = requiredText(cells("subscriptionId"), "subscriptionId", p, "a subscription id");
  const scopeText = text(cells("scope"));
  const scope = scopeNumber(scopeText);
  if (scope === null) p.add("scope", scopeText, 'not a scope (expected "Scope 1", "Scope 2" or "Scope 3")');
  ctx.units.add("tCO2e");
  const kg = quantityKg(cells("totalEmissions"), "totalEmissions", "tCO2e", "totalEmissions", p);
  if (!p.errors.length && kg === null) p.add("totalEmissions", null, "the row states no emissions");
  if (p.errors.length || typeof parts === "string" || !subscription || scope === null || kg === null) return { errors: p.errors };

  const service = text(cells("azureServiceName"));
  const subService = text(cells("subService"));
  const tags: Record<string, string> = {};
  for (const k of ["subscriptionName", "orgName", "subService"] as const) {
    const v = text(cells(k));
    if (v) tags[k] = v;
  }
  return {
    record: withHashes(
      {
        rowNumber,
        versionRank: "0",
        provider: "AZURE",
        nature: "PROVIDER_REPORTED",
        billingAccountId: text(cells("enrollmentId")),
        accountId: subscription,
        cloudProjectId: null,
        service,
        location: text(cells("azureRegionName")),
        region: null,
        periodStart: isoDate(parts),
        periodEnd: nextMonth(parts),
        modelVersion: null,
        refreshedAt: null,
        energyKwh: null,
        scope1KgCo2e: scope === 1 ? kg : null,
        scope2LbKgCo2e: null,
        scope2MbKgCo2e: scope === 2 ? kg : null,
        scope3KgCo2e: scope === 3 ? kg : null,
        scope3LbKgCo2e: null,
        scope3MbKgCo2e: null,
        totalLbKgCo2e: scope === 2 ? null : kg,
        totalMbKgCo2e: kg,
        totalsMismatch: false,
        sourceUnit: "tCO2e",
        tags: Object.keys(tags).length ? tags : null,
      },
      { service: `${service ?? ""}/${subService ?? ""}`, extra: `scope ${scope}` },
    ),
  };
}
