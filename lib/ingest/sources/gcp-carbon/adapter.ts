// The Google Cloud Carbon Footprint export as CSV (BigQuery "export to CSV") or as JSON lines (BigQuery's
// newline-delimited JSON export, nested objects): recognised by its column names.
import type { SourceAdapter } from "../../source";
import type { CloudSchema } from "../cloud/columns";
import { CloudCsvReader } from "../cloud/csv-reader";
import { CloudJsonReader } from "../cloud/json-reader";
import { mapGcpRow } from "./map";
import { GCP_COLUMNS, looksLikeGcp } from "./schema";

const schema = (detectedVersion: string): CloudSchema => ({ columns: GCP_COLUMNS, detectedVersion, map: mapGcpRow });

export const GCP_ADAPTERS: readonly SourceAdapter<"provider-emission">[] = [
  {
    id: "gcp-carbon-ndjson",
    sourceType: "GCP_CARBON_EXPORT",
    recordKind: "provider-emission",
    label: "Google Cloud Carbon Footprint export (JSON lines)",
    extensions: [".json", ".jsonl", ".ndjson"],
    claims: (_fileName, head) => head.startsWith("{") && looksLikeGcp(head),
    createReader: () => new CloudJsonReader(schema("BigQuery JSON lines")),
  },
  {
    id: "gcp-carbon-csv",
    sourceType: "GCP_CARBON_EXPORT",
    recordKind: "provider-emission",
    label: "Google Cloud Carbon Footprint export (CSV)",
    extensions: [".csv"],
    claims: (_fileName, head) => !head.startsWith("{") && looksLikeGcp(head.split(/\r?\n/, 1)[0]),
    createReader: () => new CloudCsvReader(schema("BigQuery CSV")),
  },
];

