import { formatDecimal, formatMassKg, formatPercent } from "@/lib/format";
import type { AnalyticReview, AnalyticRow } from "@/lib/views/assurance-procedures";
import { TableScroll } from "../ui/TableScroll";
import { JsonForm } from "./JsonForm";

const th = "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const STATUS: Record<AnalyticRow["status"], { label: string; cls: string }> = {
  FLAGGED: { label: "above threshold", cls: "font-medium text-red-800" },
  WITHIN: { label: "within threshold", cls: "text-slate-700" },
  TRIVIAL: { label: "clearly trivial", cls: "text-slate-500" },
  NO_PRIOR: { label: "no prior year", cls: "text-slate-500" },
  NO_THRESHOLD: { label: "no engagement threshold", cls: "text-slate-500" },
};
const mass = (v: string | null) => (v === null ? "—" : formatMassKg(v));

export function AnalyticsTable({ r, url, canWork }: { r: AnalyticReview; url: string; canWork: boolean }) {
  return (
    <TableScroll label="Analytical review">
      <table className="w-full text-sm" data-testid="analytics">
        <thead><tr><th className={th}>Row</th><th className={`${th} text-right`}>{r.priorPeriod ?? "Prior"}</th><th className={`${th} text-right`}>Expectation</th><th className={`${th} text-right`}>Actual</th><th className={`${th} text-right`}>Difference</th><th className={th}>Status</th><th className={th}>Explanation</th></tr></thead>
        <tbody>
          {r.rows.map((x) => (
            <tr key={x.rowKey} className="border-t border-slate-100 align-top" data-row={x.rowKey}>
              <td className="py-1.5">{x.label}</td>
              <td className="text-right tabular-nums">{mass(x.priorKgCo2e)}</td>
              <td className="text-right tabular-nums">
                {mass(x.expectationKgCo2e)}
                <span className="block text-xs text-slate-500">{x.expectationSource === "ENTERED" ? `entered: ${x.expectationNote ?? ""}` : x.expectationSource === "DEFAULT" ? `prior × activity${x.activityRatio ? ` × ${formatDecimal(x.activityRatio)}` : " per unit"}` : ""}</span>
              </td>
              <td className="text-right tabular-nums">{mass(x.actualKgCo2e)}</td>
              <td className="text-right tabular-nums">{mass(x.differenceKgCo2e)}<span className="block text-xs text-slate-500">{formatPercent(x.differencePercent)}</span></td>
              <td className={STATUS[x.status].cls}>{STATUS[x.status].label}{x.needsExplanation ? <span className="block text-xs text-red-700">needs an explanation</span> : null}</td>
              <td className="max-w-md">
                {x.explanation && <p>{x.explanation}{x.inquiryId ? <span className="text-slate-500"> (inquiry {x.inquiryId})</span> : null}</p>}
                {canWork && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-sky-800">Expectation / explanation</summary>
                    <JsonForm url={url} fixed={{ rowKey: x.rowKey, view: r.view }} label={`Review ${x.label}`} submitLabel="Save" fields={[
                      { name: "expectationTCo2e", label: "Expectation (tCO2e)", placeholder: "leave empty: prior × activity" },
                      { name: "expectationNote", label: "How it was built", type: "textarea", defaultValue: x.expectationNote ?? "" },
                      { name: "explanation", label: "Explanation", type: "textarea", defaultValue: x.explanation ?? "" },
                      { name: "inquiryId", label: "Inquiry id", defaultValue: x.inquiryId ?? "" },
                      { name: "evidenceFileId", label: "Evidence file id", defaultValue: x.evidenceFileId ?? "" },
                    ]} />
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
