// The open factor datasets Scopebook ships (prisma/data/factors/, attribution in its SOURCES.md) and their
// provenance. Loaded on every start, idempotently (lib/db/shipped-factors.ts); readable by every organization.
import type { FactorProvenance, FactorRow } from "../types";
import { parseCodecarbonCloudRegions } from "./codecarbon-cloud-regions";
import { parseCodecarbonEnergyMix } from "./codecarbon-energy-mix";

export interface DatasetProvenance extends FactorProvenance {
  /** Shipped open data always names its credit. */
  attribution: string;
}

export interface ShippedDataset extends DatasetProvenance {
  /** File name under prisma/data/factors/ */
  file: string;
  parse: (text: string) => FactorRow[];
}

const CODECARBON_CREDIT = "© 2019 Mila, BCG Gamma, CometML, Haverford College (CodeCarbon authors), MIT licence";

/** The year the cloud region figures are filed under: the file carries none (decision 0012). */
export const CLOUD_REGION_YEAR = 2022;

export const SHIPPED_DATASETS: ShippedDataset[] = [
  {
    file: "codecarbon-global-energy-mix.json",
    publisher: "CodeCarbon",
    title: "Global energy mix by country (grid carbon intensity and generation mix)",
    version: "2024-09",
    year: 2023,
    licence: "MIT (file); underlying data CC BY 4.0 (Our World in Data, Ember)",
    url: "https://github.com/mlco2/codecarbon/blob/master/codecarbon/data/private_infra/global_energy_mix.json",
    retrievedAt: "2026-11-23",
    gwpBasis: null,
    attribution:
      `CodeCarbon global_energy_mix.json, ${CODECARBON_CREDIT}; compiled from Our World in Data and Ember ` +
      "yearly electricity data, CC BY 4.0 (https://ourworldindata.org/energy, https://ember-climate.org). " +
      "Each country's factor is its latest year in the file (mostly 2022–2023).",
    parse: (text) => parseCodecarbonEnergyMix(text, null),
  },
  {
    file: "codecarbon-cloud-region-impact.csv",
    publisher: "CodeCarbon",
    title: "Cloud region grid carbon intensity (Google Cloud)",
    version: "2024-09",
    year: CLOUD_REGION_YEAR,
    licence: "MIT",
    url: "https://github.com/mlco2/codecarbon/blob/master/codecarbon/data/cloud/impact.csv",
    retrievedAt: "2026-11-23",
    gwpBasis: null,
    attribution:
      `CodeCarbon cloud/impact.csv, ${CODECARBON_CREDIT}; values from Google Cloud's published region carbon data ` +
      `(https://cloud.google.com/sustainability/region-carbon). The file gives no year: filed under ${CLOUD_REGION_YEAR}.`,
    parse: (text) => parseCodecarbonCloudRegions(text, CLOUD_REGION_YEAR),
  },
];
