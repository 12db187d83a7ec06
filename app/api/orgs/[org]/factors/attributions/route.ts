// GET: the credit lines of the factor datasets the organization can use (shipped open data first).
import { listFactorAttributions } from "@/lib/services/factors/list-factor-attributions";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listFactorAttributions({ ctx }));
