// GET: every datapoint of the period's report version (signed, else the draft) as CSV.
import { datapointsCsv, exportDatapoints } from "@/lib/services/reporting/export-datapoints";
import { csvDownload } from "../../../../../_lib/download";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, params }) => {
  const e = await exportDatapoints({ ctx, input: { periodId: params.id, format: "csv" } });
  return csvDownload(`datapoints-${e.period}-${e.reportVersion ? `v${e.reportVersion}` : "draft"}.csv`.replace(/[^\w.-]+/g, "_"), datapointsCsv(e));
});
