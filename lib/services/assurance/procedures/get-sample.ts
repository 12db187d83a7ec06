// Use case: one sample with its items, results and misstatement summary (auditors and officers: report:read).
import { authorize, type ServiceContext } from "../../../auth/context";
import type { SampleDetail } from "../../../views/assurance-procedures";
import { readSample } from "./sample-read";

export async function getSample({ ctx, input }: { ctx: ServiceContext; input: { sampleId: string } }): Promise<SampleDetail> {
  authorize(ctx, "report:read");
  return readSample(ctx, input.sampleId);
}
