import { createProject } from "@/lib/services/projects/create-project";
import { listProjects } from "@/lib/services/projects/list-projects";
import { orgRoute, readJson } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listProjects({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createProject({ ctx, input: await readJson(req) }), { status: 201 }));
