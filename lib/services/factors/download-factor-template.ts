// Use case: the factor CSV template (columns and two example rows) that officers fill in to import a dataset.
import { authorize, type ServiceContext } from "../../auth/context";
import { FACTOR_CSV_TEMPLATE } from "../../factors/factor-csv";

export function downloadFactorTemplate({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  return { fileName: "scopebook-factors-template.csv", contentType: "text/csv; charset=utf-8", text: FACTOR_CSV_TEMPLATE };
}
