import { renderSummaryReport } from "@/lib/services/render-summary-report";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx }) => {
  const pdf = await renderSummaryReport({ ctx });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${pdf.fileName}"` },
  });
});
