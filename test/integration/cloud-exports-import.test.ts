// AWS, Azure and Cloud Carbon Footprint files end to end on a real Postgres: counts and exact totals, AWS
// restatements by a later refresh, and a file declared as another provider's.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { engineerOrg, importBytes, providerTotals, uploadBytes, useTempDataDir } from "../helpers/cloud-db";
import { expectAppError } from "../helpers/errors";
import { fixtureBytes, fixtureText } from "../helpers/fixtures";

useTempDataDir("cloud-exports");

const AWS = "aws/aws-carbon-emissions-export-2025.csv";

const engineer = engineerOrg;

describe("cloud exports", () => {
  it("AWS fixture: 6 rows, 0.889 MTCO2e = 889 kg location-based, 76 kg market-based, unit MTCO2e kept", async () => {
    const { org, ctx } = await engineer("aws-fixture");
    const done = await importBytes(ctx, fixtureBytes(AWS), "aws.csv");
    expect(done).toMatchObject({ status: "COMMITTED", sourceType: "AWS_CARBON_EXPORT", rowsImported: 6, rowsFailed: 0 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 6, current: 6, totalLb: "889", totalMb: "76" });
    const units = await prisma.providerEmissionRecord.findMany({ where: { organizationId: org.organization.id }, select: { sourceUnit: true }, distinct: ["sourceUnit"] });
    expect(units).toEqual([{ sourceUnit: "MTCO2e" }]);
  });

  it("AWS: a later refresh of the same account × product × region × period supersedes: 889 − 412 + 420 = 897 kg LB, 1 row restated", async () => {
    const { org, ctx } = await engineer("aws-refresh");
    await importBytes(ctx, fixtureBytes(AWS), "aws-march.csv");
    const [header] = fixtureText(AWS).split("\n");
    const refreshed = `${header}\n2025-05-02 06:00:00Z,US East (N. Virginia),v2.0.0,111122223333,AmazonEC2,us-east-1,0.420,MTCO2e,0.038,MTCO2e,444455556666,2025-01-01 00:00:00Z,2025-02-01 00:00:00Z\n`;
    const done = await importBytes(ctx, refreshed, "aws-may.csv");
    expect(done).toMatchObject({ rowsImported: 1, rowsRestated: 1 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 7, current: 6, totalLb: "897", totalMb: "76" });
  });

  it("Azure (constructed fixture): 6 rows, 202.5 kg market-based, 34 kg location-based (Scope 1 + 3)", async () => {
    const { org, ctx } = await engineer("azure-fixture");
    const done = await importBytes(ctx, fixtureBytes("azure/azure-emissions-export-2025.csv"), "azure.csv");
    expect(done).toMatchObject({ status: "COMMITTED", sourceType: "AZURE_EMISSIONS_EXPORT", rowsImported: 6 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 6, totalMb: "202.5", totalLb: "34" });
  });

  it("CCF /footprint JSON: 120 estimates, 5034.58378984702581236777 kWh, 1594.999845243387318674666 kg CO2e, nature ESTIMATED; its CSV twin adds nothing", async () => {
    const { org, ctx } = await engineer("ccf-fixture");
    const done = await importBytes(ctx, fixtureBytes("ccf/ccf-api-mock-estimates.json"), "footprint.json");
    expect(done).toMatchObject({ status: "COMMITTED", sourceType: "CCF_ESTIMATES", rowsImported: 120 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 120, energyKwh: "5034.58378984702581236777", totalLb: "1594.999845243387318674666", totalMb: "0" });
    expect(await prisma.providerEmissionRecord.count({ where: { organizationId: org.organization.id, nature: "ESTIMATED" } })).toBe(120);
    const twin = await importBytes(ctx, fixtureBytes("ccf/ccf-estimates.csv"), "footprint.csv");
    expect(twin).toMatchObject({ rowsImported: 0, rowsDuplicate: 120 });
  });

  it("an AWS export uploaded as a Google Cloud export is refused, naming what it is; nothing is kept", async () => {
    const { org, ctx } = await engineer("aws-as-gcp");
    const err = await expectAppError(() => uploadBytes(ctx, fixtureBytes(AWS), "export.csv", "GCP_CARBON_EXPORT"), "VALIDATION");
    expect(err.message).toBe(
      'This file was uploaded as Google Cloud Carbon Footprint export, but it looks like AWS carbon emissions Data Export (CSV). Choose that source, or "Detect automatically".',
    );
    expect(await prisma.import.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });
});
