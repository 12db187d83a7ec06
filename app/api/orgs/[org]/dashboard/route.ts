import { getDashboard } from "@/lib/services/get-dashboard";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => getDashboard({ ctx }));
