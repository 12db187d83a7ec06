// ESRS E1-6 item 8 (methodologies, significant assumptions, emission factors): the rules the engine applies, stated
// once for the inventory page and the PDF report. The factor datasets themselves are credited beside this text.
import { DISPLAY_DECIMALS_AT_LEAST_ONE, DISPLAY_SIGNIFICANT_DIGITS_BELOW_ONE } from "../format";

export const METHODOLOGY: readonly string[] = [
  "GHG Protocol Corporate Standard and Scope 2 Guidance, operational control. Every figure is the exact sum of ledger lines: activity quantity × emission factor (kgCO2e per unit), each line keeping its factor, dataset version and source record.",
  "Factors: the most specific applicable factor (cloud region, then grid region, then country; the organization's own factors before shipped data), of the activity's year, else the nearest earlier year (flagged). A line with no factor is unresolved and listed, never counted as zero.",
  "Scope 2 location-based: grid average factors. Market-based: contractual instruments that pass the quality criteria (market, vintage, retired on the organization's behalf, allocated once in a recorded order) at their rate; the rest at the market's residual mix, or the grid average when no residual mix is loaded (flagged).",
  "Tracker runs count once with their final totals; their energy already includes the run's PUE. Cloud provider exports are counted as reported (Scope 3 category 1); runs they cover are allocated a share, not added.",
  "E1-5 energy: purchased kWh split by the grid mix of the factor that priced them; fuels in an energy unit as entered, otherwise × the factor's energy content (fuels without one are listed as not convertible); fuels are renewable by the factor's renewable share, fossil otherwise; on-site renewable generation is self-generated renewable.",
  "Biogenic CO2 (factor's biogenic value × quantity) is reported outside the scopes. Primary Scope 3 data: provider-reported figures and supplier-specific factors; estimates, average and spend-based factors are secondary.",
  `Rounding: sums are exact; figures are rounded only for display, half-up, to ${DISPLAY_DECIMALS_AT_LEAST_ONE} decimals from 1 upwards and to ${DISPLAY_SIGNIFICANT_DIGITS_BELOW_ONE} significant digits below 1 (decision 0004).`,
];
