import Link from "next/link";
import { ApiForm } from "@/components/inventory/ApiForm";
import { RecalculateButton } from "@/components/inventory/RecalculateButton";
import { InstrumentsTable, ReconciliationTable, RestatementTable, SciTable } from "@/components/inventory/DetailsTables";
import { AttributionList } from "@/components/factors/AttributionList";
import { DatapointsTable } from "@/components/inventory/DatapointsTable";
import { e15Rows, e16ExtraRows } from "@/lib/views/e1-rows";
import { FiguresTable } from "@/components/inventory/FiguresTable";
import { LinesTable } from "@/components/inventory/LinesTable";
import { Scope3Statements } from "@/components/inventory/Scope3Statements";
import { SignoffPanel } from "@/components/inventory/SignoffPanel";
import { StaleNotice } from "@/components/inventory/StaleNotice";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatCount, formatDecimal } from "@/lib/format";
import { getInventory } from "@/lib/services/inventory/get-inventory";
import { getPeriodStaleness } from "@/lib/services/inventory/get-period-staleness";
import { getRecalculationProgress } from "@/lib/services/inventory/get-recalculation-progress";
import { listFactorAttributions } from "@/lib/services/factors/list-factor-attributions";
import { countInquiriesAwaiting } from "@/lib/services/assurance/count-inquiries-awaiting";
import { listReportingPeriods } from "@/lib/services/periods/list-reporting-periods";
import { listScope3Notes } from "@/lib/services/periods/list-scope3-notes";
import { METHODOLOGY } from "@/lib/views/inventory";
import { orNotFound, pageContext } from "../../_lib/page-context";

export const metadata = { title: "Inventory" };

const REASONS = ["FACTOR_UPDATE", "DATA_CORRECTION", "BOUNDARY_CHANGE", "LATE_DATA"] as const;

