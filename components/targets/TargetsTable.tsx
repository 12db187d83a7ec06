// One target: its coverage and base, and the trajectory per year beside the progress of each calculated period.
import { TableScroll } from "@/components/ui/TableScroll";
import { formatDecimal, formatMassKg, formatPercent } from "@/lib/format";
import type { TargetView } from "@/lib/views/targets";

/** A reduction against the base as a change: "−6.667 %", "0 %", or "+3 %" when emissions rose (exact text in). */
function asChange(reductionPercent: string): string {
  if (/^-?0*(\.0*)?$/.test(reductionPercent)) return "0 %";
  return reductionPercent.startsWith("-") ? `+${formatPercent(reductionPercent.slice(1))}` : `−${formatPercent(reductionPercent)}`;
}

export function TargetsTable({ target: t }: { target: TargetView }) {
  const value = (v: string | null) => (v === null ? "—" : t.kind === "ABSOLUTE" ? formatMassKg(v) : `${formatDecimal(v)} ${t.unit}`);
  const actual = new Map(t.progress.map((p) => [p.year, p]));
  return (
    <div className="flex flex-col gap-3 text-sm text-slate-700" data-testid="target">
      <p>
        {t.coverage} · −{formatPercent(t.reductionPercent)} by {t.targetYear} against {t.baseYear} ({value(t.baseValue)},{" "}
        {t.baseSource === "PERIOD" ? `stated figures of ${t.basePeriod?.name ?? t.baseYear}` : `entered: ${t.baseEvidence ?? ""}`})
        {t.milestones.length > 0 && <> · milestones {t.milestones.map((m) => `${m.year}: −${formatPercent(m.reductionPercent)}`).join(", ")}</>}
      </p>
      <TableScroll label={`Trajectory of ${t.name}`}>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-600">
            <tr><th className="py-1 pr-4">Year</th><th className="pr-4 text-right">Reduction</th><th className="pr-4 text-right">Allowed</th><th className="pr-4 text-right">Actual</th><th className="pr-4">Progress</th></tr>
          </thead>
          <tbody>
            {t.trajectory.map((p) => {
              const a = actual.get(p.year);
              return (
                <tr key={p.year} className="border-t border-slate-100">
                  <td className="py-1 pr-4">{p.year}</td>
                  <td className="pr-4 text-right">{asChange(p.reductionPercent)}</td>
                  <td className="pr-4 text-right">{value(p.value)}</td>
                  <td className="pr-4 text-right">{a ? value(a.value) : ""}</td>
                  <td className="pr-4">{a ? `${a.periodName}: ${a.achievedPercent === null ? "—" : `${asChange(a.achievedPercent)} against ${t.baseYear}`}${a.onTrack === null ? "" : a.onTrack ? ", on track" : `, off track (trajectory ${asChange(p.reductionPercent)})`}` : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
