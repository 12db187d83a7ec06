import { describe, expect, it } from "vitest";
import { gridMixShares } from "../../../lib/factors/grid-mix-shares";

describe("grid mix shares (fossil / nuclear / renewable over their total, 12 decimals half-even)", () => {
  it("France 2023: 43.3 / 335.65 / 135.16 TWh of 514.11 → 0.084223220712 / 0.652875843691 / 0.262900935597", () => {
    expect(gridMixShares({ fossilTwh: "43.3", nuclearTwh: "335.65", renewablesTwh: "135.16" })).toEqual({
      fossilShare: "0.084223220712",
      nuclearShare: "0.652875843691",
      renewableShare: "0.262900935597",
    });
  });
  it("exact quarters: 1 / 1 / 2 TWh → 0.25 / 0.25 / 0.5", () => {
    expect(gridMixShares({ fossilTwh: "1", nuclearTwh: "1", renewablesTwh: "2" })).toEqual({ fossilShare: "0.25", nuclearShare: "0.25", renewableShare: "0.5" });
  });
  it("a grid that generated nothing has no shares (null, never a division by zero)", () => {
    expect(gridMixShares({ fossilTwh: "0", nuclearTwh: "0.0", renewablesTwh: "0" })).toBeNull();
  });
});
