// What the ingest benchmarks measure besides wall-clock time: peak RSS (sampled) and CPU seconds of Node and of the
// benchmark's Postgres (every process of it, live or ended), so a figure says where the time per row went.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

/** Peak RSS over a stretch of work, sampled every 50 ms (process.resourceUsage().maxRSS never goes down). */
export function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/** CPU seconds of a /proc/<pid>/stat: own (utime + stime), and of its reaped children (cutime + cstime). */
function procCpu(pid: string): { own: number; children: number } {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { own: (Number(f[11]) + Number(f[12])) / 100, children: (Number(f[13]) + Number(f[14])) / 100 };
  } catch {
    return { own: 0, children: 0 };
  }
}

/** CPU seconds used so far by the benchmark's Postgres: the postmaster, its live backends, and the ended ones. */
export function databaseCpu(pgDataDir: string): number {
  const postmaster = readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0].trim();
  const main = procCpu(postmaster);
  let total = main.own + main.children;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1] === postmaster) total += procCpu(pid).own;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Node's CPU seconds between two process.cpuUsage() readings. */
export const nodeCpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
