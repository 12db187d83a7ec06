// GET: the organization's signed audit-log checkpoints, oldest first (read-only; decision 0028).
import { listCheckpoints } from "@/lib/services/assurance/checkpoints";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(async ({ ctx }) => ({ checkpoints: await listCheckpoints({ ctx }) }));
