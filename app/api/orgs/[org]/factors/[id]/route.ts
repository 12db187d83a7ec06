// DELETE: remove a factor of one of the organization's own, unlocked datasets.
import { deleteFactor } from "@/lib/services/factors/delete-factor";
import { orgRoute } from "../../../../_lib/route";

export const DELETE = orgRoute(({ ctx, params }) => deleteFactor({ ctx, input: { factorId: params.id } }));
