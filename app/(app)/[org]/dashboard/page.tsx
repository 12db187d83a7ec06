import Link from "next/link";
import { EnergyChart } from "@/components/charts/EnergyChart";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Stat } from "@/components/ui/Stat";
import { formatEnergyKwh, formatMassKg } from "@/lib/format";
import { getDashboard } from "@/lib/services/inventory/get-dashboard";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await pageContext(org);
  const data = await getDashboard({ ctx });
  return (
    <>
      <PageHeader title={ctx.organization.name} subtitle="Tracker runs: energy and tracker-reported emissions" />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Total energy" value={formatEnergyKwh(data.totals.energyKwh)} hint="includes each run's PUE" testId="total-energy" />
        <Stat label="Tracker-reported emissions" value={formatMassKg(data.totals.trackerEmissionsKgCo2e)} hint="CodeCarbon's own intensity" testId="total-emissions" />
        <Stat label="Runs" value={String(data.totals.runs)} hint="each counted once, final totals" testId="total-runs" />
        <Stat label="Imports" value={String(data.totals.imports)} hint={`${data.totals.projects} project(s)`} testId="total-imports" />
      </div>
      <Card title={`Energy by ${data.granularity}`}>
        {data.series.length ? (
          <EnergyChart series={data.series} granularity={data.granularity} />
        ) : (
          <p className="text-sm text-slate-500">
            No runs yet. <Link className="text-emerald-700 underline" href={`/${org}/imports`}>Upload a CodeCarbon emissions.csv</Link> to see energy and emissions here.
          </p>
        )}
      </Card>
      <p className="mt-4 text-xs text-slate-500">
        Figures are exact sums, shown in a readable unit (Wh to GWh, g to t CO₂e) and rounded only for display (half-up; 3 decimals from 1 upward, 4 significant digits below 1).
        The GHG inventory by scope, with Scopebook&apos;s own factors, arrives with the accounting engine.
      </p>
    </>
  );
}
