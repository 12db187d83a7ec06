import Link from "next/link";
import { formatCount, formatMassKg } from "@/lib/format";
import type { ReperformResult } from "@/lib/views/assurance-procedures";
import { TableScroll } from "../ui/TableScroll";

const th = "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

/** Datapoints recomputed vs reported, and the page of lines whose recomputation differs. */
export function ReperformView({ r, pageHref }: { r: ReperformResult; pageHref: (page: number) => string }) {
  const { page, pageSize, lines } = r.differing;
  return (
    <div className="flex flex-col gap-6">
      <p data-testid="reperform-verdict" className={`rounded-md px-4 py-3 text-sm font-medium ${r.allEqual ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
        {r.allEqual
          ? `Recomputed = reported: all ${formatCount(r.lines)} lines and ${r.datapoints.length} datapoints agree to the digit.`
          : `${formatCount(r.differingLines)} of ${formatCount(r.lines)} lines differ from their recomputation; ${r.datapoints.filter((d) => !d.equal).length} datapoints differ from what was reported.`}
      </p>
      <p className="text-sm text-slate-700" data-testid="reperform-sources">
        Source quantities: {formatCount(r.sources.activityRecords)} activity records (quantity × unit conversion = normalized quantity = Σ of their lines) and {formatCount(r.sources.runLines)} tracker-run lines (kWh = run energy × site PUE where applied) —{" "}
        {r.sources.activityDiffering + r.sources.runDiffering === 0 ? "all agree." : `${formatCount(r.sources.activityDiffering)} records and ${formatCount(r.sources.runDiffering)} run lines differ.`}
      </p>
      {r.sources.examples.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-red-900">
          {r.sources.examples.map((e) => <li key={`${e.kind}${e.recordId}${e.what}`}>{e.kind.toLowerCase()} {e.recordId}: {e.what} (expected {e.expected ?? "—"}, stated {e.stated ?? "—"})</li>)}
        </ul>
      )}
      <TableScroll label="Datapoints">
        <table className="w-full text-sm" data-testid="reperform-datapoints">
          <thead><tr><th className={th}>Datapoint</th><th className={`${th} text-right`}>Reported</th><th className={`${th} text-right`}>Recomputed</th><th className={th}>Result</th><th className={`${th} text-right`}>Differing lines</th></tr></thead>
          <tbody>
            {r.datapoints.map((d) => (
              <tr key={d.datapoint} className="border-t border-slate-100">
                <td className="py-1.5 font-mono text-xs">{d.datapoint}</td>
                <td className="text-right tabular-nums" title={`${d.reportedKgCo2e} kgCO2e`}>{formatMassKg(d.reportedKgCo2e)}</td>
                <td className="text-right tabular-nums" title={`${d.recomputedKgCo2e} kgCO2e`}>{formatMassKg(d.recomputedKgCo2e)}</td>
                <td className={d.equal ? "text-emerald-800" : "font-medium text-red-800"}>{d.equal ? "recomputed = reported" : "differs"}</td>
                <td className="text-right tabular-nums">{formatCount(d.differingLines)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {r.differingLines > 0 && (
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Lines that differ ({formatCount(r.differingLines)})</h2>
          <TableScroll label="Differing lines">
            <table className="w-full text-sm" data-testid="reperform-lines">
              <thead><tr><th className={th}>Line</th><th className={th}>Scope</th><th className={`${th} text-right`}>Quantity</th><th className={`${th} text-right`}>Factor (line / library)</th><th className={`${th} text-right`}>Stored kgCO2e</th><th className={`${th} text-right`}>Recomputed kgCO2e</th></tr></thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.lineId} className="border-t border-slate-100">
                    <td className="py-1.5 font-mono text-xs">{l.lineId}</td>
                    <td>{l.scope.replace("SCOPE_", "S")}{l.scope3Category ? ` cat ${l.scope3Category}` : ""} {l.method === "NOT_APPLICABLE" ? "" : l.method === "LOCATION_BASED" ? "LB" : "MB"}</td>
                    <td className="text-right tabular-nums">{l.activityQuantity} {l.activityUnit}</td>
                    <td className="text-right tabular-nums">{l.statedFactorValue ?? "—"} / {l.libraryFactorValue ?? "—"} {l.factorUnit ?? ""}</td>
                    <td className="text-right tabular-nums">{l.storedKgCo2e ?? "—"}</td>
                    <td className="text-right tabular-nums">{l.recomputedKgCo2e ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="mt-2 flex gap-4 text-sm">
            {page > 1 && <Link className="text-sky-800 hover:underline" href={pageHref(page - 1)}>Previous</Link>}
            {page * pageSize < r.differingLines && <Link className="text-sky-800 hover:underline" href={pageHref(page + 1)}>Next</Link>}
          </div>
        </section>
      )}
    </div>
  );
}
