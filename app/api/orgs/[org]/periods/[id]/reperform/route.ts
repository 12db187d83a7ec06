// GET: re-perform the period's version (signed, else current): datapoints recomputed vs reported, differing lines paged.
import { reperformVersion } from "@/lib/services/assurance/procedures/reperform-version";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, req, params }) => {
  const q = Object.fromEntries(new URL(req.url).searchParams);
  return reperformVersion({ ctx, input: { ...q, periodId: params.id } });
});
