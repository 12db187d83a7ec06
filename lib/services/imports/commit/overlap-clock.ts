// Where a commit's wall-clock time goes between Node and the database, printed when SCOPEBOOK_IMPORT_PHASES=1
// (bench:ingest sets it); silent otherwise. "waiting" is Node idle on a batch still being written (the database is
// the bottleneck); "database idle" is time with no batch on the connection (Node is).
export function overlapClock(label: string) {
  const on = process.env.SCOPEBOOK_IMPORT_PHASES === "1";
  const t0 = performance.now();
  let waiting = 0;
  let idle = 0;
  let writing = 0;
  let idleSince = t0;
  let batches = 0;
  return {
    /** A batch goes to the connection. */
    started(): number {
      const now = performance.now();
      idle += now - idleSince;
      batches++;
      return now;
    },
    /** The batch started at `since` is written. */
    written(since: number): void {
      const now = performance.now();
      writing += now - since;
      idleSince = now;
    },
    /** Node waited `ms` for the batch in flight before it could send the next one. */
    waited(ms: number): void {
      waiting += ms;
    },
    done(): void {
      if (!on) return;
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `[${label}] ${batches} batches in ${s(performance.now() - t0)}: batches on the connection ${s(writing)}, ` +
          `Node waiting for the database ${s(waiting)}, database idle (no batch in flight) ${s(idle)}`,
      );
    },
  };
}
