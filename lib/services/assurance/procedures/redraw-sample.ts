// Use case: re-draw a stored sample from its stored parameters (seed, population filter, key-item rule, confidence,
// tolerable rate or misstatement) over the same version, and compare: population sha256 and size, and every item
// (line, selection, hits). Anyone who may read the sample may check it (report:read); nothing is written.
import { authorize, type ServiceContext } from "../../../auth/context";
import type { RedrawComparison } from "../../../views/assurance-procedures";
import { drawSample } from "./draw-sample";
import { planOf, readSample } from "./sample-read";

export async function redrawSample({ ctx, input }: { ctx: ServiceContext; input: { sampleId: string } }): Promise<RedrawComparison> {
  authorize(ctx, "report:read");
  const s = await readSample(ctx, input.sampleId);
  const drawn = await drawSample(ctx.organization.id, s.calculationVersionId, planOf(s));
  const key = (i: { lineId: string; selection: string; hits: number } | undefined) => (i ? `${i.lineId} ${i.selection} ×${i.hits}` : null);
  const differences: RedrawComparison["differences"] = [];
  for (let k = 0; k < Math.max(s.items.length, drawn.items.length) && differences.length < 100; k++) {
    const a = key(s.items[k]), b = key(drawn.items[k]);
    if (a !== b) differences.push({ position: k + 1, stored: a, redrawn: b });
  }
  return {
    identical: differences.length === 0 && drawn.populationSha256 === s.populationSha256 && drawn.populationSize === s.populationSize,
    populationSha256: { stored: s.populationSha256, redrawn: drawn.populationSha256 },
    populationSize: { stored: s.populationSize, redrawn: drawn.populationSize },
    differences,
  };
}
