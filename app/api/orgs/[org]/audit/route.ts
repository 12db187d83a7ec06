import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx, req }) => {
  const beforeSeq = Number(new URL(req.url).searchParams.get("beforeSeq")) || undefined;
  return listAuditEvents({ ctx, input: { beforeSeq } });
});
