import { getPeriodStaleness } from "@/lib/services/inventory/get-period-staleness";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => getPeriodStaleness({ ctx, input: { periodId: params.id } }));
