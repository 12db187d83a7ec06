// GET: the factors that changed against N-1, as CSV.
import { factorChangesCsv, getFactorRegister } from "@/lib/services/assurance/procedures/get-factor-register";
import { csvDownload } from "../../../../../_lib/download";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, params }) => {
  const r = await getFactorRegister({ ctx, input: { periodId: params.id } });
  return csvDownload(`factor-changes-${r.period.name}-vs-${r.priorPeriod ?? "none"}.csv`.replace(/[^\w.-]+/g, "_"), factorChangesCsv(r));
});
