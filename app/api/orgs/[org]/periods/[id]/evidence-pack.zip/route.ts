// GET: the evidence pack of a signed-off period, a deterministic signed zip streamed as it is written (decision 0028).
import { Readable } from "node:stream";
import { exportEvidencePack } from "@/lib/services/assurance/export-evidence-pack";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => {
  const pack = await exportEvidencePack({ ctx, input: { periodId: params.id } });
  return new Response(Readable.toWeb(pack.stream) as ReadableStream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pack.fileName}"`,
      "x-pack-id": pack.packId,
      "x-manifest-sha256": pack.manifestSha256,
    },
  });
});
