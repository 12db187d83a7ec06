// The tracker energy panel (secondary): what CodeCarbon trackers reported, every run counted once, all periods.
import Link from "next/link";
import { EnergyChart } from "@/components/charts/EnergyChart";
import { Card } from "@/components/ui/Card";
import { Stat } from "@/components/ui/Stat";
import { formatCount, formatEnergyKwh, formatMassKg } from "@/lib/format";
import type { TrackerEnergy } from "@/lib/views/dashboard";

export function TrackerPanel({ org, data }: { org: string; data: TrackerEnergy }) {
  return (
    <Card title="Tracker energy (CodeCarbon runs, all periods)">
      <div className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Total energy" value={formatEnergyKwh(data.totals.energyKwh)} hint="includes each run's PUE" testId="total-energy" />
        <Stat label="Tracker-reported emissions" value={formatMassKg(data.totals.trackerEmissionsKgCo2e)} hint="CodeCarbon's own intensity" testId="total-emissions" />
        <Stat label="Runs" value={formatCount(data.totals.runs)} hint="each counted once, final totals" testId="total-runs" />
        <Stat label="Imports" value={formatCount(data.totals.imports)} hint={`${data.totals.projects} project(s)`} testId="total-imports" />
      </div>
      {data.series.length ? (
        <EnergyChart series={data.series} granularity={data.granularity} />
      ) : (
        <p className="text-sm text-slate-600">
          No runs yet. <Link className="text-emerald-800 underline" href={`/${org}/imports`}>Upload a CodeCarbon emissions.csv</Link> to see energy and emissions here.
        </p>
      )}
    </Card>
  );
}
