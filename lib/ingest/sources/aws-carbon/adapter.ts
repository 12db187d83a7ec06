// AWS carbon emissions Data Export (CSV) and the retired Customer Carbon Footprint Tool CSV.
import type { SourceAdapter } from "../../source";
import { CloudCsvReader } from "../cloud/csv-reader";
import { mapAwsRow, mapCcftRow } from "./map";
import { AWS_COLUMNS, CCFT_COLUMNS, looksLikeAwsExport, looksLikeCcft } from "./schema";

const firstLine = (head: string) => head.split(/\r?\n/, 1)[0];

export const AWS_ADAPTERS: readonly SourceAdapter<"provider-emission">[] = [
  {
    id: "aws-carbon-export",
    sourceType: "AWS_CARBON_EXPORT",
    recordKind: "provider-emission",
    label: "AWS carbon emissions Data Export (CSV)",
    extensions: [".csv"],
    claims: (_fileName, head) => looksLikeAwsExport(firstLine(head)),
    createReader: () => new CloudCsvReader({ columns: AWS_COLUMNS, detectedVersion: "Data Export", map: mapAwsRow }),
  },
  {
    id: "aws-ccft-csv",
    sourceType: "AWS_CARBON_EXPORT",
    recordKind: "provider-emission",
    label: "AWS Customer Carbon Footprint Tool (CSV, retired)",
    extensions: [".csv"],
    claims: (_fileName, head) => looksLikeCcft(firstLine(head)),
    createReader: () => new CloudCsvReader({ columns: CCFT_COLUMNS, detectedVersion: "Customer Carbon Footprint Tool", map: mapCcftRow }),
  },
];
