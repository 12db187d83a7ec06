// npm run bench:api — CodeCarbon's live protocol under load: a fresh embedded Postgres and the production server
// (built into .next-bench unless SCOPEBOOK_NEXT_DIST_DIR says otherwise), an organization, project, token,
// experiment and runs created through the services, then N concurrent clients on loopback POST /emissions
// as fast as the server answers. Prints sustained emissions/s and p50/p95/p99 latency per server and phase, and
// checks that every accepted emission was counted exactly once in its run's total.
//
//   server "next":       `next start` (as `npm start` runs it by default)
//   server "fast-path":  SCOPEBOOK_TRACKER_FAST_PATH=1 (scripts/lib/server.ts: POST /emissions outside Next's router)
//   phase "one-run":        all clients append to the same run (they share its row lock: group commit matters)
//   phase "run-per-client": each client its own run (many trackers at once)
//
// Environment: BENCH_CLIENTS (32), BENCH_SECONDS (20 per phase), BENCH_PHASES ("one-run,run-per-client"),
// BENCH_SERVERS ("next,fast-path"), SCOPEBOOK_BENCH_PORT (3390), SCOPEBOOK_BENCH_PG_PORT (54450),
// BENCH_CPU_PROF=<dir> (a V8 CPU profile of the server), BENCH_CALCULATED_PERIOD=1 (the emissions' year is a
// reporting period calculated before the load: every batch checks whether its runs need a staleness marker, and
// each run gets one, decision 0021; the markers written are counted at the end).
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Decimal from "decimal.js";
import pg from "pg";
import { ROOT, ensureBuild, ensureDatabase, startNext } from "./lib/boot";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PHASES = (process.env.BENCH_PHASES ?? "one-run,run-per-client").split(",").map((p) => p.trim());
const SERVERS = (process.env.BENCH_SERVERS ?? "next,fast-path").split(",").map((p) => p.trim());
const PORT = Number(process.env.SCOPEBOOK_BENCH_PORT ?? 3390);
const PG_PORT = Number(process.env.SCOPEBOOK_BENCH_PG_PORT ?? 54450);
const CALCULATED_PERIOD = process.env.BENCH_CALCULATED_PERIOD === "1";
const TARGET_PER_S = 2000;
const TARGET_P95_MS = 50;
/** energy_consumed of every benchmark emission (the first one CodeCarbon 3.3.0 sent in the captured run). */
const ENERGY_KWH = "0.000006242563836468334";

const log = (l: string) => console.log(`[bench:api] ${l}`);
/** decimal.js rounds to 20 significant digits by default: the expected totals need more. */
const Exact = Decimal.clone({ precision: 100 });

function emissionBody(runId: string, timestamp: string): string {
  return (
    `{"timestamp": "${timestamp}", "run_id": "${runId}", "duration": 1, "emissions_sum": 2.4579190100373373e-08, ` +
    `"emissions_rate": 1.6470627498152715e-08, "cpu_power": 0.9816668666, "gpu_power": 0.0, "ram_power": 20.0, ` +
    `"cpu_energy": 3.431481809131789e-07, "gpu_energy": 0.0, "ram_energy": 5.899415655555155e-06, ` +
    `"energy_consumed": ${ENERGY_KWH}, "cpu_utilization_percent": 50.0, "gpu_utilization_percent": 0, ` +
    `"ram_utilization_percent": 2.2, "wue": 0.0}`
  );
}

interface Reply {
  status: number;
  body: string;
  ms: number;
}

