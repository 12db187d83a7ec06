// GET: the period's CSRD E1 report as PDF (the signed version, or a watermarked draft).
import { renderE1Report } from "@/lib/services/reporting/render-e1-report";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => {
  const pdf = await renderE1Report({ ctx, input: { periodId: params.id } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${pdf.fileName}"`,
      ...(pdf.sha256 ? { "x-report-version-sha256": pdf.sha256 } : {}),
    },
  });
});
