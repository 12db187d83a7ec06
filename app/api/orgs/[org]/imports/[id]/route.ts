import { getImport } from "@/lib/services/imports/get-import";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => getImport({ ctx, input: { importId: params.id } }));