function request(agent: http.Agent, method: string, urlPath: string, token: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: urlPath,
        method,
        agent,
        headers: { "content-type": "application/json", "x-api-token": token, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function waitForServer(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: "127.0.0.1", port: PORT, path: "/api/health" }, (res) => (res.resume(), resolve(res.statusCode === 200))).on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer on port ${PORT}`);
}

interface PhaseResult {
  name: string;
  accepted: number;
  acceptedPerRun: Map<string, number>;
  errors: Record<string, number>;
  seconds: number;
  latenciesMs: number[];
}

let sequence = 0;
const BASE_MS = Date.UTC(2026, 0, 1);

/** CLIENTS loops, each POSTing the next emission as soon as the previous one is answered, for `seconds`. */
async function drive(name: string, token: string, runFor: (client: number) => string, seconds: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latenciesMs: number[] = [];
  const errors: Record<string, number> = {};
  let accepted = 0;
  const acceptedPerRun = new Map<string, number>();
  const start = Date.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (Date.now() < end) {
        const timestamp = new Date(BASE_MS + sequence++).toISOString();
        const runId = runFor(client);
        const reply = await request(agent, "POST", "/api/codecarbon/emissions", token, emissionBody(runId, timestamp)).catch((err: Error) => ({ status: 0, body: err.message, ms: 0 }));
        if (reply.status === 201) {
          accepted++;
          acceptedPerRun.set(runId, (acceptedPerRun.get(runId) ?? 0) + 1);
          latenciesMs.push(reply.ms);
        } else {
          const key = `${reply.status} ${reply.body.slice(0, 80)}`;
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  agent.destroy();
  return { name, accepted, acceptedPerRun, errors, seconds: (Date.now() - start) / 1000, latenciesMs };
}

/** "next": `next start`, as shipped; "fast-path": SCOPEBOOK_TRACKER_FAST_PATH=1 (scripts/lib/server.ts). */
function startServer(server: string, env: NodeJS.ProcessEnv): ChildProcess {
  const cpuProf = process.env.BENCH_CPU_PROF;
  log(`starting the production server (${server}) on ${PORT} from ${process.env.SCOPEBOOK_NEXT_DIST_DIR}${cpuProf ? `, CPU profile into ${cpuProf}` : ""}`);
  const fast = server === "fast-path";
  const serverEnv = { ...env, SCOPEBOOK_TRACKER_FAST_PATH: fast ? "1" : "0" };
  if (!cpuProf) return startNext({ dev: false, host: "127.0.0.1", port: PORT, env: serverEnv });
  const prof = ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProf)}`];
  const args = fast
    ? [...prof, "--import", "tsx", path.join(ROOT, "scripts", "lib", "server.ts"), "127.0.0.1", String(PORT)]
    : [...prof, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(PORT)];
  return spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: serverEnv });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