export default async function PeriodInventoryPage({ params }: { params: Promise<{ org: string; period: string }> }) {
  const { org, period: periodId } = await params;
  const { ctx, can, email } = await pageContext(org);
  const inv = await orNotFound(getInventory({ ctx, input: { periodId } }));
  const summary = (await listReportingPeriods({ ctx })).find((p) => p.id === periodId)!;
  const scope3Notes = await listScope3Notes({ ctx, input: { periodId } });
  const staleness = await getPeriodStaleness({ ctx, input: { periodId } });
  const recalculation = await getRecalculationProgress({ ctx, input: { periodId } });
  const attributions = inv.datasetIds.length ? await listFactorAttributions({ ctx, input: { datasetIds: inv.datasetIds } }) : [];
  const awaiting = await countInquiriesAwaiting({ ctx, input: { periodId } });
  const api = `/api/orgs/${org}/periods/${periodId}`;
  const linesHref = (q: Record<string, string>) => `/${org}/inventory/${periodId}/lines?${new URLSearchParams(q)}`;
  const manage = can("period:manage");
  return (
    <>
      <PageHeader
        title={`Inventory ${inv.period.name}`}
        subtitle={`${inv.period.startDate} – ${inv.period.endDate} · ${inv.period.status.toLowerCase().replace("_", " ")}${inv.version ? ` · currently stated: version ${inv.version.number} (${inv.version.createdAt.slice(0, 16).replace("T", " ")} UTC, engine ${inv.version.engineVersion})` : " · not calculated yet"}`}
        actions={manage ? <RecalculateButton api={api} initial={recalculation} /> : null}
      />
      {staleness.inputsChangedAt && <StaleNotice changedAt={staleness.inputsChangedAt} lastChange={staleness.lastChange} status={inv.period.status} canRecalculate={manage} />}
      {inv.e16 && (
        <div className="mb-4">
          <SignoffPanel
            period={summary}
            api={api}
            unresolvedLines={inv.e16.unresolvedLines}
            canSubmit={manage}
            canReview={can("report:review")}
            canApprove={can("report:signoff")}
            inquiriesAwaiting={awaiting.total}
            inquiriesHref={`/${org}/assurance/inquiries?period=${periodId}&awaitingMe=1`}
            userEmail={email}
            downloads={[
              { label: summary.status === "SIGNED_OFF" ? `Report PDF (version ${summary.signed?.number})` : "Report PDF (draft)", href: `${api}/report.pdf`, rendered: true },
              { label: "Datapoints CSV", href: `${api}/datapoints.csv` },
              { label: "Datapoints JSON", href: `${api}/datapoints.json` },
              ...(summary.status === "SIGNED_OFF" ? [{ label: "Representation letter (PDF)", href: `${api}/representation-letter.pdf`, rendered: true }] : []),
            ]}
          />
        </div>
      )}
      {manage && (
        <div className="mb-4 flex flex-wrap gap-6">
          <ApiForm url={api} method="PATCH" label="Net revenue" submitLabel="Save revenue" fields={[{ name: "netRevenue", label: `Net revenue (${inv.period.netRevenueCurrency ?? "EUR"})`, defaultValue: inv.period.netRevenue ?? "" }]} />
          <ApiForm url={api} method="PATCH" label="Scope 1 under emission trading" submitLabel="Save ETS emissions" fields={[{ name: "scope1EtsTCo2e", label: "Scope 1 under a regulated ETS, verified (t CO₂e)", defaultValue: inv.period.scope1EtsTCo2e ?? "", placeholder: "not covered: leave empty" }]} />
          {inv.period.status === "OPEN" && <ApiForm url={api} method="PATCH" label="Close period" submitLabel="Close period" fixed={{ close: true }} />}
        </div>
      )}
      {!inv.e16 ? (
        <Card><p className="text-sm text-slate-500">No calculation yet{manage ? ": press Recalculate." : "."}</p></Card>
      ) : (
        <div className="flex flex-col gap-4">
          <Card title="ESRS E1-6 gross emissions">
            {inv.e16.unresolvedLines > 0 && (
              <p role="alert" className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="unresolved-warning">
                {formatCount(inv.e16.unresolvedLines)} ledger line(s) have no factor and are not in these totals: the figures are incomplete (listed below).
              </p>
            )}
            <FiguresTable e16={inv.e16} linesHref={linesHref} />
            <p className="mt-3 text-sm text-slate-600">
              GHG intensity per net revenue:{" "}
              {inv.e16.intensityLbTPerRevenue
                ? `${formatDecimal(inv.e16.intensityLbTPerRevenue)} (LB) / ${formatDecimal(inv.e16.intensityMbTPerRevenue ?? "0")} (MB) tCO₂e per ${inv.period.netRevenueCurrency ?? "EUR"} (net revenue ${formatDecimal(inv.e16.netRevenue ?? "0")})`
                : "enter the period's net revenue"}
            </p>
          </Card>
          <Scope3Statements
            api={api}
            calculated={inv.e16.scope3ByCategory.map((c) => c.category)}
            notes={scope3Notes}
            editable={manage && (summary.status === "OPEN" || summary.status === "CLOSED")}
          />
          {inv.e16Extras && (
            <Card title="ESRS E1-6: biogenic CO₂, primary data, contractual instruments">
              <DatapointsTable rows={e16ExtraRows(inv.e16Extras, { etsKgCo2e: inv.period.scope1EtsKgCo2e, scope1KgCo2e: inv.e16.scope1KgCo2e })} testId="e16-extras" label="E1-6 further datapoints" />
            </Card>
          )}
          {inv.e15 && (
            <Card title="ESRS E1-5 energy consumption and mix (own operations)">
              <DatapointsTable rows={e15Rows(inv.e15)} testId="e15" label="E1-5 energy consumption and mix" />
            </Card>
          )}
          <Card title={`Unresolved lines (${formatCount(inv.unresolved.total)})`}>
            <LinesTable lines={inv.unresolved.lines} total={inv.unresolved.total} org={org} testId="unresolved-lines" label="Unresolved lines" />
          </Card>
          <Card title={`Flagged: factor-year fallbacks, grid average instead of residual mix, site PUE (${formatCount(inv.fallbacks.total)})`}>
            <LinesTable lines={inv.fallbacks.lines} total={inv.fallbacks.total} org={org} testId="flagged-lines" label="Flagged fallback lines" />
          </Card>
          <Card title="Scope 2 contractual instruments (allocation order)">
            <InstrumentsTable rows={inv.instruments} />
          </Card>
          <Card title="Reconciliation: provider exports vs tracker runs (the export is counted; runs are allocated a share)">
            <ReconciliationTable rows={inv.reconciliation} />
            {inv.excludedEstimates.length > 0 && <p className="mt-2 text-xs text-slate-500">{inv.excludedEstimates.length} Cloud Carbon Footprint estimate(s) not counted: a provider export covers the same project and month.</p>}
          </Card>
          {inv.restatement && (
            <Card title="Restatement: previously vs currently stated">
              <RestatementTable restatement={inv.restatement} />
              {manage && inv.restatement.changes.length > 0 && inv.version && (
                <div className="mt-3">
                  <ApiForm
                    url={`${api}/restatements`}
                    label="Restatement reason"
                    submitLabel="Save reason"
                    fixed={{ versionId: inv.version.id }}
                    fields={[
                      { name: "datapoint", label: "Datapoint", type: "select", options: inv.restatement.changes.map((c) => c.datapoint) },
                      { name: "reason", label: "Reason", type: "select", options: REASONS },
                      { name: "note", label: "Note" },
                    ]}
                  />
                </div>
              )}
            </Card>
          )}
          <Card title="Software Carbon Intensity per project (SCI 1.1, location-based; not part of the inventory)">
            <SciTable rows={inv.sci} />
          </Card>
          <Card title="Methodology, assumptions and emission factors (E1-6)">
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="methodology">
              {METHODOLOGY.map((m) => <li key={m}>{m}</li>)}
            </ul>
            <h3 className="mt-4 mb-2 text-sm font-semibold">Factor datasets used</h3>
            <AttributionList attributions={attributions} />
            <p className="mt-3 text-sm">
              <a href={`/api/orgs/${org}/reports/summary?period=${periodId}`} className="text-emerald-700 underline" data-testid="inventory-pdf">
                Download the summary PDF with these datapoints
              </a>
            </p>
          </Card>
          <p className="text-xs text-slate-500"><Link href={linesHref({})} className="text-sky-800 hover:underline">All ledger lines</Link></p>
        </div>
      )}
    </>
  );
}
