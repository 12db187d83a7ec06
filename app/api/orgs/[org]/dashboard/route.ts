import { getDashboard } from "@/lib/services/inventory/get-dashboard";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => getDashboard({ ctx }));
