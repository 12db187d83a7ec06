import Link from "next/link";
import { LinesTable } from "@/components/inventory/LinesTable";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { AppError } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { getLedgerLines } from "@/lib/services/inventory/get-ledger-lines";
import { orNotFound, pageContext } from "../../../_lib/page-context";

export const metadata = { title: "Ledger lines" };

export default async function LedgerLinesPage({ params, searchParams }: { params: Promise<{ org: string; period: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org, period } = await params;
  const q = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const { ctx } = await pageContext(org);
  const loaded = await orNotFound(getLedgerLines({ ctx, input: { ...q, periodId: period } }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "VALIDATION") return err;
    throw err;
  }));
  if (loaded instanceof AppError) return <Notice tone="error">{loaded.message}</Notice>;
  const data = loaded;
  const what = data.filters.join(", ");
  return (
    <>
      <PageHeader title={`Ledger lines${what ? `: ${what}` : ""}`} subtitle={`Version ${data.version}: each line with its source record and its factor`} actions={<span className="flex gap-4"><Link href={`/${org}/dashboard?period=${period}`} className="text-sm text-sky-800 hover:underline">Dashboard</Link><Link href={`/${org}/inventory/${period}`} className="text-sm text-sky-800 hover:underline">Back to the inventory</Link></span>} />
      <p className="mb-2 text-sm text-slate-700" data-testid="lines-total">{formatCount(data.total)} {data.total === 1 ? "line" : "lines"}</p>
      <Card>
        <LinesTable lines={data.lines} total={data.total} org={org} testId="drilldown-lines" />
      </Card>
    </>
  );
}
