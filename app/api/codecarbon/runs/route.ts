import { createRun } from "@/lib/services/tracker-api/create-run";
import { trackerRoute } from "../_lib/route";

export const POST = trackerRoute(async ({ ctx, body }) => createRun({ ctx, input: await body() }), 201);
