import { ApiForm } from "@/components/inventory/ApiForm";
import { TargetsTable } from "@/components/targets/TargetsTable";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { listTargets } from "@/lib/services/targets/list-targets";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Targets" };

export default async function TargetsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const targets = await listTargets({ ctx });
  return (
    <>
      <PageHeader title="Targets" subtitle="ESRS E1-4 GHG reduction targets: what they cover, the trajectory per year and progress in each calculated period" />
      <div className="flex flex-col gap-6">
        {targets.length === 0 ? (
          <Card><p className="text-sm text-slate-600">No target yet.</p></Card>
        ) : (
          targets.map((t) => (
            <Card key={t.id} title={t.name}>
              <TargetsTable target={t} />
            </Card>
          ))
        )}
        {can("target:manage") && (
          <Card title="New target">
            <p className="mb-3 text-sm text-slate-600">
              The base value is taken from the stated figures of a closed period ending in the base year; otherwise enter it (kgCO₂e, or kgCO₂e per
              currency unit for an intensity target) with its evidence. Gross emissions only: removals and credits never count.
            </p>
            <ApiForm
              url={`/api/orgs/${org}/targets`}
              label="New target"
              submitLabel="Save target"
              fields={[
                { name: "name", label: "Name", required: true },
                { name: "kind", label: "Kind", type: "select", options: ["ABSOLUTE", "INTENSITY"] },
                { name: "coversScope1", label: "Covers Scope 1", type: "checkbox" },
                { name: "scope2Method", label: "Scope 2", type: "select", options: ["", "MARKET_BASED", "LOCATION_BASED"] },
                { name: "scope3Categories", label: "Scope 3 categories (e.g. 1, 6)" },
                { name: "baseYear", label: "Base year", required: true },
                { name: "baseValue", label: "Base value (if no closed period)" },
                { name: "baseEvidence", label: "Evidence of an entered base value" },
                { name: "targetYear", label: "Target year", required: true },
                { name: "reductionPercent", label: "Reduction %", required: true },
                { name: "milestones", label: "Milestones (e.g. 2027: 20)" },
              ]}
            />
          </Card>
        )}
      </div>
    </>
  );
}
