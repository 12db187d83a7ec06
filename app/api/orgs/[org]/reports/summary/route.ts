import { renderSummaryReport } from "@/lib/services/reporting/render-summary-report";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

// GET ?period=<reporting period id> (optional): the ESRS E1 page of that period, else of the latest calculated one.
export const GET = orgRoute(async ({ ctx, req }) => {
  const pdf = await renderSummaryReport({ ctx, input: Object.fromEntries(new URL(req.url).searchParams) });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${pdf.fileName}"` },
  });
});
