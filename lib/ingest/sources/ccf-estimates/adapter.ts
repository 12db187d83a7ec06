// Cloud Carbon Footprint estimates: the API's /footprint JSON and the flat CSV.
import { JsonNumber } from "../../../json-exact";
import type { SourceAdapter } from "../../source";
import { CloudCsvReader } from "../cloud/csv-reader";
import { CloudJsonReader, type JsonRows } from "../cloud/json-reader";
import { mapCcfRow } from "./map";
import { CCF_COLUMNS, looksLikeCcfCsv, looksLikeCcfJson } from "./schema";

const schema = (detectedVersion: string) => ({ columns: CCF_COLUMNS, detectedVersion, map: mapCcfRow });

/** One row per service estimate, with its day's timestamp. A day that is not an object is a row of its own (an error). */
const footprintRows: JsonRows = {
  rowsOf(doc) {
    const days = Array.isArray(doc) ? doc : [doc];
    const rows: unknown[] = [];
    for (const day of days) {
      const estimates = day && typeof day === "object" ? (day as { serviceEstimates?: unknown }).serviceEstimates : undefined;
      if (!Array.isArray(estimates)) {
        rows.push(day);
        continue;
      }
      const timestamp = (day as { timestamp?: unknown }).timestamp;
      for (const e of estimates) rows.push(e && typeof e === "object" && !Array.isArray(e) && !(e instanceof JsonNumber) ? { timestamp, ...e } : e);
    }
    return rows;
  },
};

export const CCF_ADAPTERS: readonly SourceAdapter<"provider-emission">[] = [
  {
    id: "ccf-footprint-json",
    sourceType: "CCF_ESTIMATES",
    recordKind: "provider-emission",
    label: "Cloud Carbon Footprint estimates (/footprint JSON)",
    extensions: [".json"],
    claims: (_fileName, head) => looksLikeCcfJson(head),
    createReader: () => new CloudJsonReader(schema("/footprint JSON"), footprintRows),
  },
  {
    id: "ccf-csv",
    sourceType: "CCF_ESTIMATES",
    recordKind: "provider-emission",
    label: "Cloud Carbon Footprint estimates (CSV)",
    extensions: [".csv"],
    claims: (_fileName, head) => looksLikeCcfCsv(head.split(/\r?\n/, 1)[0]),
    createReader: () => new CloudCsvReader(schema("CSV")),
  },
];
