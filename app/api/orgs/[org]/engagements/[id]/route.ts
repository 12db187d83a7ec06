// One engagement: change materiality, dates, periods, auditors (engagement:manage).
import { orgRoute, readJson } from "@/app/api/_lib/route";
import { updateEngagement } from "@/lib/services/assurance/update-engagement";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const body = await readJson(req);
  return updateEngagement({ ctx, input: { ...(typeof body === "object" && body ? body : {}), engagementId: params.id } });
});
