// Use case: every datapoint of a period's report version (signed, or the draft) as CSV or JSON, with the ESRS
// reference, XBRL concept, label, value, unit, method, period, version and hash. Stable column names (README).
import { logAccess } from "../assurance/access-log";
import Papa from "papaparse";
import type { ServiceContext } from "../../auth/context";
import { reportDatapoints } from "../../reporting/datapoints";
import { getReportDocument } from "./get-report-document";

export const DATAPOINT_COLUMNS = ["name", "esrsReference", "concept", "label", "value", "unit", "method", "period", "status", "reportVersion", "sha256"] as const;

export interface DatapointExport {
  period: string;
  status: "DRAFT" | "SIGNED_OFF";
  reportVersion: number | null;
  sha256: string | null;
  datapoints: (ReturnType<typeof reportDatapoints>[number] & { period: string; status: string; reportVersion: number | null; sha256: string | null })[];
}

export async function exportDatapoints({ ctx, input }: { ctx: ServiceContext; input: { periodId: string; format?: "csv" | "json" } }): Promise<DatapointExport> {
  const { document } = await getReportDocument({ ctx, input });
  if (input.format) await logAccess(ctx, { action: input.format === "csv" ? "datapoints.csv" : "datapoints.json", entityType: "ReportingPeriod", entityId: input.periodId, periodId: input.periodId });
  const stamp = { period: document.content.period.name, status: document.status, reportVersion: document.seal?.number ?? null, sha256: document.seal?.sha256 ?? null };
  return { ...stamp, datapoints: reportDatapoints(document.content).map((d) => ({ ...d, ...stamp })) };
}

export function datapointsCsv(e: DatapointExport): string {
  return Papa.unparse({ fields: [...DATAPOINT_COLUMNS], data: e.datapoints.map((d) => DATAPOINT_COLUMNS.map((c) => d[c] ?? "")) }, { newline: "\n" }) + "\n";
}
