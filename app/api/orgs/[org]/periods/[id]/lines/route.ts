import { getLedgerLines } from "@/lib/services/inventory/get-ledger-lines";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(({ ctx, req, params }) => getLedgerLines({ ctx, input: { ...Object.fromEntries(new URL(req.url).searchParams), periodId: params.id } }));
