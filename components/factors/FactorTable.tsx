// One page of factors: key, year, method, value in kgCO2e per unit (exact, as stored) and as the source gave it.
import { TableScroll } from "@/components/ui/TableScroll";
import { formatDecimal } from "@/lib/format";
import type { FactorSearchResult } from "@/lib/views/factors";
import { DeleteFactorButton } from "./DeleteFactorButton";

export function FactorTable({ org, result, canEdit, pageHref }: { org: string; result: FactorSearchResult; canEdit: boolean; pageHref: (page: number) => string }) {
  if (result.total === 0) return <p className="text-sm text-slate-500" data-testid="factor-results-empty">No factor matches.</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600" data-testid="factor-results-count">
        {result.total} factor{result.total === 1 ? "" : "s"} · page {result.page} of {result.pages}
      </p>
      <TableScroll label="Factors">
        <table className="w-full text-left text-sm [&_td]:px-2 [&_th]:px-2" data-testid="factor-results">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">Key</th>
              <th>Year</th>
              <th>Method</th>
              <th className="text-right">Value</th>
              <th>As published</th>
              <th>Grid mix (fossil / nuclear / renewable); energy content; biogenic CO₂</th>
              <th>Dataset</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.factors.map((f) => (
              <tr key={f.id} data-testid="factor-row" data-key={f.key}>
                <td className="py-2">
                  <span className="text-xs text-slate-500">{f.keyType}</span> <span className="font-medium">{f.key}</span>
                  {f.description && <div className="text-xs text-slate-500">{f.description}</div>}
                </td>
                <td>
                  {f.year ?? "—"}
                  {(f.validFrom || f.validTo) && <div className="text-xs text-slate-500">{f.validFrom ?? "…"} – {f.validTo ?? "…"}</div>}
                </td>
                <td className="text-xs">{f.method}</td>
                <td className="whitespace-nowrap text-right tabular-nums" data-testid="factor-value">
                  {f.value} {f.unit}
                </td>
                <td className="text-xs text-slate-500">
                  {f.sourceValue} {f.sourceUnit}
                  {f.hasEvidence && <span className="ml-1 rounded bg-emerald-50 px-1 text-emerald-800">evidence</span>}
                </td>
                <td className="text-xs tabular-nums">
                  {f.fossilShare && f.nuclearShare && f.renewableShare ? [f.fossilShare, f.nuclearShare, f.renewableShare].map((s) => formatDecimal(s)).join(" / ") : f.renewableShare ? `renewable ${formatDecimal(f.renewableShare)}` : "—"}
                  {f.energyKwhPerUnit && <div data-testid="factor-energy">{formatDecimal(f.energyKwhPerUnit)} kWh/{f.unit.split("/")[1]}</div>}
                  {f.biogenicKgCo2PerUnit && <div data-testid="factor-biogenic">biogenic {formatDecimal(f.biogenicKgCo2PerUnit)} kg CO₂/{f.unit.split("/")[1]}</div>}
                </td>
                <td className="text-xs">
                  {f.dataset.title} ({f.dataset.version}){f.dataset.locked && " · locked"}
                </td>
                {canEdit && <td>{!f.dataset.shipped && !f.dataset.locked && <DeleteFactorButton org={org} factorId={f.id} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {result.pages > 1 && (
        <nav className="mt-3 flex gap-3 text-sm" aria-label="Factor pages">
          {result.page > 1 && <a className="underline" href={pageHref(result.page - 1)}>← Previous</a>}
          {result.page < result.pages && <a className="underline" href={pageHref(result.page + 1)}>Next →</a>}
        </nav>
      )}
    </>
  );
}
