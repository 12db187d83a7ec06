// The demo's custom factors: what the shipped datasets (grid and cloud-region intensities) do not cover. Each
// carries its citation in the description and as its evidence file (prisma/demo/SOURCES.md lists them too).
// Values are exact decimal strings; derived ones show their arithmetic.

export interface DemoFactor {
  keyType: "FUEL" | "REFRIGERANT" | "ACTIVITY";
  key: string;
  /** First year it prices (the resolver takes a factor of a year ≤ the activity's; 2025 is flagged as a year fallback). */
  year: number;
  value: string;
  unit: string;
  gwpBasis: string;
  energyKwhPerUnit?: string;
  description: string;
  /** The evidence file's text: the full citation. */
  citation: string;
}

const DESNZ_2025 =
  "UK Department for Energy Security and Net Zero (DESNZ), Greenhouse gas reporting: conversion factors 2025 (published 10 June 2025), " +
  "flat file ghg-conversion-factors-2025-flat-format.xlsx, https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2025. " +
  "Open Government Licence v3.0, Crown copyright 2025.";
const IPCC_2006 =
  "IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Volume 2 (Energy): Table 1.2 (net calorific values), " +
  "Table 3.2.1 (road transport CO2 defaults) and Table 3.2.2 (road transport CH4 and N2O defaults), https://www.ipcc-nggip.iges.or.jp/public/2006gl/vol2.html; " +
  "GWP-100 from the IPCC Fourth Assessment Report (AR4), WG1 Chapter 2, Table 2.14 (CH4 25, N2O 298).";
const FGAS =
  "Regulation (EU) No 517/2014 on fluorinated greenhouse gases, Annex I and Annex IV (GWP-100 per IPCC AR4: HFC-32 675, HFC-125 3500; " +
  "R-410A = 50 % HFC-32 + 50 % HFC-125 = 2087.5, stated as 2088), https://eur-lex.europa.eu/eli/reg/2014/517/oj.";
const DELL_PCF = "Dell Inc. with PE International, product carbon footprint white papers (ISO 14040/14044 life-cycle assessments, GaBi).";

