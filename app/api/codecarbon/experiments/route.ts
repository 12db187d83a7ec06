import { createExperiment } from "@/lib/services/tracker-api/create-experiment";
import { trackerRoute } from "../_lib/route";

export const POST = trackerRoute(async ({ ctx, body }) => createExperiment({ ctx, input: await body() }), 201);
