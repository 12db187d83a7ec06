import { recalculatePeriod } from "@/lib/services/recalculate-period";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(({ ctx, params }) => recalculatePeriod({ ctx, input: { periodId: params.id } }));
