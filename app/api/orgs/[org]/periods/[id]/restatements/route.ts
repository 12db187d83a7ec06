import { setRestatementReason } from "@/lib/services/inventory/set-restatement-reason";
import { orgRoute, readJson } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await setRestatementReason({ ctx, input: await readJson(req) }), { status: 201 }));
