// What the ingest benchmarks measure besides wall-clock time: peak RSS (sampled) and CPU seconds of Node and of the
// benchmark's Postgres (every process of it, live or ended), so a figure says where the time per row went.
import os from "node:os";

export { databaseCpu } from "./database-cpu";

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

/** Node's CPU seconds between two process.cpuUsage() readings. */
export const nodeCpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
