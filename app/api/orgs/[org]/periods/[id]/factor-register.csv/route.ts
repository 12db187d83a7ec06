// GET: the factor register of the period's version as CSV.
import { factorRegisterCsv, getFactorRegister } from "@/lib/services/assurance/procedures/get-factor-register";
import { csvDownload } from "../../../../../_lib/download";
import { orgRoute } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, params }) => {
  const r = await getFactorRegister({ ctx, input: { periodId: params.id } });
  return csvDownload(`factor-register-${r.period.name}-${r.reportVersionNumber ? `v${r.reportVersionNumber}` : "draft"}.csv`.replace(/[^\w.-]+/g, "_"), factorRegisterCsv(r));
});
