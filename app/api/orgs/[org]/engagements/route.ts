// Assurance engagements (decision 0027): list (an auditor sees their own), create (engagement:manage).
import { orgRoute, readJson } from "@/app/api/_lib/route";
import { createEngagement } from "@/lib/services/assurance/create-engagement";
import { listEngagements } from "@/lib/services/assurance/list-engagements";

export const GET = orgRoute(({ ctx }) => listEngagements({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createEngagement({ ctx, input: await readJson(req) }), { status: 201 }));
