// The assurance area's index: engagements (materiality in tCO2e) and, per covered period, the signed version with its
// datapoints, each one click to the ledger lines behind it (vouching). Plain data in, no actions: read-only.
import Link from "next/link";
import { formatDecimal } from "@/lib/format";
import type { AssurancePeriod, EngagementView } from "@/lib/views/assurance";
import { Card } from "../ui/Card";
import { TableScroll } from "../ui/TableScroll";

export function AssuranceOverview({ org, engagements, periods }: { org: string; engagements: EngagementView[]; periods: AssurancePeriod[] }) {
  return (
    <>
      <Card title="Engagements">
        {engagements.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="no-engagement">No engagement covers any period for you yet.</p>
        ) : (
          <TableScroll label="Engagements">
            <table className="w-full text-left text-sm" data-testid="engagements-table">
              <thead className="text-xs uppercase text-slate-600">
                <tr><th className="py-2">Engagement</th><th>Firm</th><th>Fieldwork</th><th>Periods</th><th className="text-right">Overall (tCO₂e)</th><th className="text-right">Performance</th><th className="text-right">Clearly trivial</th><th>Status</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {engagements.map((e) => (
                  <tr key={e.id} data-testid="engagement-row">
                    <td className="py-2 font-medium">{e.name}</td>
                    <td>{e.firm}</td>
                    <td className="whitespace-nowrap">{e.startDate} – {e.endDate}</td>
                    <td>{e.periods.map((p) => p.name).join(", ") || "none"}</td>
                    <td className="text-right tabular-nums">{formatDecimal(e.overallTCo2e)}</td>
                    <td className="text-right tabular-nums">{formatDecimal(e.performanceTCo2e)}</td>
                    <td className="text-right tabular-nums">{formatDecimal(e.clearlyTrivialTCo2e)}</td>
                    <td>{e.status === "OPEN" ? "Open" : "Concluded"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
      {periods.map((p) => (
        <Card key={p.id} title={`${p.name} (${p.startDate} – ${p.endDate})`}>
          <div data-testid="assurance-period" data-period-id={p.id}>
            {p.signed && p.status === "SIGNED_OFF" ? (
              <p className="mb-3 text-sm" data-testid="signed-version">
                Signed version {p.signed.number} · sha256 <span className="break-all font-mono text-xs">{p.signed.sha256}</span> · prepared by {p.signed.preparedBy ?? "unknown"}, approved by {p.signed.approvedBy ?? "unknown"}
                {p.signed.approvedAt ? ` on ${p.signed.approvedAt.slice(0, 10)}` : ""}
              </p>
            ) : null}
            {p.signed && p.status === "SIGNED_OFF" ? (
              <nav aria-label={`Procedures on ${p.name}`} className="mb-3 flex flex-wrap gap-2 text-sm" data-testid="assurance-procedures">
                {[
                  ["Re-perform", `/${org}/assurance/${p.id}/reperform`],
                  ["Analytical review", `/${org}/assurance/${p.id}/analytics`],
                  ["Factor register", `/${org}/assurance/${p.id}/factors`],
                  ["Samples", `/${org}/assurance/${p.id}/samples`],
                ].map(([label, href]) => (
                  <Link key={href} href={href} className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-50">{label}</Link>
                ))}
                <a href={`/api/orgs/${org}/periods/${p.id}/evidence-pack.zip`} className="rounded-md bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700" data-testid="evidence-pack">Evidence pack (zip, signed)</a>
              </nav>
            ) : (
              <p className="mb-3 text-sm text-slate-600">Not signed off yet: no frozen version to examine. <Link className="underline" href={`/${org}/inventory/${p.id}`}>Open the draft inventory</Link>.</p>
            )}
            {p.datapoints.length > 0 ? (
              <TableScroll label={`Datapoints of ${p.name}`}>
                <table className="w-full text-left text-sm" data-testid="assurance-datapoints">
                  <thead className="text-xs uppercase text-slate-600">
                    <tr><th className="py-2">Datapoint</th><th>ESRS</th><th className="text-right">Value</th><th>Unit</th><th>Ledger lines</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {p.datapoints.map((d) => (
                      <tr key={d.name} data-testid="assurance-datapoint" data-name={d.name}>
                        <td className="py-1.5">{d.label}</td>
                        <td className="text-xs text-slate-600">{d.esrsReference}</td>
                        <td className="text-right tabular-nums">{d.value === null ? "—" : formatDecimal(d.value)}</td>
                        <td className="text-xs">{d.unit}</td>
                        <td>{d.linesQuery ? <Link className="underline" href={`/${org}/inventory/${p.id}/lines?${d.linesQuery}`}>Lines</Link> : <span className="text-xs text-slate-600">not a sum of lines</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
          </div>
        </Card>
      ))}
    </>
  );
}
