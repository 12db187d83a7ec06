// GET: the period's misstatements and their summary against materiality. POST: the auditor records one (SAMPLE or OTHER).
import { recordMisstatement } from "@/lib/services/assurance/record-misstatement";
import { summarizeMisstatements } from "@/lib/services/assurance/summarize-misstatements";
import { readActionBody } from "../../../../../_lib/action-body";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => summarizeMisstatements({ ctx, input: { periodId: params.id } }));
export const POST = orgRoute(async ({ ctx, req, params }) => recordMisstatement({ ctx, input: { ...(await readActionBody(req)), periodId: params.id } }));
