import { AttributionGroups } from "@/components/cloud/AttributionGroups";
import { DeleteMappingButton } from "@/components/cloud/DeleteMappingButton";
import { MappingForm } from "@/components/cloud/MappingForm";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { listCloudMappings } from "@/lib/services/cloud-mappings/list-cloud-mappings";
import { MATCH_LABELS, MATCH_TYPES, PROVIDERS } from "@/lib/services/cloud-mappings/schemas";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Cloud mapping" };

export default async function CloudMappingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const { mappings, projects, groups } = await listCloudMappings({ ctx });
  const editable = can("cloudMapping:edit");
  return (
    <>
      <PageHeader
        title="Cloud mapping"
        subtitle="Which Scopebook project each cloud billing account, project, account or tag belongs to. Rows no mapping matches stay under Unassigned."
      />
      <div className="grid gap-6">
        <Card title="Mappings">
          {editable && (
            <div className="mb-4">
              <MappingForm org={org} options={{ providers: PROVIDERS, matchTypes: MATCH_TYPES.map((m) => ({ value: m, label: MATCH_LABELS[m] })), projects }} />
            </div>
          )}
          {mappings.length === 0 ? (
            <p className="text-sm text-slate-500">No mappings yet.</p>
          ) : (
            <TableScroll label="Cloud mappings">
              <table className="w-full text-left text-sm" data-testid="cloud-mappings">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-1">Provider</th>
                    <th>Match</th>
                    <th>Value</th>
                    <th>Project</th>
                    {editable && <th />}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {mappings.map((m) => (
                    <tr key={m.id}>
                      <td className="py-1">{m.provider}</td>
                      <td>{MATCH_LABELS[m.matchType as keyof typeof MATCH_LABELS] ?? m.matchType}</td>
                      <td className="font-mono text-xs">{m.matchValue}</td>
                      <td>{m.projectName}</td>
                      {editable && (
                        <td className="text-right">
                          <DeleteMappingButton org={org} mappingId={m.id} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <p className="mt-3 text-xs text-slate-500">
            The most specific mapping wins: a tag, then the cloud project, then the account, then the billing account. Adding or removing a mapping
            moves the rows already imported at once (audited).
          </p>
        </Card>
        <Card title="Provider rows by project">
          <AttributionGroups groups={groups} />
        </Card>
      </div>
    </>
  );
}
