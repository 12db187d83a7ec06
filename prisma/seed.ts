// Demo data: two organizations, one user per role, and a real CodeCarbon file uploaded by the engineer.
// Idempotent, step by step. Runs through the same services as the app.
import { readFileSync } from "node:fs";
import path from "node:path";
import { requireMembership } from "../lib/auth/context";
import { prisma } from "../lib/db/client";
import { createOrganization } from "../lib/services/create-organization";
import { uploadCodecarbonFile } from "../lib/services/upload-codecarbon-file";

export const DEMO_PASSWORD = "scopebook-demo";
export const DEMO_ORG_SLUG = "zielona";

export const DEMO_USERS = [
  { email: "admin@scopebook.local", name: "Ada Admin", role: "ADMIN" },
  { email: "officer@scopebook.local", name: "Olga Officer", role: "OFFICER" },
  { email: "engineer@scopebook.local", name: "Emil Engineer", role: "ENGINEER" },
  { email: "auditor@scopebook.local", name: "Aurelia Auditor", role: "AUDITOR" },
] as const;

/** Each step checks for itself, so a seed killed half-way completes on the next start. */
export async function seedDemo(log: (line: string) => void = console.log): Promise<boolean> {
  let created = false;
  const orgs = [
    {
      slug: DEMO_ORG_SLUG,
      name: "Zielona Energia sp. z o.o. (Łódź)",
      members: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    },
    {
      slug: "northwind",
      name: "Northwind Labs GmbH",
      members: [{ email: "admin@scopebook.local", name: "Ada Admin", role: "ADMIN" as const, password: DEMO_PASSWORD }],
    },
  ];
  for (const org of orgs) {
    if (await prisma.organization.findFirst({ where: { slug: org.slug }, select: { id: true } })) continue;
    await createOrganization({ db: prisma, input: { ...org, reportingCurrency: "EUR" }, requestId: "seed" });
    created = true;
  }
  const engineer = await prisma.user.findUniqueOrThrow({ where: { email: "engineer@scopebook.local" } });
  const ctx = await requireMembership({ userId: engineer.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed" });
  const file = path.join(process.cwd(), "prisma", "demo", "codecarbon-2.4-macos-m1.csv");
  const result = await uploadCodecarbonFile({
    ctx,
    input: { fileName: "emissions.csv", contentType: "text/csv", bytes: readFileSync(file), maxBytes: 50 * 1024 * 1024 },
  });
  if (!result.duplicateFile) {
    log(`demo data: ${result.rowsImported} CodeCarbon rows imported for ${DEMO_ORG_SLUG}`);
    created = true;
  }
  return created;
}
