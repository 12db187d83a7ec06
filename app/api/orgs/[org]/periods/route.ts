import { createReportingPeriod } from "@/lib/services/periods/create-reporting-period";
import { listReportingPeriods } from "@/lib/services/periods/list-reporting-periods";
import { orgRoute, readJson } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listReportingPeriods({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createReportingPeriod({ ctx, input: await readJson(req) }), { status: 201 }));
