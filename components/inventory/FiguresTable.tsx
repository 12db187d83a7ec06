// ESRS E1-6 figures of a period, each linked to the ledger lines behind it.
import Link from "next/link";
import { TableScroll } from "@/components/ui/TableScroll";
import { formatMassKg, formatTCo2eFromKg } from "@/lib/format";
import type { E16 } from "@/lib/ghg/aggregate";

export function FiguresTable({ e16, linesHref }: { e16: E16; linesHref: (q: Record<string, string>) => string }) {
  const rows: { label: string; kg: string; q: Record<string, string>; strong?: boolean; testId: string }[] = [
    { label: "Gross Scope 1", kg: e16.scope1KgCo2e, q: { scope: "SCOPE_1" }, testId: "fig-s1" },
    { label: "Gross Scope 2, location-based", kg: e16.scope2LbKgCo2e, q: { scope: "SCOPE_2", view: "lb" }, testId: "fig-s2-lb" },
    { label: "Gross Scope 2, market-based", kg: e16.scope2MbKgCo2e, q: { scope: "SCOPE_2", view: "mb" }, testId: "fig-s2-mb" },
    ...e16.scope3ByCategory.flatMap((c) => [
      { label: `Scope 3 category ${c.category}, location-based`, kg: c.lbKgCo2e, q: { scope: "SCOPE_3", view: "lb", category: String(c.category) }, testId: `fig-s3-${c.category}-lb` },
      { label: `Scope 3 category ${c.category}, market-based`, kg: c.mbKgCo2e, q: { scope: "SCOPE_3", view: "mb", category: String(c.category) }, testId: `fig-s3-${c.category}-mb` },
    ]),
    { label: "Gross Scope 3, location-based", kg: e16.scope3LbKgCo2e, q: { scope: "SCOPE_3", view: "lb" }, testId: "fig-s3-lb" },
    { label: "Gross Scope 3, market-based", kg: e16.scope3MbKgCo2e, q: { scope: "SCOPE_3", view: "mb" }, testId: "fig-s3-mb" },
    { label: "Total GHG emissions, location-based", kg: e16.totalLbKgCo2e, q: { view: "lb" }, strong: true, testId: "fig-total-lb" },
    { label: "Total GHG emissions, market-based", kg: e16.totalMbKgCo2e, q: { view: "mb" }, strong: true, testId: "fig-total-mb" },
  ];
  return (
    <TableScroll label="E1-6 gross GHG emissions">
      <table className="w-full text-left text-sm" data-testid="e16-table">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-2">E1-6 datapoint</th><th className="text-right">tCO₂e</th><th className="text-right">CO₂e, scaled</th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.testId} className={r.strong ? "font-semibold" : undefined}>
              <td className="py-1.5"><Link href={linesHref(r.q)} className="text-sky-800 hover:underline">{r.label}</Link></td>
              <td className="text-right tabular-nums" data-testid={r.testId}>{formatTCo2eFromKg(r.kg)}</td>
              <td className="text-right tabular-nums text-slate-500">{formatMassKg(r.kg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
