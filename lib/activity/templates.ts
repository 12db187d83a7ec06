// Scopebook's published CSV templates: column names (matched by name, any order), which are required, and the
// downloadable template files with example rows. Pure.
import type { ActivityField } from "./entry";
import type { InstrumentField } from "./instrument-entry";

export interface TemplateColumn<F extends string> {
  column: string;
  field: F;
  required: boolean;
  help: string;
}

export const ACTIVITY_COLUMNS: readonly TemplateColumn<ActivityField>[] = [
  { column: "period_start", field: "periodStart", required: true, help: "first day of the period, YYYY-MM-DD" },
  { column: "period_end", field: "periodEnd", required: true, help: "last day of the period (inclusive), YYYY-MM-DD, not before period_start" },
  { column: "site", field: "site", required: true, help: "site or entity name; required for electricity, heat, steam, cooling; a new name creates the site" },
  { column: "category", field: "category", required: true, help: "fuel, refrigerant, electricity, heat, steam, cooling, travel, hardware, spend, self-generation (renewable energy generated on site)" },
  { column: "activity_type", field: "activityType", required: false, help: "fuel (diesel), refrigerant gas (R-410A), travel mode (air-short-haul), hardware item (laptop), spend category" },
  { column: "quantity", field: "quantity", required: true, help: "a number ≥ 0, '.' as decimal mark, no thousands separator" },
  { column: "unit", field: "unit", required: true, help: "kWh, MWh, GJ, L, m3, kg, t, km, passenger-km, EUR, USD, item" },
  { column: "supplier_factor_value", field: "supplierFactorValue", required: false, help: "supplier-specific emission factor, with its unit" },
  { column: "supplier_factor_unit", field: "supplierFactorUnit", required: false, help: "kgCO2e/<unit>, tCO2e/<unit> or gCO2e/<unit>, per a unit of the quantity's kind" },
  { column: "evidence_reference", field: "evidenceReference", required: false, help: "invoice number, meter reading id, document link" },
  { column: "note", field: "note", required: false, help: "free text" },
];

export const INSTRUMENT_COLUMNS: readonly TemplateColumn<InstrumentField>[] = [
  { column: "type", field: "type", required: true, help: "rec, go, ppa, green-tariff, supplier-specific" },
  { column: "volume_mwh", field: "volumeMwh", required: true, help: "MWh covered, > 0" },
  { column: "market", field: "market", required: true, help: "market boundary: country (FRA) or bidding zone (DE-LU), as the residual mix names it" },
  { column: "vintage_start", field: "vintageStart", required: true, help: "YYYY-MM-DD" },
  { column: "vintage_end", field: "vintageEnd", required: true, help: "YYYY-MM-DD, not before vintage_start" },
  { column: "tracking_system", field: "trackingSystem", required: false, help: "registry (e.g. AIB-EECS, M-RETS); with certificate_id" },
  { column: "certificate_id", field: "certificateId", required: false, help: "certificate or batch id; unique with the tracking system" },
  { column: "retired_on_behalf", field: "retiredOnBehalf", required: true, help: "yes or no: retired/cancelled on the organization's behalf" },
  { column: "supplier_emission_rate_kg_co2e_per_kwh", field: "emissionRateKgCo2ePerKwh", required: true, help: "kgCO2e/kWh the instrument conveys (0 for renewable certificates)" },
  { column: "site", field: "site", required: false, help: "site the instrument is for; a new name creates the site" },
  { column: "bundled", field: "bundled", required: false, help: "yes: bought with the electricity (PPA, green tariff); no: an unbundled certificate; empty: not stated (E1-6)" },
];

export const ACTIVITY_TEMPLATE_CSV = [
  ACTIVITY_COLUMNS.map((c) => c.column).join(","),
  "2025-03-01,2025-03-31,us-east training cluster,electricity,,30,kWh,,,meter-2025-03,one A100 at 300 W for 100 h",
  "2025-01-01,2025-03-31,Warsaw office,fuel,diesel,120.5,L,,,INV-2025-0142,backup generator tests",
  "2025-02-01,2025-02-28,Warsaw office,electricity,,4.2,MWh,0.35,kgCO2e/kWh,INV-ENERGA-0225,supplier-specific rate from the invoice",
  "2025-04-10,2025-04-10,Warsaw office,travel,air-short-haul,1200,passenger-km,,,TRIP-77,WAW-CDG return",
  "2025-05-01,2025-05-31,Warsaw office,hardware,laptop,3,item,,,PO-3321,",
].join("\n") + "\n";

export const INSTRUMENTS_TEMPLATE_CSV = [
  INSTRUMENT_COLUMNS.map((c) => c.column).join(","),
  "go,250,FRA,2025-01-01,2025-12-31,AIB-EECS,FR-GO-2025-000123,yes,0,Paris office,no",
  "rec,100,RFCE,2025-01-01,2025-06-30,M-RETS,MRETS-2025-88812,yes,0,us-east training cluster,no",
].join("\n") + "\n";
