// GET: the period's management representation letter as PDF (the signed letter's stored bytes, or a draft).
import { getRepresentationLetter } from "@/lib/services/reporting/get-representation-letter";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => {
  const pdf = await getRepresentationLetter({ ctx, input: { periodId: params.id } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${pdf.fileName}"`, "x-letter-sha256": pdf.sha256, "x-letter-signed": String(pdf.signed) },
  });
});
