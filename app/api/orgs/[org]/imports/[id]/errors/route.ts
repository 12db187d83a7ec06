import { Readable } from "node:stream";
import { downloadImportErrors } from "@/lib/services/imports/download-import-errors";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => {
  const file = await downloadImportErrors({ ctx, input: { importId: params.id } });
  return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    },
  });
});
