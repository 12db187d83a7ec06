// The contractual instruments CSV template with example rows.
import { getCsvTemplate } from "@/lib/services/activity/get-csv-template";
import { csvDownload } from "../../../../_lib/download";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(async ({ ctx }) => {
  const t = getCsvTemplate({ ctx, input: { kind: "instruments" } });
  return csvDownload(t.fileName, t.text);
});
