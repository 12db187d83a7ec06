// POST: the auditor's result for one sampled item (agreed, or an exception with its misstated kgCO2e).
import { recordSampleResult } from "@/lib/services/assurance/procedures/record-sample-result";
import { orgRoute, readJson } from "../../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return recordSampleResult({ ctx, input: { ...body, sampleId: params.sampleId, position: params.position } });
});
