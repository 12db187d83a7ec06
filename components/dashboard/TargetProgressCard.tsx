// The slot for progress against a target's trajectory (ESRS E1-4): rendered when the targets service provides it.
import { formatPercent } from "@/lib/format";
import { formatMassKg as formatMass } from "@/lib/format";
import type { DashboardTargetProgress } from "@/lib/views/dashboard";

export function TargetProgressCard({ progress }: { progress: DashboardTargetProgress }) {
  const state = progress.onTrack === null ? "Trajectory not assessed" : progress.onTrack ? "On track" : "Above the trajectory";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="target-progress">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-600">Target: {progress.name}</div>
      <div className="mt-1 text-lg font-semibold text-slate-900">{state}</div>
      <div className="mt-1 text-xs text-slate-600">
        {progress.coverage}, by {progress.targetYear}: stated {formatMass(progress.actualKgCo2e)} against {formatMass(progress.trajectoryKgCo2e)} on the trajectory
        {progress.reductionPct !== null ? ` (reduction since the base year: ${formatPercent(progress.reductionPct)})` : ""}.
      </div>
    </div>
  );
}
