// CPU seconds of the benchmark's own Postgres (all its processes), read from /proc: a figure the other work on a
// shared machine does not inflate as much as wall-clock time. Used by bench:ingest and bench:recalc.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

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
