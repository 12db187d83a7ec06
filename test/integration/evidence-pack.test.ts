// The evidence pack and signed checkpoints (issue 14, decision 0028) on the real database: a signed FY2025 with an
// imported activity file packed, verified by scripts/verify-pack.mjs (in process and as the CLI), by sha256sum and
// openssl; every kind of tampering named by the verifier; the same version packed twice gives the same bytes; an
// unsigned period is refused and writes nothing; a zip with ../ is refused; an audit event rewritten in the database
// (triggers off, the chain recomputed) makes the next pack fail against the checkpoint signed at sign-off.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { eventHash } from "../../lib/audit/chain";
import { merkleRoot, verifyConsistency } from "../../lib/assurance/merkle";
import { prisma } from "../../lib/db/client";
import { getConsistencyProof, listCheckpoints } from "../../lib/services/assurance/checkpoints";
import { exportEvidencePack } from "../../lib/services/assurance/export-evidence-pack";
import { getSigningKey } from "../../lib/services/assurance/signing-key";
import { createActivity } from "../../lib/services/activity/create-activity";
import { confirmImport } from "../../lib/services/imports/confirm-import";
import { uploadImport } from "../../lib/services/imports/upload-import";
import { signOff } from "../helpers/signoff";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
// @ts-expect-error a plain .mjs script without types
import { readZip, verifyPack } from "../../scripts/verify-pack.mjs";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow, period } from "../helpers/ledger";

type Files = Map<string, Buffer>;
type Result = { name: string; ok: boolean; detail: string };
const VERIFIER = path.resolve("scripts/verify-pack.mjs");
let dataDir = "";
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "scopebook-pack-"));
  process.env.SCOPEBOOK_DATA_DIR = dataDir;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SITE = "Łódź plant";
const CSV = `period_start,period_end,site,category,quantity,unit,note\n2025-02-01,2025-02-28,${SITE},electricity,12.5,kWh,"meter, February"\n2025-05-01,2025-05-31,${SITE},electricity,0.333,kWh,May\n`;

async function signedYear(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "AUDITOR"], { engagement: false });
  const o = org.organization.id;
  const ds = await factorDataset(o, "Custom PL");
  await factorRow(ds.id, o, { keyType: "COUNTRY", key: "POL", value: "0.4123", year: 2025 });
  await prisma.site.create({ data: { organizationId: o, name: SITE, countryIsoCode: "POL", market: "POL" } });
  const fy = await period(o, "FY2025", "2025-01-01", "2025-12-31", "1000000");
  const officer = await org.ctx("OFFICER");
  const up = await uploadImport({ ctx: officer, input: { fileName: "meters.csv", body: Readable.from([Buffer.from(CSV)]), maxBytes: 1 << 20 } });
  await confirmImport({ ctx: officer, input: { importId: up.importId }, wait: true });
  await createActivity({ ctx: officer, input: { periodStart: "2025-03-01", periodEnd: "2025-03-28", site: SITE, category: "electricity", quantity: "30", unit: "kWh" } });
  await recalculateAndCheck({ ctx: officer, input: { periodId: fy.id } });
  return { org, o, fy, officer, admin: await org.ctx("ADMIN"), auditor: await org.ctx("AUDITOR") };
}

async function sign(y: Awaited<ReturnType<typeof signedYear>>) {
  return signOff(y.officer, y.admin, y.fy.id);
}

async function packBytes(ctx: Parameters<typeof exportEvidencePack>[0]["ctx"], periodId: string): Promise<Buffer> {
  const pack = await exportEvidencePack({ ctx, input: { periodId } });
  return Buffer.concat((await pack.stream.toArray()) as Buffer[]);
}

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const failed = (r: Result[]) => r.filter((x) => !x.ok).map((x) => x.name);
const run = (files: Files, fingerprint?: string): Result[] => verifyPack(files, { fingerprint });
const copy = (files: Files): Files => new Map([...files].map(([k, v]) => [k, Buffer.from(v)]));

