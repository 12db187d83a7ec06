import { getRun } from "@/lib/services/tracker-api/get-run";
import { trackerRoute } from "../../_lib/route";

export const GET = trackerRoute(({ ctx, params }) => getRun({ ctx, input: { runId: params.id } }));
