import { cancelImport } from "@/lib/services/imports/cancel-import";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(({ ctx, params }) => cancelImport({ ctx, input: { importId: params.id } }));
