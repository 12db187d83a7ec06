import { ApiForm } from "@/components/inventory/ApiForm";
import { TokensPanel } from "@/components/projects/TokensPanel";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { serverEnv } from "@/lib/env";
import { formatDecimal, formatEnergyKwh, formatMassKg } from "@/lib/format";
import { PROJECT_RUNS_SHOWN, getProjectDetail } from "@/lib/services/projects/get-project-detail";
import { orNotFound, pageContext } from "../../_lib/page-context";

export const metadata = { title: "Project" };

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—");

export default async function ProjectPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const { ctx, can } = await pageContext(org);
  const project = await orNotFound(getProjectDetail({ ctx, input: { projectId: id } }));
  const endpoint = `${serverEnv().NEXTAUTH_URL.replace(/\/$/, "")}/api/codecarbon`;
  const experimentId = project.experiments[0]?.id ?? "<experiment id>";
  return (
    <>
      <PageHeader title={project.name} subtitle={project.description ?? "CodeCarbon project"} />
      <div className="grid gap-6">
        <Card title={`Runs (${project.runCount})`}>
          {project.runs.length === 0 ? (
            <p className="text-sm text-slate-500">No runs yet: upload an emissions.csv or point a tracker at the live API below.</p>
          ) : (
            <TableScroll label="Runs">
              <table className="w-full text-left text-sm" data-testid="runs-table">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2">Started</th><th>Experiment</th><th>Source</th><th className="text-right">Duration</th>
                    <th className="text-right">CPU</th><th className="text-right">GPU</th><th className="text-right">RAM</th>
                    <th className="text-right">Energy</th><th className="text-right" title="Emissions as computed by the tracker with its own intensity">Tracker-reported</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {project.runs.map((r) => (
                    <tr key={r.id} data-run-id={r.id}>
                      <td className="py-2 text-xs">
                        {when(r.startedAt)}
                        {!r.identityKnown && <span className="ml-1 text-amber-700" title="No run id in the file: kept as its own run">(no run id)</span>}
                      </td>
                      <td>{r.experiment ?? "—"}</td>
                      <td className="text-xs">{r.source}</td>
                      <td className="text-right tabular-nums">{formatDecimal(r.durationSeconds, { unit: "s" })}</td>
                      <td className="text-right tabular-nums">{formatEnergyKwh(r.cpuEnergyKwh)}</td>
                      <td className="text-right tabular-nums">{formatEnergyKwh(r.gpuEnergyKwh)}</td>
                      <td className="text-right tabular-nums">{formatEnergyKwh(r.ramEnergyKwh)}</td>
                      <td className="text-right tabular-nums" data-testid="run-energy">{formatEnergyKwh(r.energyKwh)}</td>
                      <td className="text-right tabular-nums" data-testid="run-tracker-kg">{formatMassKg(r.trackerEmissionsKgCo2e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {project.runCount > project.runs.length && <p className="mt-2 text-xs text-slate-500">The latest {PROJECT_RUNS_SHOWN} runs are shown.</p>}
            </TableScroll>
          )}
        </Card>
        <Card title="Experiments">
          {project.experiments.length === 0 ? (
            <p className="text-sm text-slate-500">No experiments yet. A tracker needs one: create it with the project token (below).</p>
          ) : (
            <TableScroll label="Experiments">
              <table className="w-full text-left text-sm" data-testid="experiments-table">
                <thead className="text-xs uppercase text-slate-500"><tr><th className="py-2">Name</th><th>experiment_id</th><th className="text-right">Runs</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {project.experiments.map((e) => (
                    <tr key={e.id}>
                      <td className="py-2">{e.name}</td>
                      <td className="font-mono text-xs">{e.id}</td>
                      <td className="text-right tabular-nums">{e.runs}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </Card>
        <Card title="Tracker API tokens">
          <TokensPanel org={org} projectId={project.id} tokens={project.tokens} canManage={can("token:manage")} />
          {!can("token:manage") && <p className="mt-3 text-xs text-slate-500">Engineers and admins create and revoke tokens.</p>}
        </Card>
        {can("project:write") && (
          <Card title="Software Carbon Intensity (SCI) functional unit">
            <p className="mb-2 text-sm text-slate-600">SCI = (E × I + M) / R, location-based, shown on the Inventory page apart from the totals. Until set, R is one run and M is 0.</p>
            <ApiForm
              url={`/api/orgs/${org}/projects/${project.id}/sci`}
              method="PATCH"
              label="SCI functional unit"
              submitLabel="Save"
              fields={[
                { name: "functionalUnit", label: "Functional unit (R)", required: true, placeholder: "1,000 inferences" },
                { name: "unitsPerRun", label: "Units per run", required: true, placeholder: "1" },
                { name: "embodiedKgCo2ePerRun", label: "Embodied kgCO₂e per run (M)", placeholder: "0" },
              ]}
            />
          </Card>
        )}
        <Card title="Connect a CodeCarbon tracker">
          <p className="mb-2 text-sm text-slate-600">
            A stock <code>EmissionsTracker(save_to_api=True)</code> sends its measurements here. Put this in <code>.codecarbon.config</code> next to your script:
          </p>
          <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="codecarbon-config">{`[codecarbon]
save_to_api = True
api_endpoint = ${endpoint}
experiment_id = ${experimentId}
api_key = <your project token>`}</pre>
          <p className="mt-3 mb-2 text-sm text-slate-600">To create an experiment with the token:</p>
          <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`curl -X POST ${endpoint}/experiments -H "x-api-token: <token>" -H "content-type: application/json" \\
  -d '{"name": "my experiment", "project_id": "${project.id}"}'`}</pre>
        </Card>
      </div>
    </>
  );
}
