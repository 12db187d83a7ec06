// The period picker (a GET form: works without script) and the location-/market-based toggle (two links; the
// current one marked), with what each method means stated on the page.
import Link from "next/link";
import { DASHBOARD_METHODS, DEFAULT_DASHBOARD_METHOD, METHOD_LABELS, type DashboardMethod, type DashboardPeriodOption } from "@/lib/views/dashboard";

const METHOD_HINT: Record<DashboardMethod, string> = {
  market: "Scope 2 with the contractual instruments (Guarantees of Origin, PPAs, supplier rates) applied and the residual mix elsewhere — what reduction targets are usually set on.",
  location: "Scope 2 at the average intensity of the grids where the electricity is used, whatever was bought.",
};

export function DashboardControls({ org, periods, selectedPeriodId, method }: { org: string; periods: DashboardPeriodOption[]; selectedPeriodId: string | null; method: DashboardMethod }) {
  const href = (m: DashboardMethod) => `/${org}/dashboard?${new URLSearchParams({ ...(selectedPeriodId ? { period: selectedPeriodId } : {}), method: m }).toString()}`;
  return (
    <div className="mb-6 flex flex-wrap items-end gap-x-8 gap-y-3">
      {periods.length > 0 && (
        <form method="get" action={`/${org}/dashboard`} className="flex items-end gap-2" aria-label="Reporting period">
          <label className="text-sm text-slate-700">
            <span className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600">Reporting period</span>
            <select name="period" defaultValue={selectedPeriodId ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.startDate} – {p.endDate}){p.calculated ? "" : ", not calculated"}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="method" value={method} />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Show</button>
        </form>
      )}
      <div>
        <span className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600" id="method-label">Scope 2 method</span>
        <div role="group" aria-labelledby="method-label" className="inline-flex overflow-hidden rounded-md border border-slate-300">
          {DASHBOARD_METHODS.map((m) => (
            <Link key={m} href={href(m)} aria-current={m === method ? "true" : undefined} data-testid={`method-${m}`}
              className={`px-3 py-1.5 text-sm font-medium ${m === method ? "bg-slate-800 text-white" : "bg-white text-slate-800 hover:bg-slate-50"}`}>
              {METHOD_LABELS[m]}{m === DEFAULT_DASHBOARD_METHOD ? " (default)" : ""}
            </Link>
          ))}
        </div>
      </div>
      <p className="max-w-xl text-xs text-slate-600" data-testid="method-hint">
        <strong>{METHOD_LABELS[method]}:</strong> {METHOD_HINT[method]} Every figure and chart below uses it.
      </p>
    </div>
  );
}
