import Link from "next/link";
import { NewProjectForm } from "@/components/projects/NewProjectForm";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { formatEnergyKwh, formatMassKg } from "@/lib/format";
import { listProjects } from "@/lib/services/projects/list-projects";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const projects = await listProjects({ ctx });
  return (
    <>
      <PageHeader
        title="Projects"
        subtitle="CodeCarbon projects: created on first sight in an upload, or here for a live tracker"
        actions={can("project:write") ? <NewProjectForm org={org} /> : null}
      />
      <Card>
        {projects.length === 0 ? (
          <p className="text-sm text-slate-500">No projects yet: they appear when tracker data is imported.</p>
        ) : (
          <TableScroll label="Projects">
            <table className="w-full text-left text-sm" data-testid="projects-table">
              <thead className="text-xs uppercase text-slate-500">
                <tr><th className="py-2">Project</th><th className="text-right">Runs</th><th className="text-right">Energy</th><th className="text-right">Tracker-reported</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2 font-medium">
                      <Link href={`/${org}/projects/${p.id}`} className="text-sky-800 hover:underline">{p.name}</Link>
                    </td>
                    <td className="text-right tabular-nums">
                      {p.runs}
                      {p.runsWithUnknownIdentity > 0 && (
                        <span className="ml-1 text-xs text-amber-700" title="Rows without a run id: each kept as its own run; cumulative rows may be present">
                          ({p.runsWithUnknownIdentity} without run id)
                        </span>
                      )}
                    </td>
                    <td className="text-right tabular-nums">{formatEnergyKwh(p.energyKwh)}</td>
                    <td className="text-right tabular-nums">{formatMassKg(p.trackerEmissionsKgCo2e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
      <p className="mt-4 text-xs text-slate-500">Open a project for its runs (energy by CPU/GPU/RAM), experiments and tracker API tokens. Budgets: coming.</p>
    </>
  );
}
