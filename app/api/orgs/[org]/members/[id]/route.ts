import { changeMemberRole } from "@/lib/services/organizations/change-member-role";
import { orgRoute, readJson } from "../../../../_lib/route";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  return changeMemberRole({ ctx, input: { ...(typeof body === "object" && body ? body : {}), membershipId: params.id } });
});
