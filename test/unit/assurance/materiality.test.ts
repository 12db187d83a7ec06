import { describe, expect, it } from "vitest";
import { datapointLinesQuery } from "../../../lib/assurance/datapoint-lines";
import { materialityIssues, materialityKg } from "../../../lib/assurance/materiality";

describe("materiality", () => {
  it("orders overall ≥ performance ≥ clearly trivial > 0 and converts tonnes to kg exactly", () => {
    expect(materialityIssues({ overallTCo2e: "5", performanceTCo2e: "3.75", clearlyTrivialTCo2e: "0.25" })).toEqual([]);
    expect(materialityKg({ overallTCo2e: "0.1", performanceTCo2e: "0.075", clearlyTrivialTCo2e: "0.000001" })).toEqual({ overallKgCo2e: "100", performanceKgCo2e: "75", clearlyTrivialKgCo2e: "0.001" });
    expect(materialityIssues({ overallTCo2e: "1e3", performanceTCo2e: "1", clearlyTrivialTCo2e: "1" }).map((i) => i.field)).toEqual(["overallTCo2e"]);
    expect(materialityIssues({ overallTCo2e: "5", performanceTCo2e: "5", clearlyTrivialTCo2e: "5" })).toEqual([]);
  });
  it("maps line-backed datapoints to the lines filter", () => {
    expect(datapointLinesQuery("E1-6.scope2.market-based")).toBe("scope=SCOPE_2&view=mb");
    expect(datapointLinesQuery("E1-6.intensity.market-based")).toBeNull();
  });
});
