// GET ?from=<checkpoint id>&to=<checkpoint id>: the RFC 9162 consistency proof between two stored checkpoints.
import { getConsistencyProof } from "@/lib/services/assurance/checkpoints";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, req }) => {
  const url = new URL(req.url);
  return getConsistencyProof({ ctx, input: { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" } });
});
