import { createProject } from "@/lib/services/create-project";
import { listProjects } from "@/lib/services/list-projects";
import { orgRoute, readJson } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listProjects({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createProject({ ctx, input: await readJson(req) }), { status: 201 }));
