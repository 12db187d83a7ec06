import { getInventory } from "@/lib/services/inventory/get-inventory";
import { updateReportingPeriod } from "@/lib/services/periods/update-reporting-period";
import { orgRoute, readJson } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => getInventory({ ctx, input: { periodId: params.id } }));

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const body = await readJson(req);
  return updateReportingPeriod({ ctx, input: { ...(typeof body === "object" && body ? body : {}), periodId: params.id } });
});