function unzipTo(files: Files): string {
  const dir = mkdtempSync(path.join(dataDir, "unzipped-"));
  for (const [p, b] of files) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), b);
  }
  return dir;
}

/** Rewrites a listed file and fixes its sha256 and size in the manifest and SHA256SUMS (the signature left). */
function rewriteWithHashes(files: Files, p: string, bytes: Buffer): void {
  files.set(p, bytes);
  const manifest = JSON.parse(files.get("MANIFEST.json")!.toString());
  const f = manifest.files.find((x: { path: string }) => x.path === p);
  f.sha256 = sha(bytes);
  f.bytes = bytes.length;
  const m = Buffer.from(JSON.stringify(manifest, null, 2) + "\n");
  files.set("MANIFEST.json", m);
  const sums = files.get("SHA256SUMS")!.toString().split("\n").filter(Boolean).map((l) => {
    const name = l.slice(66);
    return `${name === p ? sha(bytes) : name === "MANIFEST.json" ? sha(m) : l.slice(0, 64)}  ${name}`;
  });
  files.set("SHA256SUMS", Buffer.from(sums.join("\n") + "\n"));
}

describe("evidence pack", () => {
  it("a signed FY2025 packs into a zip that verify.mjs passes with the pinned key, as sha256sum and openssl do; the key is in Settings, its private half 0600 in the data folder only", async () => {
    const y = await signedYear("pack-ok");
    await sign(y);
    const key = await getSigningKey({ ctx: y.auditor });
    expect(key?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const keyFile = path.join(dataDir, "keys", `${y.o}.ed25519.pem`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(await prisma.orgSigningKey.findMany({ where: { organizationId: y.o } }))).not.toContain("PRIVATE");
    expect((await prisma.auditEvent.findMany({ where: { organizationId: y.o, action: "signing-key.created" } })).length).toBe(1);

    // The auditor's engagement covers FY2025: its materiality goes into the manifest.
    const auditorMembership = await prisma.membership.findFirstOrThrow({ where: { organizationId: y.o, userId: y.auditor.userId! } });
    await prisma.engagement.create({
      data: {
        organizationId: y.o, name: "FY2025 limited assurance", firm: "Audit & Co", startDate: new Date("2026-01-10"), endDate: new Date("2026-03-31"),
        overallMaterialityKgCo2e: "2.5", performanceMaterialityKgCo2e: "1.875", clearlyTrivialKgCo2e: "0.125",
        periods: { create: { periodId: y.fy.id, organizationId: y.o } }, auditors: { create: { membershipId: auditorMembership.id, organizationId: y.o } },
      },
    });
    const zip = await packBytes(y.auditor, y.fy.id);
    const files: Files = readZip(zip);
    expect([...files.keys()]).toEqual(expect.arrayContaining(["START_HERE.html", "MANIFEST.json", "MANIFEST.json.sig", "SHA256SUMS", "keys/org-signing.pub.pem", "report/ghg-statement.pdf", "report/statement.json", "ledger/ledger-lines.csv", "ledger/lineage.csv", "factors/factor-register.csv", "sources/index.csv", "restatements/restatements.csv", "audit-log/events.jsonl", "audit-log/checkpoint.txt", "controls/signoffs.csv", "verify/verify.mjs", "verify/VERIFY.md"]));
    expect(files.get("verify/verify.mjs")!.equals(readFileSync(VERIFIER))).toBe(true);
    const raw = [...files.keys()].filter((p) => p.startsWith("sources/raw/"));
    expect(raw).toEqual([`sources/raw/${sha(CSV)}.csv`]);
    const lines = files.get("ledger/ledger-lines.csv")!.toString().trim().split("\n");
    expect(lines).toHaveLength(7); // header + 3 records × (location-based, market-based)
    expect(lines.filter((l) => l.includes(sha(CSV)))).toHaveLength(4);
    const manifest = JSON.parse(files.get("MANIFEST.json")!.toString());
    expect(manifest).toMatchObject({ schema: "scopebook.evidence-pack/1", statementSha256: sha(files.get("report/statement.json")!), signingKey: { fingerprint: key!.fingerprint }, ledgerRoot: { size: 6 }, materiality: [{ engagement: "FY2025 limited assurance", overallKgCo2e: "2.5", performanceKgCo2e: "1.875", clearlyTrivialKgCo2e: "0.125" }] });

    const results = run(files, key!.fingerprint);
    expect(failed(results)).toEqual([]);
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(["manifest signature", "re-performance of every line", "re-performance of every E1-6 total", "lineage closure", "audit log vs signed checkpoint"]));
    const unpinned = run(files);
    expect(failed(unpinned)).toEqual([]);
    expect(unpinned.find((r) => r.name === "key pinned")!.detail).toMatch(/NOT PINNED/);

    // The CLI on the zip and on the folder; the stock tools agree.
    const zipFile = path.join(dataDir, "pack.zip");
    writeFileSync(zipFile, zip);
    const cli = spawnSync(process.execPath, [VERIFIER, zipFile, "--fingerprint", key!.fingerprint], { encoding: "utf8" });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/PASS {2}manifest signature/);
    const dir = unzipTo(files);
    const inPack = spawnSync(process.execPath, ["verify/verify.mjs", ".", "--fingerprint", key!.fingerprint], { cwd: dir, encoding: "utf8" });
    expect(inPack.status, inPack.stdout).toBe(0);
    const hasTool = (t: string) => spawnSync("sh", ["-c", `command -v ${t}`]).status === 0;
    if (hasTool("sha256sum")) expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" })).not.toMatch(/FAILED/);
    else console.warn("sha256sum not on this machine: skipped the coreutils check");
    if (hasTool("openssl")) {
      const ok = spawnSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "keys/org-signing.pub.pem", "-rawin", "-in", "MANIFEST.json", "-sigfile", "MANIFEST.json.sig"], { cwd: dir, encoding: "utf8" });
      expect(ok.stdout).toMatch(/Signature Verified Successfully/);
      writeFileSync(path.join(dir, "MANIFEST.json"), Buffer.concat([files.get("MANIFEST.json")!, Buffer.from(" ")]));
      const bad = spawnSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "keys/org-signing.pub.pem", "-rawin", "-in", "MANIFEST.json", "-sigfile", "MANIFEST.json.sig"], { cwd: dir, encoding: "utf8" });
      expect(bad.status).not.toBe(0);
      const cliBad = spawnSync(process.execPath, ["verify/verify.mjs", ".", "--fingerprint", key!.fingerprint], { cwd: dir, encoding: "utf8" });
      expect(cliBad.status).toBe(1);
      expect(cliBad.stdout).toMatch(/FAIL {2}manifest signature/);
    } else console.warn("openssl not on this machine: skipped the openssl check");
    if (hasTool("sha256sum")) expect(spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir }).status).not.toBe(0);

    // A wrong pinned key fails.
    expect(failed(run(files, "0".repeat(64)))).toEqual(["key fingerprint"]);

    // The same version packed twice: the same bytes (each export is audited and checkpointed outside the pack).
    expect(sha(await packBytes(y.admin, y.fy.id))).toBe(sha(zip));
    expect(await prisma.auditEvent.count({ where: { organizationId: y.o, action: "evidence-pack.exported" } })).toBe(2);
    const checkpoints = await listCheckpoints({ ctx: y.auditor });
    expect(checkpoints.map((c) => c.kind)).toEqual(["SIGNOFF", "PACK_EXPORT", "PACK_EXPORT"]);
    // The auditor's first checkpoint is a prefix of the latest: a consistency proof shows the log only grew.
    const first = checkpoints[0], last = checkpoints[2];
    const proof = await getConsistencyProof({ ctx: y.auditor, input: { from: first.id, to: last.id } });
    expect(proof.logMatchesCheckpoints).toBe(true);
    expect(verifyConsistency(first.treeSize, last.treeSize, Buffer.from(first.rootHash, "hex"), Buffer.from(last.rootHash, "hex"), proof.proof.map((p) => Buffer.from(p, "hex")))).toBe(true);
  }, 60_000);

  it("one byte changed anywhere, a file added or removed, a line's value altered (hashes fixed or not): the verifier fails naming what broke", async () => {
    const y = await signedYear("pack-tamper");
    await sign(y);
    const fp = (await getSigningKey({ ctx: y.admin }))!.fingerprint;
    const files: Files = readZip(await packBytes(y.admin, y.fy.id));
    expect(failed(run(files, fp))).toEqual([]);

    // One byte flipped in every file in turn: never all PASS.
    for (const p of files.keys()) {
      const t = copy(files);
      const b = t.get(p)!;
      b[Math.floor(b.length / 2)] ^= 0x01;
      const f = failed(run(t, fp));
      expect(f.length, `a byte changed in ${p} went unnoticed`).toBeGreaterThan(0);
      if (!["MANIFEST.json.sig", "SHA256SUMS", "START_HERE.html", "MANIFEST.json"].includes(p)) expect(f).toContain("file hashes and sizes");
    }
    const added = copy(files);
    added.set("ledger/extra.csv", Buffer.from("x\n"));
    expect(failed(run(added, fp))).toEqual(expect.arrayContaining(["no missing or extra files"]));
    const extraDetail = run(added, fp).find((r) => r.name === "no missing or extra files")!.detail;
    expect(extraDetail).toContain("extra: ledger/extra.csv");
    const removed = copy(files);
    removed.delete("factors/factor-register.csv");
    expect(run(removed, fp).find((r) => r.name === "no missing or extra files")!.detail).toContain("missing: factors/factor-register.csv");

    // A ledger line's emissions changed: without fixing hashes the hash check fails; with the manifest and SHA256SUMS
    // recomputed, the signature fails (and the re-performance names the line).
    const csv = files.get("ledger/ledger-lines.csv")!.toString();
    const altered = Buffer.from(csv.replace(/,12\.3690*,/, ",12.37,"));
    expect(altered.equals(files.get("ledger/ledger-lines.csv")!)).toBe(false);
    const plain = copy(files);
    plain.set("ledger/ledger-lines.csv", altered);
    expect(failed(run(plain, fp))).toEqual(expect.arrayContaining(["file hashes and sizes", "SHA256SUMS", "re-performance of every line"]));
    const fixed = copy(files);
    rewriteWithHashes(fixed, "ledger/ledger-lines.csv", altered);
    const r = run(fixed, fp);
    expect(failed(r)).toEqual(expect.arrayContaining(["manifest signature", "re-performance of every line", "re-performance of every E1-6 total"]));
    expect(failed(r)).not.toContain("file hashes and sizes");
    expect(failed(r)).not.toContain("SHA256SUMS");
    expect(r.find((x) => x.name === "re-performance of every line")!.detail).toMatch(/5\.155|12\.37/);
  }, 60_000);

  it("an unsigned period is refused (409) and nothing is written; an auditor outside the engagement gets not found", async () => {
    const y = await signedYear("pack-unsigned");
    const before = await prisma.auditEvent.count({ where: { organizationId: y.o } });
    const err = await expectAppError(() => exportEvidencePack({ ctx: y.admin, input: { periodId: y.fy.id } }), "CONFLICT");
    expect(err.message).toMatch(/not signed off/);
    expect(await prisma.auditEvent.count({ where: { organizationId: y.o } })).toBe(before);
    expect(await prisma.auditCheckpoint.count({ where: { organizationId: y.o } })).toBe(0);
    await expectAppError(() => exportEvidencePack({ ctx: y.admin, input: { periodId: "not-a-uuid" } }), "VALIDATION");
    await sign(y);
    await expectAppError(() => exportEvidencePack({ ctx: y.auditor, input: { periodId: y.fy.id } }), "NOT_FOUND"); // no engagement covers FY2025
  }, 60_000);

  it("a zip with a ../ entry is refused by the verifier before anything is read or written", async () => {
    const z = new yazl.ZipFile();
    z.addBuffer(Buffer.from("pwned"), "aa/evil.txt", { mtime: new Date("2025-01-01T00:00:00Z"), mode: 0o100644 });
    z.end();
    const bytes = Buffer.concat((await (z.outputStream as unknown as Readable).toArray()) as Buffer[]);
    const evil = Buffer.from(bytes.toString("latin1").replaceAll("aa/evil.txt", "../evil.txt"), "latin1");
    const file = path.join(dataDir, "evil.zip");
    writeFileSync(file, evil);
    expect(() => readZip(evil)).toThrow(/unsafe entry name.*\.\.\/evil/);
    const cli = spawnSync(process.execPath, [VERIFIER, file], { encoding: "utf8", cwd: dataDir });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/unsafe entry name/);
    expect(() => statSync(path.join(path.dirname(dataDir), "evil.txt"))).toThrow();
  });

  it("an audit event rewritten in the database (triggers off, the chain recomputed to hide it) makes the next pack fail against the checkpoint signed at sign-off", async () => {
    const y = await signedYear("pack-rewrite");
    await sign(y);
    const fp = (await getSigningKey({ ctx: y.admin }))!.fingerprint;
    expect(failed(run(readZip(await packBytes(y.admin, y.fy.id)), fp))).toEqual([]);
    const events = await prisma.auditEvent.findMany({ where: { organizationId: y.o }, orderBy: { seq: "asc" } });
    // Only edited: the chain check names the event.
    await prisma.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER ALL");
    try {
      await prisma.$executeRaw`UPDATE audit_events SET actor_label = 'someone else' WHERE organization_id = ${y.o}::uuid AND seq = 2`;
    } finally {
      await prisma.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER ALL");
    }
    const edited = run(readZip(await packBytes(y.admin, y.fy.id)), fp);
    expect(failed(edited)).toEqual(expect.arrayContaining(["audit log hash chain", "audit log vs signed checkpoint"]));
    expect(edited.find((r) => r.name === "audit log hash chain")!.detail).toMatch(/event #2/);

    // Edited and every later hash recomputed (a superuser hiding the change): the chain holds, the checkpoint does not.
    await prisma.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER ALL");
    try {
      const now = await prisma.auditEvent.findMany({ where: { organizationId: y.o }, orderBy: { seq: "asc" } });
      let prev = now[0].hash;
      for (const e of now.slice(1)) {
        const hash = eventHash({ ...e, before: e.before ?? null, after: e.after ?? null, prevHash: prev });
        await prisma.$executeRaw`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${e.id}`;
        prev = hash;
      }
    } finally {
      await prisma.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER ALL");
    }
    const hidden = run(readZip(await packBytes(y.admin, y.fy.id)), fp);
    expect(failed(hidden)).toEqual(["audit log vs signed checkpoint"]);
    const rewritten = await prisma.auditEvent.findMany({ where: { organizationId: y.o }, orderBy: { seq: "asc" } });
    expect(merkleRoot(rewritten.slice(0, 3).map((e) => Buffer.from(e.hash, "hex"))).equals(merkleRoot(events.slice(0, 3).map((e) => Buffer.from(e.hash, "hex"))))).toBe(false);
    // The stored checkpoints no longer match the log: the consistency service says so.
    const [first, ...rest] = await listCheckpoints({ ctx: y.admin });
    expect((await getConsistencyProof({ ctx: y.admin, input: { from: first.id, to: rest[rest.length - 1].id } })).logMatchesCheckpoints).toBe(false);
  }, 60_000);
});
