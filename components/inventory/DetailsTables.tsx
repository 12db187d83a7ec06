// What the inventory shows beside the figures: instruments (applied, excluded with the failing criterion, surplus),
// the provider-vs-runs reconciliation, restatement (previously vs currently stated) and SCI.
import { TableScroll } from "@/components/ui/TableScroll";
import { formatCount, formatDecimal, formatEnergyKwh, formatMassKg, formatTCo2eFromKg } from "@/lib/format";
import type { InventoryData } from "@/lib/views/inventory";

const th = "py-2";

export function InstrumentsTable({ rows }: { rows: InventoryData["instruments"] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No contractual instruments.</p>;
  return (
    <TableScroll label="Contractual instruments">
      <table className="w-full text-left text-sm" data-testid="instruments-table">
        <thead className="text-xs uppercase text-slate-500"><tr><th className={th}>Order</th><th>Instrument</th><th>Market</th><th>Vintage</th><th className="text-right">Volume</th><th className="text-right">Applied</th><th className="text-right">Surplus (not applied)</th><th>Status</th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.instrumentId} className={r.status === "EXCLUDED" ? "bg-rose-50" : undefined}>
              <td className="py-1.5">{r.order ?? "—"}</td>
              <td>{r.type.replace(/_/g, " ").toLowerCase()} {r.certificateId ?? ""}</td>
              <td>{r.market}</td>
              <td>{r.vintage}</td>
              <td className="text-right tabular-nums">{formatDecimal(r.volumeMwh)} MWh</td>
              <td className="text-right tabular-nums">{formatDecimal(r.allocatedMwh)} MWh</td>
              <td className="text-right tabular-nums">{formatDecimal(r.surplusMwh)} MWh</td>
              <td>{r.failing ? `excluded — ${r.failing.criterion}: ${r.failing.reason}` : "applied"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ReconciliationTable({ rows }: { rows: InventoryData["reconciliation"] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No project × month covered by both a provider export and tracker runs.</p>;
  return (
    <TableScroll label="Provider exports vs tracker runs">
      <table className="w-full text-left text-sm" data-testid="reconciliation-table">
        <thead className="text-xs uppercase text-slate-500"><tr><th className={th}>Project</th><th>Month</th><th>Provider</th><th className="text-right">Provider (LB, counted)</th><th className="text-right">Runs</th><th className="text-right">Σ runs computed</th><th className="text-right">Difference</th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.projectId}-${r.month}`}>
              <td className="py-1.5">{r.projectName}</td>
              <td>{r.month.slice(0, 7)}</td>
              <td>{r.providers.join(", ")} {r.accounts.join(", ")}</td>
              <td className="text-right tabular-nums">{formatMassKg(r.providerLbKgCo2e)}</td>
              <td className="text-right tabular-nums">{formatCount(r.runs)}{r.runsUnresolved ? ` (${r.runsUnresolved} unresolved)` : ""}</td>
              <td className="text-right tabular-nums">{formatMassKg(r.runsComputedKgCo2e)}</td>
              <td className="text-right tabular-nums">{formatMassKg(r.differenceKgCo2e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function SciTable({ rows }: { rows: InventoryData["sci"] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No measured runs with a resolved factor.</p>;
  return (
    <TableScroll label="SCI per project">
      <table className="w-full text-left text-sm" data-testid="sci-table">
        <thead className="text-xs uppercase text-slate-500"><tr><th className={th}>Project</th><th>Functional unit (R)</th><th className="text-right">E</th><th className="text-right">E × I (location-based)</th><th className="text-right">M</th><th className="text-right">SCI per unit</th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.projectId}>
              <td className="py-1.5">{r.projectName}</td>
              <td>{formatDecimal(r.functionalUnits)} × {r.functionalUnit}</td>
              <td className="text-right tabular-nums">{formatEnergyKwh(r.energyKwh)}</td>
              <td className="text-right tabular-nums">{formatMassKg(r.operationalKgCo2e)}</td>
              <td className="text-right tabular-nums">{formatMassKg(r.embodiedKgCo2e)}</td>
              <td className="text-right tabular-nums">{r.sciKgCo2ePerUnit ? formatMassKg(r.sciKgCo2ePerUnit) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RestatementTable({ restatement }: { restatement: NonNullable<InventoryData["restatement"]> }) {
  if (restatement.changes.length === 0) return <p className="text-sm text-slate-500">Version {restatement.previousNumber} and this version state the same figures.</p>;
  return (
    <TableScroll label="Restatement">
      <table className="w-full text-left text-sm" data-testid="restatement-table">
        <thead className="text-xs uppercase text-slate-500"><tr><th className={th}>Datapoint</th><th className="text-right">Previously stated (v{restatement.previousNumber})</th><th className="text-right">Currently stated</th><th className="text-right">Difference</th><th>Reason</th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {restatement.changes.map((c) => (
            <tr key={c.datapoint}>
              <td className="py-1.5">{c.datapoint}</td>
              <td className="text-right tabular-nums">{formatTCo2eFromKg(c.previouslyKgCo2e)}</td>
              <td className="text-right tabular-nums">{formatTCo2eFromKg(c.currentlyKgCo2e)}</td>
              <td className="text-right tabular-nums">{formatTCo2eFromKg(c.differenceKgCo2e)}</td>
              <td>{c.reason ? `${c.reason.toLowerCase().replace(/_/g, " ")}${c.note ? `: ${c.note}` : ""}` : <span className="text-amber-700">reason not entered</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
