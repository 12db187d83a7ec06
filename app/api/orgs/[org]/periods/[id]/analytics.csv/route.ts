// GET: the analytical review as CSV (?view=lb|mb).
import { analyticalReviewCsv, getAnalyticalReview } from "@/lib/services/assurance/procedures/get-analytical-review";
import { csvDownload } from "../../../../../_lib/download";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, req, params }) => {
  const r = await getAnalyticalReview({ ctx, input: { view: new URL(req.url).searchParams.get("view") ?? undefined, periodId: params.id } });
  return csvDownload(`analytics-${r.period.name}-${r.view}.csv`.replace(/[^\w.-]+/g, "_"), analyticalReviewCsv(r));
});
