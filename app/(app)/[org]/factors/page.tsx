import { ComingSoon } from "@/components/ui/ComingSoon";
import { PageHeader } from "@/components/ui/PageHeader";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Factors" };

export default async function FactorsPage({ params }: { params: Promise<{ org: string }> }) {
  await pageContext((await params).org);
  return (
    <>
      <PageHeader title="Emission factors" subtitle="Datasets with provenance, custom factors, the resolver" />
      <ComingSoon
        what="The factor library (shipped open datasets with attribution, CSV import with preview, custom supplier-specific factors) is not built yet."
        issue="Accounting engine: factor library, calculation ledger, dual Scope 2"
      />
    </>
  );
}