export const DEMO_FACTORS: readonly DemoFactor[] = [
  {
    keyType: "FUEL",
    key: "natural-gas",
    year: 2024,
    value: "0.18296",
    unit: "kgCO2e/kWh",
    gwpBasis: "GWP-100 as in the DESNZ 2025 methodology",
    energyKwhPerUnit: "1",
    description: "Natural gas, per kWh (gross CV, as Polish gas bills state it): 0.18296 kgCO2e/kWh. DESNZ 2025, Fuels > Gaseous fuels > Natural gas > kWh (Gross CV), flat-file ID 1_100_1004_6_1. A 2025 publication, also applied to 2024 (demo).",
    citation: `${DESNZ_2025}\nRow: Fuels > Gaseous fuels > Natural gas > kWh (Gross CV), ID 1_100_1004_6_1: 0.18296 kg CO2e per kWh (the Net CV row: 0.2027).`,
  },
  {
    keyType: "FUEL",
    key: "diesel",
    year: 2024,
    value: "2.72199236",
    unit: "kgCO2e/L",
    gwpBasis: "IPCC AR4",
    energyKwhPerUnit: "10.033333",
    description: "Diesel (gas/diesel oil) in road vehicles: (74,100 kg CO2 + 3.9 kg CH4 × 25 + 3.9 kg N2O × 298) per TJ = 75,359.7 kgCO2e/TJ × 36.12 MJ/L (NCV 43.0 MJ/kg × assumed density 0.84 kg/L) = 2.72199236 kgCO2e/L. IPCC 2006 defaults, AR4 GWPs.",
    citation: `${IPCC_2006}\nDerivation: 74,100 + 3.9 × 25 + 3.9 × 298 = 75,359.7 kg CO2e/TJ; 43.0 TJ/Gg × 0.84 kg/L (assumed density of EN 590 diesel) = 36.12 MJ/L; 75,359.7 × 36.12 / 10^6 = 2.72199236 kg CO2e/L; energy 36.12 / 3.6 = 10.0333 kWh/L.`,
  },
  {
    keyType: "REFRIGERANT",
    key: "R-410A",
    year: 2024,
    value: "2088",
    unit: "kgCO2e/kg",
    gwpBasis: "IPCC AR4",
    description: "R-410A (50 % HFC-32, 50 % HFC-125), GWP-100 2088 (IPCC AR4), as Regulation (EU) No 517/2014 Annex IV states it: a kg leaked (topped up) is 2088 kgCO2e.",
    citation: FGAS,
  },
  {
    keyType: "REFRIGERANT",
    key: "R-32",
    year: 2024,
    value: "675",
    unit: "kgCO2e/kg",
    gwpBasis: "IPCC AR4",
    description: "R-32 (HFC-32), GWP-100 675 (IPCC AR4), as Regulation (EU) No 517/2014 Annex I states it.",
    citation: FGAS,
  },
  {
    keyType: "ACTIVITY",
    key: "travel:air-short-haul",
    year: 2024,
    value: "0.12576",
    unit: "kgCO2e/passenger-km",
    gwpBasis: "GWP-100 as in the DESNZ 2025 methodology",
    description: "Flights, short-haul, economy class, with radiative forcing (×1.7 on CO2): 0.12576 kgCO2e per passenger-km. DESNZ 2025, Business travel- air, flat-file ID 21_316_3164_11_1 (UK-centred averages). Also applied to 2024 (demo).",
    citation: `${DESNZ_2025}\nRow: Business travel- air > Short-haul, to/from UK > Economy class > passenger.km, With RF, ID 21_316_3164_11_1: 0.12576 kg CO2e.`,
  },
  {
    keyType: "ACTIVITY",
    key: "travel:air-long-haul",
    year: 2024,
    value: "0.11704",
    unit: "kgCO2e/passenger-km",
    gwpBasis: "GWP-100 as in the DESNZ 2025 methodology",
    description: "Flights, long-haul, economy class, with radiative forcing: 0.11704 kgCO2e per passenger-km. DESNZ 2025, Business travel- air, flat-file ID 21_316_3170_11_1. Also applied to 2024 (demo).",
    citation: `${DESNZ_2025}\nRow: Business travel- air > Long-haul, to/from UK > Economy class > passenger.km, With RF, ID 21_316_3170_11_1: 0.11704 kg CO2e.`,
  },
  {
    keyType: "ACTIVITY",
    key: "travel:rail",
    year: 2024,
    value: "0.03546",
    unit: "kgCO2e/passenger-km",
    gwpBasis: "GWP-100 as in the DESNZ 2025 methodology",
    description: "Rail, national rail: 0.03546 kgCO2e per passenger-km. DESNZ 2025, Business travel- land > Rail > National rail, flat-file ID 25_315_3147_11_1 (a UK average used as a proxy for DB and PKP trains; demo).",
    citation: `${DESNZ_2025}\nRow: Business travel- land > Rail > National rail > passenger.km, ID 25_315_3147_11_1: 0.03546 kg CO2e. UK rail average, used as a proxy.`,
  },
  {
    keyType: "ACTIVITY",
    key: "hardware:laptop",
    year: 2024,
    value: "350",
    unit: "kgCO2e/item",
    gwpBasis: "as in the cited LCA",
    description: "Business laptop, per device: 350 kgCO2e, the whole-life-cycle footprint of a Dell Latitude E6400 (Dell / PE International white paper, 2010). A conservative proxy: it includes the use phase, which a cat. 2 figure would leave out.",
    citation: `${DELL_PCF}\n"Carbon Footprint of a Typical Business Laptop From Dell" (M. Stutz, May 2010): total greenhouse gas emissions of the Latitude E6400, 350 kg CO2eq over its life cycle.`,
  },
  {
    keyType: "ACTIVITY",
    key: "hardware:desktop",
    year: 2024,
    value: "800",
    unit: "kgCO2e/item",
    gwpBasis: "as in the cited LCA",
    description: "Business desktop, per device: 800 kgCO2e, the whole-life-cycle footprint of a Dell OptiPlex 780 Mini Tower (Dell / PE International white paper, 2010). A conservative proxy: it includes the use phase.",
    citation: `${DELL_PCF}\n"Carbon Footprint of a Typical Business Desktop From Dell" (M. Stutz, October 2010): total greenhouse gas emissions of the OptiPlex 780 Mini Tower, 800 kg CO2eq over its life cycle.`,
  },
];
