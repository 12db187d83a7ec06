import { getRecalculationProgress } from "@/lib/services/inventory/get-recalculation-progress";
import { orgRoute } from "../../../../../_lib/route";

/** Where the period's latest recalculation is: phase, steps, elapsed time, or how it ended (null: none kept). */
export const GET = orgRoute(({ ctx, params }) => getRecalculationProgress({ ctx, input: { periodId: params.id } }));
