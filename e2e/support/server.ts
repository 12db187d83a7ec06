// The e2e server: a fresh embedded Postgres, migrations, the e2e organizations, then `next start` on the
// production build (built by `npm test` before Playwright runs).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startNext, superviseChild } from "../../scripts/lib/boot";
import { ORGS, PASSWORD, ROLES, account, BOTH, reviewerAccount } from "./accounts";

const log = (l: string) => console.log(`[e2e-server] ${l}`);

async function main() {
  const port = Number(process.env.SCOPEBOOK_E2E_PORT ?? 3100);
  const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-e2e-"));
  chmodSync(dir, 0o755); // when root, Postgres runs as a created "postgres" user that must reach its data folder
  delete process.env.DATABASE_URL;
  const db = await ensureDatabase({ dataDir: path.join(dir, "pg"), port: Number(process.env.SCOPEBOOK_E2E_PG_PORT ?? 54340), log });
  const { prisma } = await import("../../lib/db/client");
  const { createOrganization } = await import("../../lib/services/organizations/create-organization");
  for (const org of Object.values(ORGS)) {
    await createOrganization({
      db: prisma,
      input: {
        slug: org.slug,
        name: org.name,
        members: [
          ...ROLES.map((role) => ({ email: account(org.slug, role), name: `${role.toLowerCase()} of ${org.slug}`, password: PASSWORD, role })),
          // The sign-off chain needs three people: preparer (officer), reviewer (a second officer), approver (admin).
          { email: reviewerAccount(org.slug), name: `reviewer of ${org.slug}`, password: PASSWORD, role: "OFFICER" as const },
        ],
      },
    });
  }
  await createOrganization({ db: prisma, input: { slug: "both-a", name: "Both A", members: [{ email: BOTH, name: "Consultant", password: PASSWORD, role: "ENGINEER" }] } });
  await createOrganization({ db: prisma, input: { slug: "both-b", name: "Both B", members: [{ email: BOTH, name: "Consultant", password: PASSWORD, role: "AUDITOR" }] } });
  await prisma.$disconnect();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
    SCOPEBOOK_MAX_UPLOAD_BYTES: String(1024 * 1024),
    // Uploaded files (and temp files of uploads in flight) in the run's own folder, removed with it.
    SCOPEBOOK_DATA_DIR: path.join(dir, "data"),
    SCOPEBOOK_SESSION_MAX_AGE_SECONDS: "3600",
  };
  log(`starting next on ${port}`);
  superviseChild(startNext({ dev: false, host: "127.0.0.1", port, env }), async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
