// GET: the E1-4 targets with trajectory and progress. POST JSON: a new target (201).
import { createTarget } from "@/lib/services/targets/create-target";
import { listTargets } from "@/lib/services/targets/list-targets";
import { orgRoute, readJson } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listTargets({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createTarget({ ctx, input: await readJson(req) }), { status: 201 }));
