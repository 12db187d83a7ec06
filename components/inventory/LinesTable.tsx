// Ledger lines with their factor (dataset, version, year, resolution) and their source record (run, import row…).
import { TableScroll } from "@/components/ui/TableScroll";
import { formatDecimal, formatExact, formatMassKg } from "@/lib/format";
import type { LineView } from "@/lib/views/inventory";

const METHOD = { LOCATION_BASED: "LB", MARKET_BASED: "MB", NOT_APPLICABLE: "—" } as const;

export function LinesTable({ lines, total, org, testId, label = "Ledger lines" }: { lines: (LineView & { deleted?: string | null })[]; total: number; org: string; testId?: string; label?: string }) {
  if (lines.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <>
      <TableScroll label={label}>
        <table className="w-full text-left text-xs" data-testid={testId}>
          <thead className="uppercase text-slate-500">
            <tr><th className="py-2">Month</th><th>Scope</th><th>Method</th><th>Source</th><th className="text-right">Activity</th><th className="text-right">Factor</th><th className="text-right">Emissions</th><th>Factor and why</th><th>Flags</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {lines.map((l) => (
              <tr key={l.id} data-testid="ledger-line" className={l.status === "UNRESOLVED" ? "bg-amber-50" : undefined}>
                <td className="py-1.5">{l.month}</td>
                <td>{l.scope.replace("SCOPE_", "S")}{l.scope3Category ? ` cat. ${l.scope3Category}` : ""}</td>
                <td>{METHOD[l.method as keyof typeof METHOD] ?? l.method}</td>
                <td>
                  <div>{l.source.label}</div>
                  {l.deleted && <div className="text-rose-800" data-testid="line-deleted">{l.deleted}</div>}
                  {l.source.importId && (
                    <a className="text-sky-800 hover:underline" href={`/${org}/imports/${l.source.importId}`}>
                      {l.source.importFile ?? "import"}{l.source.rowNumber ? `, row ${l.source.rowNumber}` : ""}
                    </a>
                  )}
                  {l.source.trackerEmissionsKgCo2e !== null && (
                    <div className="text-slate-500">tracker-reported {formatMassKg(l.source.trackerEmissionsKgCo2e)}{l.source.trackerRatio ? ` (× ${formatDecimal(l.source.trackerRatio)} of Scopebook's)` : ""}, not summed</div>
                  )}
                </td>
                <td className="text-right tabular-nums">{formatExact(l.activityQuantity)} {l.activityUnit}</td>
                <td className="text-right tabular-nums">{l.factorValue !== null ? `${formatExact(l.factorValue)} ${l.factorUnit ?? ""}` : "—"}</td>
                <td className="text-right tabular-nums font-medium">{l.emissionsKgCo2e !== null ? formatMassKg(l.emissionsKgCo2e) : "unresolved"}</td>
                <td className="max-w-md">
                  {l.factor && (
                    <div>
                      {l.factor.publisher}: {l.factor.dataset} v{l.factor.version}, {l.factor.keyType} {l.factor.key}{l.factor.year ? ` ${l.factor.year}` : ""}
                      {l.factor.sourceValue && ` (source: ${formatExact(l.factor.sourceValue)} ${l.factor.sourceUnit ?? ""})`}
                    </div>
                  )}
                  {l.instrument && <div>{l.instrument.type.replace(/_/g, " ").toLowerCase()} {l.instrument.certificateId ?? ""} ({l.instrument.market})</div>}
                  <div className="text-slate-500">{l.resolution}</div>
                </td>
                <td>{[l.nature.toLowerCase().replace("_", "-"), ...l.qualityFlags.filter((f) => f !== l.nature.toLowerCase().replace("_", "-"))].join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {total > lines.length && <p className="mt-2 text-xs text-slate-500">Showing {lines.length} of {total} lines.</p>}
    </>
  );
}
