// How long each step of a recalculation takes, printed when SCOPEBOOK_RECALC_PHASES=1 (bench:recalc sets it): the
// benchmark reports where the time goes, the service stays silent otherwise.
export function phaseClock(label: string): { lap(name: string): void; done(): void } {
  const on = process.env.SCOPEBOOK_RECALC_PHASES === "1";
  let t = performance.now();
  const parts: string[] = [];
  return {
    lap(name) {
      if (!on) return;
      const now = performance.now();
      parts.push(`${name} ${((now - t) / 1000).toFixed(2)} s`);
      t = now;
    },
    done() {
      if (on) console.log(`[${label}] ${parts.join(", ")}`);
    },
  };
}
