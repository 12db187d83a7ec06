// Azure emissions export (CSV as the portal writes it).
import type { SourceAdapter } from "../../source";
import { CloudCsvReader } from "../cloud/csv-reader";
import { mapAzureRow } from "./map";
import { AZURE_COLUMNS, looksLikeAzure } from "./schema";

export const AZURE_ADAPTERS: readonly SourceAdapter<"provider-emission">[] = [
  {
    id: "azure-emissions-csv",
    sourceType: "AZURE_EMISSIONS_EXPORT",
    recordKind: "provider-emission",
    label: "Azure emissions export (CSV)",
    extensions: [".csv"],
    claims: (_fileName, head) => looksLikeAzure(head.split(/\r?\n/, 1)[0]),
    createReader: () => new CloudCsvReader({ columns: AZURE_COLUMNS, detectedVersion: "Emissions export", map: mapAzureRow }),
  },
];
