import { recalculateAndCheck } from "@/lib/services/inventory/recalculate-and-check";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(({ ctx, params }) => recalculateAndCheck({ ctx, input: { periodId: params.id } }));
