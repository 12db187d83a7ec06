// The E1-5 and E1-6 extra datapoints as labelled display rows: the same rows on the inventory page and in the PDF
// report. Plain data in, strings out; every number goes through lib/format.ts (decision 0004).
import { formatCount, formatDecimal, formatPercent, formatTCo2eFromKg } from "@/lib/format";
import type { E16 } from "@/lib/ghg/aggregate";
import type { E16Extras } from "@/lib/ghg/e16-extras";
import type { E15 } from "@/lib/ghg/energy-mix";
import { scope1EtsPercent } from "@/lib/ghg/ets";

export interface DatapointRow {
  label: string;
  value: string;
  testId: string;
  /** A part of the row above it. */
  indent?: boolean;
}

const mwh = (v: string, pct?: string | null) => `${formatDecimal(v)} MWh${pct === undefined ? "" : ` (${formatPercent(pct)})`}`;

const TYPE_LABELS: Record<string, string> = { REC: "REC", GUARANTEE_OF_ORIGIN: "GO", PPA: "PPA", GREEN_TARIFF: "green tariff", SUPPLIER_SPECIFIC: "supplier rate" };

/** The E1-6 scope figures (the page shows them in FiguresTable, with links to the lines). */
export function e16Rows(e: E16, currency: string): DatapointRow[] {
  const t = formatTCo2eFromKg;
  return [
    { label: "Gross Scope 1", value: t(e.scope1KgCo2e), testId: "s1" },
    { label: "Gross Scope 2, location-based", value: t(e.scope2LbKgCo2e), testId: "s2-lb" },
    { label: "Gross Scope 2, market-based", value: t(e.scope2MbKgCo2e), testId: "s2-mb" },
    ...e.scope3ByCategory.map((c) => ({ label: `Scope 3 category ${c.category} (LB / MB)`, value: `${t(c.lbKgCo2e)} / ${t(c.mbKgCo2e)}`, testId: `s3-${c.category}`, indent: true })),
    { label: "Gross Scope 3 (LB / MB)", value: `${t(e.scope3LbKgCo2e)} / ${t(e.scope3MbKgCo2e)}`, testId: "s3" },
    { label: "Total GHG emissions, location-based", value: t(e.totalLbKgCo2e), testId: "total-lb" },
    { label: "Total GHG emissions, market-based", value: t(e.totalMbKgCo2e), testId: "total-mb" },
    {
      label: `GHG intensity per net revenue (tCO₂e per ${currency}, LB / MB)`,
      value: e.intensityLbTPerRevenue ? `${formatDecimal(e.intensityLbTPerRevenue)} / ${formatDecimal(e.intensityMbTPerRevenue ?? "0")}` : "net revenue not entered",
      testId: "intensity",
    },
  ];
}

export function e15Rows(e: E15): DatapointRow[] {
  return [
    { label: "Total energy consumption, own operations", value: mwh(e.totalMwh), testId: "e15-total" },
    { label: "from fossil sources", value: mwh(e.fossilMwh, e.fossilPct), testId: "e15-fossil", indent: true },
    { label: "from nuclear sources", value: mwh(e.nuclearMwh, e.nuclearPct), testId: "e15-nuclear", indent: true },
    { label: "from renewable sources", value: mwh(e.renewableMwh, e.renewablePct), testId: "e15-renewable", indent: true },
    { label: "renewable fuels (biofuels)", value: mwh(e.renewableFuelsMwh, e.renewableFuelsPct), testId: "e15-renewable-fuels", indent: true },
    { label: "purchased renewable electricity, heat, steam, cooling (grid mix)", value: mwh(e.purchasedRenewableMwh, e.purchasedRenewablePct), testId: "e15-purchased-renewable", indent: true },
    { label: "self-generated renewable energy", value: mwh(e.selfGeneratedRenewableMwh, e.selfGeneratedRenewablePct), testId: "e15-self-generated", indent: true },
    ...(e.unknownMixMwh !== "0" ? [{ label: "purchased, grid mix unknown", value: mwh(e.unknownMixMwh, e.unknownMixPct), testId: "e15-unknown-mix", indent: true }] : []),
    { label: "Fuels (Scope 1)", value: `${mwh(e.fuelsMwh)}: fossil ${formatDecimal(e.fossilFuelsMwh)}, renewable ${formatDecimal(e.renewableFuelsMwh)}`, testId: "e15-fuels" },
    { label: "Purchased electricity, heat, steam, cooling (Scope 2)", value: mwh(e.purchasedMwh), testId: "e15-purchased" },
    { label: "covered by contractual instruments", value: mwh(e.instrumentCoveredMwh), testId: "e15-covered", indent: true },
    ...e.notConvertible.map((n) => ({
      label: `Fuel not convertible to MWh (${n.unit})`,
      value: `${formatDecimal(n.quantity)} ${n.unit} in ${formatCount(n.lines)} line(s): ${n.reason}; not in the totals`,
      testId: `e15-not-convertible-${n.unit}`,
    })),
  ];
}

/** ets: the Scope 1 under a regulated ETS as entered (kg, null: not entered) and gross Scope 1 (kg). */
export function e16ExtraRows(x: E16Extras, ets?: { etsKgCo2e: string | null; scope1KgCo2e: string }): DatapointRow[] {
  const i = x.instruments;
  const share = ets ? scope1EtsPercent(ets.etsKgCo2e, ets.scope1KgCo2e) : null;
  return [
    ...(ets
      ? [{
          label: "Scope 1 from regulated emission trading schemes",
          value: ets.etsKgCo2e === null ? "not entered (enter the verified emissions below)" : `${share === null ? "—" : formatPercent(share)} (${formatTCo2eFromKg(ets.etsKgCo2e)} verified)`,
          testId: "e16-ets",
        }]
      : []),
    {
      label: "Biogenic CO₂, outside the scopes",
      value: `${formatDecimal(x.biogenicCo2Kg)} kg CO₂${x.linesWithoutBiogenicValue > 0 ? ` (${formatCount(x.linesWithoutBiogenicValue)} line(s) priced by factors that state no biogenic value)` : ""}`,
      testId: "e16-biogenic",
    },
    { label: "Scope 3 calculated from primary data", value: `${formatPercent(x.scope3PrimaryLbPct)} location-based, ${formatPercent(x.scope3PrimaryMbPct)} market-based`, testId: "e16-s3-primary" },
    { label: "Market-based Scope 2 consumption covered by contractual instruments", value: `${formatDecimal(i.coveredMwh)} of ${mwh(i.marketBasedMwh)} = ${formatPercent(i.coveredPct)}`, testId: "e16-instruments-covered" },
    { label: "bundled / unbundled / not stated", value: `${formatDecimal(i.bundledMwh)} / ${formatDecimal(i.unbundledMwh)} / ${formatDecimal(i.bundledNotStatedMwh)} MWh`, testId: "e16-instruments-bundled", indent: true },
    { label: "by type", value: i.byType.length === 0 ? "none" : i.byType.map((t) => `${TYPE_LABELS[t.type] ?? t.type} ${formatDecimal(t.mwh)} MWh (${formatPercent(t.pctOfCovered)})`).join(", "), testId: "e16-instruments-types", indent: true },
  ];
}
