// The activity CSV template with example rows (docs: README "Activity data").
import { getCsvTemplate } from "@/lib/services/activity/get-csv-template";
import { csvDownload } from "../../../../_lib/download";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(async ({ ctx }) => {
  const t = getCsvTemplate({ ctx, input: { kind: "activity" } });
  return csvDownload(t.fileName, t.text);
});
