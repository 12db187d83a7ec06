// The cloud mapping table on a real Postgres: rows start Unassigned; a mapping moves the rows already imported in
// its own audited transaction; new imports apply the current mappings; removing a mapping gives the rows back to
// Unassigned; roles, bad input and other organizations' projects are refused.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createCloudMapping } from "../../lib/services/cloud-mappings/create-cloud-mapping";
import { deleteCloudMapping } from "../../lib/services/cloud-mappings/delete-cloud-mapping";
import { listCloudMappings } from "../../lib/services/cloud-mappings/list-cloud-mappings";
import { createProject } from "../../lib/services/projects/create-project";
import { importBytes, useTempDataDir } from "../helpers/cloud-db";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureBytes, fixtureText } from "../helpers/fixtures";

useTempDataDir("cloud-mappings");

const CSV = "gcp/gcp-carbon-footprint-2025.csv";
const trim = (s: string) => s.replace(/\.?0+$/, "");

describe("cloud project mappings", () => {
  it("GCP fixture unassigned (7 rows, 1126.88 kg); mapping cloud project ml-training moves 4 rows (510.1 + 8.93 + 493.1 + 109.2 = 1121.33 kg); removing it gives them back", async () => {
    const org = await createTestOrg("map-flow", ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"]);
    const engineer = await org.ctx("ENGINEER");
    await importBytes(engineer, fixtureBytes(CSV), "carbon.csv");
    const before = await listCloudMappings({ ctx: await org.ctx("AUDITOR") });
    expect(before.groups).toHaveLength(1);
    expect(before.groups[0]).toMatchObject({ projectId: null, projectName: "Unassigned", rows: 7 });
    expect(trim(before.groups[0].totalLbKgCo2e)).toBe("1126.88");

    const project = await createProject({ ctx: engineer, input: { name: "training" } });
    const officer = await org.ctx("OFFICER");
    const created = await createCloudMapping({ ctx: officer, input: { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: "ml-training", projectId: project.id } });
    expect(created.rowsMoved).toBe(4);
    const after = await listCloudMappings({ ctx: engineer });
    expect(after.mappings).toMatchObject([{ provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: "ml-training", projectName: "training" }]);
    expect(after.groups.map((g) => [g.projectName, g.rows, trim(g.totalLbKgCo2e)])).toEqual([
      ["Unassigned", 3, "5.55"],
      ["training", 4, "1121.33"],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organization.id, action: "cloudMapping.created" } });
    expect(audit.after).toMatchObject({ matchValue: "ml-training", rowsMoved: 4 });

    // A new import applies the current mappings as it is written.
    const [header, first] = fixtureText(CSV).split("\n");
    await importBytes(engineer, `${header}\n${first.replace(",14,", ",15,")}\n`, "v15.csv");
    const v15 = await prisma.providerEmissionRecord.findFirstOrThrow({ where: { organizationId: org.organization.id, modelVersion: "15" } });
    expect(v15.projectId).toBe(project.id);

    // A billing-account mapping is less specific than the cloud-project one: it takes only the other rows.
    const other = await createProject({ ctx: engineer, input: { name: "everything-else" } });
    const billing = await createCloudMapping({ ctx: engineer, input: { provider: "GCP", matchType: "BILLING_ACCOUNT", matchValue: "007GD7-15C0E6-BDE6B3", projectId: other.id } });
    expect(billing.rowsMoved).toBe(3);

    const removed = await deleteCloudMapping({ ctx: engineer, input: { mappingId: created.id } });
    expect(removed.rowsMoved).toBe(5);
    expect((await listCloudMappings({ ctx: engineer })).groups.map((g) => [g.projectName, g.rows])).toEqual([
      ["Unassigned", 0],
      ["everything-else", 7],
    ]);
  });

  it("auditors read but cannot map (403); bad input is 422 with the field; a mapping twice is 409; another organization's project is refused", async () => {
    const org = await createTestOrg("map-rules", ["ADMIN", "ENGINEER", "AUDITOR"]);
    const engineer = await org.ctx("ENGINEER");
    const project = await createProject({ ctx: engineer, input: { name: "p" } });
    const input = { provider: "AWS", matchType: "ACCOUNT", matchValue: "444455556666", projectId: project.id };
    const auditor = await org.ctx("AUDITOR");
    await expectAppError(() => createCloudMapping({ ctx: auditor, input }), "FORBIDDEN");
    const bad = await expectAppError(() => createCloudMapping({ ctx: engineer, input: { ...input, matchType: "TAG", matchValue: "no-equals" } }), "VALIDATION");
    expect(bad.issues).toEqual([{ field: "matchValue", reason: "a tag is written key=value" }]);
    await expectAppError(() => createCloudMapping({ ctx: engineer, input: { ...input, provider: "IBM" } }), "VALIDATION");
    await createCloudMapping({ ctx: engineer, input });
    await expectAppError(() => createCloudMapping({ ctx: engineer, input }), "CONFLICT");
    const stranger = await createTestOrg("map-stranger", ["ADMIN", "ENGINEER"]);
    const theirs = await createProject({ ctx: await stranger.ctx("ENGINEER"), input: { name: "theirs" } });
    const refused = await expectAppError(() => createCloudMapping({ ctx: engineer, input: { ...input, matchValue: "x", projectId: theirs.id } }), "VALIDATION");
    expect(refused.issues).toEqual([{ field: "projectId", reason: "unknown project" }]);
    const mine = await prisma.cloudProjectMapping.findFirstOrThrow({ where: { organizationId: org.organization.id } });
    const strangerCtx = await stranger.ctx("ENGINEER");
    await expectAppError(() => deleteCloudMapping({ ctx: strangerCtx, input: { mappingId: mine.id } }), "NOT_FOUND");
  });
});
