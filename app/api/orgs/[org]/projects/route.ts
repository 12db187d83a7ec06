import { listProjects } from "@/lib/services/list-projects";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listProjects({ ctx }));
