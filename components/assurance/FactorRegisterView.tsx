import { formatCount, formatMassKg } from "@/lib/format";
import type { FactorRegister } from "@/lib/views/assurance-procedures";
import { TableScroll } from "../ui/TableScroll";

const th = "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

export function FactorRegisterView({ r }: { r: FactorRegister }) {
  return (
    <div className="flex flex-col gap-6">
      <TableScroll label="Factors used">
        <table className="w-full text-sm" data-testid="factor-register">
          <thead><tr><th className={th}>Factor</th><th className={th}>Publisher · dataset</th><th className={th}>Year</th><th className={`${th} text-right`}>Value</th><th className={th}>Licence</th><th className={th}>GWP</th><th className={`${th} text-right`}>Lines</th><th className={`${th} text-right`}>Priced</th></tr></thead>
          <tbody>
            {r.factors.map((f) => (
              <tr key={f.factorId} className="border-t border-slate-100">
                <td className="py-1.5">{f.keyType.toLowerCase().replace(/_/g, " ")} <span className="font-medium">{f.key}</span> <span className="text-xs text-slate-500">{f.method.toLowerCase().replace(/_/g, " ")}</span></td>
                <td>{f.publisher} · {f.dataset} <span className="text-slate-500">v{f.datasetVersion}</span></td>
                <td className="tabular-nums">{f.year ?? "—"}</td>
                <td className="text-right tabular-nums">{f.value} {f.unit}{f.sourceValue && f.sourceUnit ? <span className="block text-xs text-slate-500">as published: {f.sourceValue} {f.sourceUnit}</span> : null}</td>
                <td>{f.url ? <a className="text-sky-800 hover:underline" href={f.url}>{f.licence}</a> : f.licence}</td>
                <td>{f.gwpBasis ?? "—"}</td>
                <td className="text-right tabular-nums">{formatCount(f.lines)}</td>
                <td className="text-right tabular-nums">{formatMassKg(f.kgCo2e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Changed against {r.priorPeriod ?? "the previous period (none)"}</h2>
        {r.changes.length === 0 ? (
          <p className="text-sm text-slate-600">{r.priorPeriod ? "No factor changed." : "There is no previous period to compare with."}</p>
        ) : (
          <TableScroll label="Factor changes">
            <table className="w-full text-sm" data-testid="factor-changes">
              <thead><tr><th className={th}>Key</th><th className={th}>Change</th><th className={th}>{r.priorPeriod}</th><th className={th}>{r.period.name}</th></tr></thead>
              <tbody>
                {r.changes.map((c) => (
                  <tr key={c.key} className="border-t border-slate-100">
                    <td className="py-1.5 font-mono text-xs">{c.key}</td>
                    <td className={c.change === "CHANGED" ? "font-medium text-amber-800" : ""}>{c.change.toLowerCase()}</td>
                    <td className="tabular-nums">{c.prior ? `${c.prior.value} ${c.prior.unit} (${c.prior.dataset} v${c.prior.datasetVersion}, ${c.prior.year ?? "no year"})` : "—"}</td>
                    <td className="tabular-nums">{c.current ? `${c.current.value} ${c.current.unit} (${c.current.dataset} v${c.current.datasetVersion}, ${c.current.year ?? "no year"})` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
