import { revokeApiToken } from "@/lib/services/organizations/revoke-api-token";
import { orgRoute } from "../../../../../../_lib/route";

export const DELETE = orgRoute(({ ctx, params }) => revokeApiToken({ ctx, input: { projectId: params.id, tokenId: params.tokenId } }));
