import { AttributionList } from "@/components/factors/AttributionList";
import { CustomFactorForm } from "@/components/factors/CustomFactorForm";
import { DatasetsTable } from "@/components/factors/DatasetsTable";
import { FactorImportForm } from "@/components/factors/FactorImportForm";
import { FactorSearchForm } from "@/components/factors/FactorSearchForm";
import { FactorTable } from "@/components/factors/FactorTable";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { AppError } from "@/lib/errors";
import { listFactorAttributions } from "@/lib/services/factors/list-factor-attributions";
import { listFactorDatasets } from "@/lib/services/factors/list-factor-datasets";
import { searchFactors } from "@/lib/services/factors/search-factors";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Factors" };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["keyType", "key", "year", "method", "datasetId"] as const;

export default async function FactorsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const sp = await searchParams;
  const raw = Object.fromEntries([...FILTERS, "page"].map((k) => [k, typeof sp[k] === "string" ? sp[k] : undefined]));
  let searchError: string | null = null;
  const search = await searchFactors({ ctx, input: raw }).catch((err) => {
    if (!(err instanceof AppError) || err.code !== "VALIDATION") throw err;
    searchError = err.issues.map((i) => `${i.field} ${i.reason}`).join("; ");
    return searchFactors({ ctx, input: {} });
  });
  const [datasets, attributions] = await Promise.all([listFactorDatasets({ ctx }), listFactorAttributions({ ctx })]);
  const canEdit = can("factor:manage");
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    for (const k of FILTERS) if (raw[k]) q.set(k, raw[k]!);
    q.set("page", String(page));
    return `/${org}/factors?${q}`;
  };

  return (
    <>
      <PageHeader title="Emission factors" subtitle="Datasets with provenance, immutable once used by the ledger; custom factors with evidence" />
      <div className="flex flex-col gap-6">
        <Card title="Datasets">
          <DatasetsTable org={org} datasets={datasets} canEdit={canEdit} />
        </Card>
        <Card title="Search factors">
          <FactorSearchForm org={org} filters={search.query} datasets={datasets} />
          {searchError && (
            <p role="alert" className="mb-3 text-sm text-rose-700">
              Search ignored: {searchError}
            </p>
          )}
          <FactorTable org={org} result={search} canEdit={canEdit} pageHref={pageHref} />
        </Card>
        {canEdit ? (
          <>
            <Card title="Add a custom factor">
              <CustomFactorForm org={org} />
            </Card>
            <Card title="Import a dataset from CSV">
              <FactorImportForm org={org} />
            </Card>
          </>
        ) : (
          <p className="text-sm text-slate-500" data-testid="factors-read-only">
            Your role can read factors but not change them (officers and admins import datasets and add custom factors).
          </p>
        )}
        <Card title="Sources and attribution">
          <AttributionList attributions={attributions} />
        </Card>
      </div>
    </>
  );
}
