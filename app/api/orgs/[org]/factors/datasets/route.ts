// GET: the factor datasets the organization can use, with provenance and lock state.
import { listFactorDatasets } from "@/lib/services/factors/list-factor-datasets";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listFactorDatasets({ ctx }));
