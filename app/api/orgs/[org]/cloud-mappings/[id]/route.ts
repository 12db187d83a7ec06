import { deleteCloudMapping } from "@/lib/services/cloud-mappings/delete-cloud-mapping";
import { orgRoute } from "../../../../_lib/route";

/** Removes a mapping: its rows go to the next matching mapping or back to "Unassigned". */
export const DELETE = orgRoute(({ ctx, params }) => deleteCloudMapping({ ctx, input: { mappingId: params.id } }));
