// GET: every datapoint of the period's report version (signed, else the draft) as JSON.
import { exportDatapoints } from "@/lib/services/reporting/export-datapoints";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => exportDatapoints({ ctx, input: { periodId: params.id, format: "json" } }));
