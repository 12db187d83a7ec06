import { verifyAuditChain } from "@/lib/services/audit/verify-audit-chain";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx }) => verifyAuditChain({ ctx }));
