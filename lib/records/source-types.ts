// The sources Scopebook reads, by the name the database keeps (the SourceType enum; kept free of Prisma), and the
// label of each a user may declare a file to be (the upload form's "source"). Read by the parsers' registry
// (lib/ingest/registry.ts) and, through lib/views/forms.ts, by the upload pages.

export type SourceTypeName =
  | "CODECARBON_CSV"
  | "CODECARBON_JSON"
  | "CODECARBON_API"
  | "GCP_CARBON_EXPORT"
  | "AWS_CARBON_EXPORT"
  | "AZURE_EMISSIONS_EXPORT"
  | "CCF_ESTIMATES"
  | "ACTIVITY_CSV"
  | "INSTRUMENTS_CSV"
  | "FACTORS_CSV";

/** What a user may declare a file to be (the upload form's "source"), by source type. */
export const SOURCE_LABELS: Partial<Record<SourceTypeName, string>> = {
  CODECARBON_CSV: "CodeCarbon emissions.csv",
  CODECARBON_JSON: "CodeCarbon JSON output",
  ACTIVITY_CSV: "Activity data (Scopebook template)",
  INSTRUMENTS_CSV: "Contractual instruments (Scopebook template)",
  GCP_CARBON_EXPORT: "Google Cloud Carbon Footprint export",
  AWS_CARBON_EXPORT: "AWS carbon emissions export",
  AZURE_EMISSIONS_EXPORT: "Azure emissions export",
  CCF_ESTIMATES: "Cloud Carbon Footprint estimates",
};
