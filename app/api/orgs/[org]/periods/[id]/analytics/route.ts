// GET: the analytical review (?view=lb|mb). POST: the auditor's expectation / explanation for one row.
import { getAnalyticalReview } from "@/lib/services/assurance/procedures/get-analytical-review";
import { setAnalyticRow } from "@/lib/services/assurance/procedures/set-analytic-row";
import { orgRoute, readJson } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, req, params }) => getAnalyticalReview({ ctx, input: { view: new URL(req.url).searchParams.get("view") ?? undefined, periodId: params.id } }));

export const POST = orgRoute(async ({ ctx, req, params }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return setAnalyticRow({ ctx, input: { ...body, periodId: params.id } });
});
