import { downloadImportFile } from "@/lib/services/imports/download-import-file";
import { fileResponse } from "../../../../../_lib/download";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => fileResponse(await downloadImportFile({ ctx, input: { importId: params.id } })));
