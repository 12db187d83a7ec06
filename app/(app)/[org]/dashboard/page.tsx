import Link from "next/link";
import { Suspense } from "react";
import { DashboardControls } from "@/components/dashboard/DashboardControls";
import { InventoryDashboardView } from "@/components/dashboard/InventoryDashboardView";
import { TrackerPanel } from "@/components/dashboard/TrackerPanel";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { AppError } from "@/lib/errors";
import { getDashboardInventory } from "@/lib/services/inventory/get-dashboard";
import { getTrackerEnergy } from "@/lib/services/inventory/get-tracker-energy";
import type { ServiceContext } from "@/lib/auth/context";
import { DEFAULT_DASHBOARD_METHOD, METHOD_LABELS } from "@/lib/views/dashboard";
import { orNotFound, pageContext } from "../_lib/page-context";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org } = await params;
  const sp = await searchParams;
  const input = Object.fromEntries(["period", "method"].flatMap((k) => (typeof sp[k] === "string" ? [[k, sp[k]]] : [])));
  const { ctx, can } = await pageContext(org);
  const loaded = await orNotFound(getDashboardInventory({ ctx, input }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "VALIDATION") return err;
    throw err;
  }));
  if (loaded instanceof AppError) {
    return (
      <>
        <PageHeader title={ctx.organization.name} subtitle="Dashboard" />
        <Notice tone="error">{loaded.message} <Link className="underline" href={`/${org}/dashboard`}>Show the latest period</Link></Notice>
      </>
    );
  }
  const data = loaded;
  const inv = data.inventory;
  const selected = data.periods.find((p) => p.id === data.selectedPeriodId) ?? null;
  const subtitle = inv
    ? `${inv.period.name} (${inv.period.startDate} – ${inv.period.endDate}), version ${inv.period.versionNumber} · ${METHOD_LABELS[data.method]} · from the ledger's stored rollups`
    : "Greenhouse gas inventory and tracker energy";
  return (
    <>
      <PageHeader title={ctx.organization.name} subtitle={subtitle} />
      <DashboardControls org={org} periods={data.periods} selectedPeriodId={data.selectedPeriodId} method={data.method} />
      {inv ? (
        <InventoryDashboardView org={org} data={inv} canRecalculate={can("period:manage")} targetProgress={data.targetProgress} />
      ) : (
        <div className="mb-6">
          <Notice>
            {selected
              ? `${selected.name} is not calculated yet: `
              : data.periods.length ? "No reporting period is calculated yet: " : "No reporting period yet: "}
            <Link className="underline" href={selected ? `/${org}/inventory/${selected.id}` : `/${org}/inventory`}>open the inventory</Link> to {data.periods.length ? "recalculate it" : "create one"}; the figures by scope, month, project, site and source appear here then.
          </Notice>
        </div>
      )}
      <div className="mt-6">
        <Suspense fallback={<p className="text-sm text-slate-600" role="status">Loading tracker energy…</p>}>
          <Tracker org={org} ctx={ctx} />
        </Suspense>
      </div>
      <p className="mt-4 text-xs text-slate-600">
        Figures are exact sums, rounded only for display (half-up; 3 decimals from 1 upward, 4 significant digits below 1), in t, kg or g CO₂e as they read best.
        {data.method === DEFAULT_DASHBOARD_METHOD ? " Market-based is the default method." : ""}
      </p>
    </>
  );
}

/** The tracker panel (runs summed per day, decision 0025): streamed apart from the inventory figures. */
async function Tracker({ org, ctx }: { org: string; ctx: ServiceContext }) {
  return <TrackerPanel org={org} data={await getTrackerEnergy({ ctx })} />;
}
