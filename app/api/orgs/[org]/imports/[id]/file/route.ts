import { Readable } from "node:stream";
import { downloadImportFile } from "@/lib/services/download-import-file";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => {
  const file = await downloadImportFile({ ctx, input: { importId: params.id } });
  return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.sizeBytes),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-sha256": file.sha256,
    },
  });
});