async function main() {
  process.env.SCOPEBOOK_NEXT_DIST_DIR ||= ".next-bench";
  const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-bench-api-"));
  chmodSync(dir, 0o755); // when root, Postgres runs as a created "postgres" user that must reach its data folder
  delete process.env.DATABASE_URL;
  const db = await ensureDatabase({ dataDir: path.join(dir, "pg"), port: PG_PORT, log });
  const secret = "bench-secret-bench-secret-bench-secret-0123";
  const env = { ...process.env, NODE_ENV: "production" as const, NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, NEXTAUTH_SECRET: secret };
  let next: ChildProcess | null = null;
  try {
    ensureBuild(log, env);

    // Data through the same services as the app.
    const { prisma } = await import("../lib/db/client");
    const { requireMembership } = await import("../lib/auth/context");
    const { requireApiToken } = await import("../lib/auth/api-token");
    const { createOrganization } = await import("../lib/services/organizations/create-organization");
    const { createProject } = await import("../lib/services/projects/create-project");
    const { createApiToken } = await import("../lib/services/organizations/create-api-token");
    const { createExperiment } = await import("../lib/services/tracker-api/create-experiment");
    const { createRun } = await import("../lib/services/tracker-api/create-run");
    const { users } = await createOrganization({
      db: prisma,
      input: {
        slug: "bench",
        name: "Bench",
        members: [
          { email: "engineer@bench.test", name: "Engineer", password: "bench-password", role: "ENGINEER" },
          ...(CALCULATED_PERIOD ? [{ email: "officer@bench.test", name: "Officer", password: "bench-password", role: "OFFICER" as const }] : []),
        ],
      },
    });
    const engineer = await requireMembership({ userId: users[0].id, orgSlug: "bench", requestId: "bench" });
    const project = await createProject({ ctx: engineer, input: { name: "bench" } });
    const { token } = await createApiToken({ ctx: engineer, input: { projectId: project.id, name: "bench" } });
    const tracker = await requireApiToken({ token, requestId: "bench" });
    const experiment = await createExperiment({ ctx: tracker, input: { name: "bench", project_id: project.id } });
    const newRun = async () => (await createRun({ ctx: tracker, input: { timestamp: new Date().toISOString(), experiment_id: experiment.id } })).id;
    const runsPerClient = await Promise.all(Array.from({ length: CLIENTS }, newRun));
    const warmupRun = await newRun();
    if (CALCULATED_PERIOD) {
      const { recalculatePeriod } = await import("../lib/services/inventory/recalculate-period");
      const officer = await requireMembership({ userId: users.find((u) => u.role === "OFFICER")!.id, orgSlug: "bench", requestId: "bench" });
      const p = await prisma.reportingPeriod.create({
        data: { organizationId: engineer.organization.id, name: "FY2026", startDate: new Date(BASE_MS), endDate: new Date(Date.UTC(2026, 11, 31)), consolidationApproach: "OPERATIONAL_CONTROL" },
      });
      await recalculatePeriod({ ctx: officer, input: { periodId: p.id } });
      log("FY2026 (the emissions' year) calculated before the load: batches check for staleness markers");
    }
    await prisma.$disconnect();

    const results: (PhaseResult & { server: string })[] = [];
    const acceptedSoFar = new Map<string, number>();
    const agent = new http.Agent({ keepAlive: true });
    for (const server of SERVERS) {
      next = startServer(server, env);
      await waitForServer(60_000);
      log(`warm-up: 3 s, ${CLIENTS} clients`);
      const warm = await drive("warm-up", token, () => warmupRun, 3);
      acceptedSoFar.set(warmupRun, (acceptedSoFar.get(warmupRun) ?? 0) + warm.accepted);
      for (const phase of PHASES) {
        const runFor = phase === "one-run" ? () => runsPerClient[0] : (client: number) => runsPerClient[client];
        log(`${server}, phase "${phase}": ${CLIENTS} clients for ${SECONDS} s`);
        const r = await drive(phase, token, runFor, SECONDS);
        results.push({ ...r, server });
        // Every accepted emission counted once: each run's total is exactly its accepted emissions × the delta.
        for (const [runId, n] of r.acceptedPerRun) {
          const reply = await request(agent, "GET", `/api/codecarbon/runs/${runId}`, token);
          const total = /"energy_consumed":(-?[0-9.]+)/.exec(reply.body)?.[1] ?? "missing";
          acceptedSoFar.set(runId, (acceptedSoFar.get(runId) ?? 0) + n);
          const expected = new Exact(ENERGY_KWH).times(acceptedSoFar.get(runId)!);
          if (total === "missing" || !expected.eq(total)) throw new Error(`run ${runId}: total ${total} kWh, expected ${expected.toFixed()} kWh`);
        }
        log(`  checked: every run's total = its accepted emissions × ${ENERGY_KWH} kWh, exactly (${r.accepted} accepted)`);
      }
      await stopServer(next);
      next = null;
    }
    agent.destroy();

    console.log("");
    console.log(`CodeCarbon live API (POST /emissions), ${CLIENTS} concurrent clients on loopback, ${os.cpus().length} CPUs, Node ${process.version}`);
    console.log("server      phase            emissions/s     p50 ms   p95 ms   p99 ms   max ms   errors");
    for (const r of results) {
      const sorted = [...r.latenciesMs].sort((a, b) => a - b);
      const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
      console.log(
        `${r.server.padEnd(11)} ${r.name.padEnd(16)} ${(r.accepted / r.seconds).toFixed(0).padStart(11)} ${quantile(sorted, 0.5).toFixed(1).padStart(10)} ${quantile(sorted, 0.95).toFixed(1).padStart(8)} ${quantile(sorted, 0.99).toFixed(1).padStart(8)} ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(8)} ${String(errors).padStart(8)}`,
      );
      for (const [k, n] of Object.entries(r.errors)) console.log(`    ${n} × ${k}`);
    }
    console.log(`target: ≥ ${TARGET_PER_S} emissions/s, p95 < ${TARGET_P95_MS} ms`);
    if (CALCULATED_PERIOD) {
      const pgClient = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await pgClient.connect();
      const { rows } = await pgClient.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'run.measurements-added'");
      await pgClient.end();
      console.log(`staleness markers written: ${rows[0].n} (one per run that got emissions after FY2026 was calculated: ${CLIENTS + 1} runs)`);
    }
  } finally {
    if (next) await stopServer(next);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
