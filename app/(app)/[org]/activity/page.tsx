import { ActivityForm } from "@/components/activity/ActivityForm";
import { ActivityRecords, ActivityTotals } from "@/components/activity/ActivityTables";
import { TemplateHelp } from "@/components/activity/TemplateHelp";
import { UploadForm } from "@/components/imports/UploadForm";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listActivities } from "@/lib/services/activity/list-activities";
import { listSites } from "@/lib/services/activity/list-sites";
import { ACTIVITY_CATEGORY_OPTIONS, ACTIVITY_TEMPLATE_COLUMNS, uploadSource } from "@/lib/views/forms";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Activity" };

const CATEGORY_OPTIONS = ACTIVITY_CATEGORY_OPTIONS;

const HELP_NOTES = [
  "Categories: fuel and refrigerant → Scope 1; electricity, heat, steam, cooling → Scope 2 (a site is required: its grid gives the location-based factor); travel → Scope 3 cat. 6; hardware → Scope 3 cat. 2; spend → Scope 3 cat. 1.",
  "Units from a closed list, converted exactly to kWh, L, kg, km, passenger-km, EUR, USD or item; an unknown unit, category or date (2025-13-01) is a row error, never a guess; negative quantities are refused.",
  "A site named in a row that does not exist yet is created when you confirm (the preview names it); set its country, grid region and market on the Sites page.",
  "The same row uploaded again (in this file or another) is a duplicate and is not counted twice.",
];

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params;
  const q = await searchParams;
  const { ctx, can } = await pageContext(org);
  const filters = { from: q.from ?? "", to: q.to ?? "", category: q.category ?? "", siteId: q.siteId ?? "" };
  // A filter typed into the URL that is not valid (2025-13-01) is shown as such and ignored, never an error page.
  let filterProblem: string | null = null;
  const listed = await listActivities({ ctx, input: filters }).catch((err: unknown) => {
    if (!(err instanceof AppError && err.code === "VALIDATION")) throw err;
    filterProblem = err.issues.map((i) => `${i.field}: ${i.reason}`).join("; ");
    return listActivities({ ctx });
  });
  const { records, totals, truncated } = listed;
  const sites = await listSites({ ctx });
  const editable = can("activity:manage");
  return (
    <>
      <PageHeader
        title="Activity data"
        subtitle="Fuels, refrigerants, purchased energy per site, travel, hardware and spend: entered here or imported from Scopebook's CSV template"
        actions={<a className="text-sm text-emerald-700 underline" href={`/api/orgs/${org}/activity/template`} download data-testid="activity-template-link">Download the CSV template</a>}
      />
      <div className="flex flex-col gap-6">
        {editable ? (
          <>
            <Card title="Enter activity">
              <ActivityForm org={org} categories={CATEGORY_OPTIONS} sites={sites.map((s) => s.name)} />
            </Card>
            <Card title="Import activity CSV">
              <UploadForm org={org} maxBytes={serverEnv().SCOPEBOOK_MAX_UPLOAD_BYTES} sources={[uploadSource("ACTIVITY_CSV")]} />
            </Card>
          </>
        ) : (
          <p className="text-sm text-slate-500" data-testid="activity-read-only">Your role can read activity data; officers and admins enter and import it.</p>
        )}
        <Card title="Recorded activity">
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter activity">
            <label>From <input type="date" name="from" defaultValue={filters.from} className="ml-1 rounded-md border border-slate-300 px-2 py-1" /></label>
            <label>To <input type="date" name="to" defaultValue={filters.to} className="ml-1 rounded-md border border-slate-300 px-2 py-1" /></label>
            <label>
              Category
              <select name="category" defaultValue={filters.category} className="ml-1 rounded-md border border-slate-300 px-2 py-1">
                <option value="">all</option>
                {ACTIVITY_CATEGORY_OPTIONS.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </select>
            </label>
            <label>
              Site
              <select name="siteId" defaultValue={filters.siteId} className="ml-1 rounded-md border border-slate-300 px-2 py-1">
                <option value="">all</option>
                {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">Filter</button>
          </form>
          {filterProblem && (
            <div className="mb-4">
              <Notice tone="warning">Filters ignored ({filterProblem}): showing all activity.</Notice>
            </div>
          )}
          <ActivityTotals totals={totals} />
          <div className="mt-6">
            <ActivityRecords org={org} records={records} truncated={truncated} edit={editable ? { categories: CATEGORY_OPTIONS, sites: sites.map((s) => s.name) } : undefined} />
          </div>
        </Card>
        <TemplateHelp title="The activity CSV template" href={`/api/orgs/${org}/activity/template`} columns={ACTIVITY_TEMPLATE_COLUMNS} notes={HELP_NOTES} />
      </div>
    </>
  );
}
