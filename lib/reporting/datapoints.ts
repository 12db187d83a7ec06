// Every datapoint of a report version, flat, with its ESRS reference and XBRL concept: what the datapoint export
// (CSV and JSON) writes and what auditors tick off. Emissions in tCO2e and energy in MWh (the units the ESRS
// taxonomy requires), converted exactly from the content's kg; values are exact decimal text.
import type { ReportContent } from "./content";
import { dec, text } from "../ghg/decimal";
import { scope3Label } from "./scope3-categories";

export interface ReportDatapoint {
  /** Stable name, e.g. "E1-6.scope1" (the names restatement notes use). */
  name: string;
  /** ESRS reference, e.g. "E1-6 §44 (a)". */
  esrsReference: string;
  /** esrs: local name of the taxonomy concept, where one exists. */
  concept: string | null;
  label: string;
  value: string | null;
  unit: string;
  /** "location-based", "market-based", or "" where the distinction does not apply. */
  method: string;
}

const t = (kg: string | null) => (kg === null ? null : text(dec(kg).div(1000)));

export function reportDatapoints(c: ReportContent): ReportDatapoint[] {
  const e = c.e16;
  const x = c.e16Extras;
  const q = c.e15;
  const currency = c.period.netRevenueCurrency ?? c.organization.reportingCurrency;
  const d = (name: string, esrsReference: string, concept: string | null, label: string, value: string | null, unit: string, method = ""): ReportDatapoint => ({ name, esrsReference, concept, label, value, unit, method });
  const out: ReportDatapoint[] = [
    d("E1-6.scope1", "E1-6 §44 (a), §48 (a)", "GrossScope1GreenhouseGasEmissions", "Gross Scope 1 GHG emissions", t(e.scope1KgCo2e), "tCO2e"),
    d("E1-6.scope1.ets-percent", "E1-6 §48 (b)", "PercentageOfScope1GreenhouseGasEmissionsFromRegulatedEmissionTradingSchemes", "Scope 1 from regulated emission trading schemes", c.scope1EtsPercent, "%"),
    d("E1-6.scope2.location-based", "E1-6 §44 (b), §49 (a)", "GrossLocationBasedScope2GreenhouseGasEmissions", "Gross location-based Scope 2 GHG emissions", t(e.scope2LbKgCo2e), "tCO2e", "location-based"),
    d("E1-6.scope2.market-based", "E1-6 §44 (b), §49 (b)", "GrossMarketBasedScope2GreenhouseGasEmissions", "Gross market-based Scope 2 GHG emissions", t(e.scope2MbKgCo2e), "tCO2e", "market-based"),
    d("E1-6.scope3.location-based", "E1-6 §44 (c), §51", "GrossScope3GreenhouseGasEmissions", "Gross Scope 3 GHG emissions", t(e.scope3LbKgCo2e), "tCO2e", "location-based"),
    d("E1-6.scope3.market-based", "E1-6 §44 (c), §51", "GrossScope3GreenhouseGasEmissions", "Gross Scope 3 GHG emissions", t(e.scope3MbKgCo2e), "tCO2e", "market-based"),
  ];
  for (const s of c.scope3Categories) {
    const label = `Scope 3 category ${s.category}: ${scope3Label(s.category)}${s.status === "CALCULATED" ? "" : ` (${s.status === "NOT_RELEVANT" ? "not relevant" : "not calculated"}${s.reason ? `: ${s.reason}` : ""})`}`;
    out.push(d(`E1-6.scope3.cat${s.category}.location-based`, "E1-6 §51", "GrossScope3GreenhouseGasEmissions", label, t(s.lbKgCo2e), "tCO2e", "location-based"));
    out.push(d(`E1-6.scope3.cat${s.category}.market-based`, "E1-6 §51", "GrossScope3GreenhouseGasEmissions", label, t(s.mbKgCo2e), "tCO2e", "market-based"));
  }
  out.push(
    d("E1-6.total.location-based", "E1-6 §44 (d), AR 47", "LocationBasedGreenhouseGasEmissions", "Total GHG emissions", t(e.totalLbKgCo2e), "tCO2e", "location-based"),
    d("E1-6.total.market-based", "E1-6 §44 (d), AR 47", "MarketBasedGreenhouseGasEmissions", "Total GHG emissions", t(e.totalMbKgCo2e), "tCO2e", "market-based"),
    d("E1-6.intensity.location-based", "E1-6 §53", "GHGEmissionsIntensityLocationbasedTotalGHGEmissionsPerNetRevenue", "GHG intensity per net revenue", e.intensityLbTPerRevenue, `tCO2e/${currency}`, "location-based"),
    d("E1-6.intensity.market-based", "E1-6 §53", "GHGEmissionsIntensityMarketbasedTotalGHGEmissionsPerNetRevenue", "GHG intensity per net revenue", e.intensityMbTPerRevenue, `tCO2e/${currency}`, "market-based"),
    d("E1-6.net-revenue", "E1-6 §55", "NetRevenueUsedToCalculateGHGIntensity", "Net revenue used to calculate GHG intensity", c.period.netRevenue, currency),
    d("E1-6.biogenic-co2", "E1-6 AR 43 (c)", "BiogenicEmissionsOfCO2FromCombustionOrBiodegradationOfBiomassNotIncludedInScope1GHGEmissions", "Biogenic CO2 emissions outside the scopes", t(x.biogenicCo2Kg), "tCO2"),
    d("E1-6.scope3.primary-percent", "E1-6 AR 46 (g)", "PercentageOfGrossScope3GreenhouseGasEmissionsCalculatedUsingPrimaryDataObtainedFromSuppliersOrOtherValueChainPartners", "Scope 3 calculated from primary data", x.scope3PrimaryMbPct, "%", "market-based"),
    d("E1-6.scope2.instruments-percent", "E1-6 AR 45 (d)", "PercentageOfContractualInstrumentsScope2GHGEmissions", "Market-based Scope 2 electricity covered by contractual instruments", x.instruments.coveredPct, "%", "market-based"),
    d("E1-5.total", "E1-5 §37", "EnergyConsumptionRelatedToOwnOperations", "Total energy consumption related to own operations", q.totalMwh, "MWh"),
    d("E1-5.fossil", "E1-5 §37 (a)", "EnergyConsumptionFromFossilSources", "Energy consumption from fossil sources", q.fossilMwh, "MWh"),
    d("E1-5.fossil-percent", "E1-5 §37 (a)", "PercentageOfFossilSourcesInTotalEnergyConsumption", "Share of fossil sources", q.fossilPct, "%"),
    d("E1-5.nuclear", "E1-5 §37 (b)", "EnergyConsumptionFromNuclearSources", "Energy consumption from nuclear sources", q.nuclearMwh, "MWh"),
    d("E1-5.renewable", "E1-5 §37 (c)", "EnergyConsumptionFromRenewableSources", "Energy consumption from renewable sources", q.renewableMwh, "MWh"),
    d("E1-5.renewable-percent", "E1-5 §37 (c)", "PercentageOfRenewableSourcesInTotalEnergyConsumption", "Share of renewable sources", q.renewablePct, "%"),
    d("E1-5.renewable-fuels", "E1-5 §37 (c) i", "FuelConsumptionFromRenewableSources", "Fuel consumption from renewable sources", q.renewableFuelsMwh, "MWh"),
    d("E1-5.purchased-renewable", "E1-5 §37 (c) ii", "ConsumptionOfPurchasedOrAcquiredElectricityHeatSteamAndCoolingFromRenewableSources", "Purchased electricity, heat, steam, cooling from renewable sources", q.purchasedRenewableMwh, "MWh"),
    d("E1-5.self-generated-renewable", "E1-5 §37 (c) iii", "ConsumptionOfSelfgeneratedNonfuelRenewableEnergy", "Self-generated non-fuel renewable energy", q.selfGeneratedRenewableMwh, "MWh"),
  );
  for (const [i, g] of c.targets.entries()) {
    const unit = g.kind === "ABSOLUTE" ? "tCO2e" : g.unit.replace("kgCO2e", "tCO2e");
    const n = `E1-4.target${i + 1}`;
    out.push(
      d(`${n}.base-year`, "E1-4 §34 (c)", "BaseYearFromWhichProgressIsMeasured", `${g.name}: base year`, String(g.baseYear), "year"),
      d(`${n}.base-value`, "E1-4 §34 (c)", null, `${g.name}: base-year value (${g.coverage})`, t(g.baseValue), unit),
      d(`${n}.target-year`, "E1-4 §34 (d)", "PeriodToWhichTargetAppliesEndYear", `${g.name}: target year`, String(g.targetYear), "year"),
      d(`${n}.reduction-percent`, "E1-4 §34 (a)", "MeasurableTargetPercentage", `${g.name}: reduction against the base year`, g.reductionPercent, "%"),
      d(`${n}.achieved-percent`, "E1-4 §34", null, `${g.name}: reduction achieved in ${g.progress.year}`, g.progress.achievedPercent, "%"),
    );
  }
  return out;
}
