// GET: the factor CSV template (header and two example rows), for officers to fill in.
import { downloadFactorTemplate } from "@/lib/services/factors/download-factor-template";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(async ({ ctx }) => {
  const t = downloadFactorTemplate({ ctx });
  return new Response(t.text, { headers: { "content-type": t.contentType, "content-disposition": `attachment; filename="${t.fileName}"` } });
});
