import { ImportActions } from "@/components/imports/ImportActions";
import { ImportPreview, RowErrors } from "@/components/imports/ImportPreview";
import { ImportProgress } from "@/components/imports/ImportProgress";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { getImport } from "@/lib/services/imports/get-import";
import { orNotFound, pageContext } from "../../_lib/page-context";

export const metadata = { title: "Import" };

const STATUS_TEXT = {
  PREVIEW: "preview — nothing imported yet",
  PROCESSING: "being written",
  COMMITTED: "committed",
  CANCELLED: "cancelled — nothing imported",
  FAILED: "failed — nothing imported",
} as const;

export default async function ImportPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const { ctx, can } = await pageContext(org);
  const imp = await orNotFound(getImport({ ctx, input: { importId: id } }));
  const errorsHref = imp.status === "CANCELLED" ? null : `/api/orgs/${org}/imports/${imp.id}/errors`;
  const facts: [string, string][] = [
    ["Source", `${imp.sourceType}${imp.detectedVersion ? ` (CodeCarbon ${imp.detectedVersion})` : ""}`],
    ["Status", imp.status.toLowerCase()],
    ["Size", imp.sizeLabel],
    ["sha256", imp.sha256],
    ["Uploaded by", imp.createdBy ?? "—"],
    ["Uploaded at", `${imp.createdAt.replace("T", " ").slice(0, 19)} UTC`],
    ...(imp.confirmedBy ? ([["Confirmed by", imp.confirmedBy]] as [string, string][]) : []),
    ...(imp.committedAt ? ([["Committed at", `${imp.committedAt.replace("T", " ").slice(0, 19)} UTC`]] as [string, string][]) : []),
  ];
  const canAct = can("import:create");
  return (
    <>
      <PageHeader
        title={imp.fileName}
        subtitle={`Import · ${STATUS_TEXT[imp.status]}`}
        actions={
          can("evidence:download") && imp.status !== "CANCELLED" ? (
            <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" href={`/api/orgs/${org}/imports/${imp.id}/file`}>
              Download original file
            </a>
          ) : null
        }
      />
      <span className="hidden" data-testid="import-status">{imp.status}</span>
      {imp.status === "FAILED" && (
        <div className="mb-6">
          <Notice tone="error">
            <span data-testid="import-failure">{imp.failureReason ?? "The import failed; nothing of it was written."}</span>
          </Notice>
        </div>
      )}
      {imp.status === "PROCESSING" && (
        <div className="mb-6">
          <Card title="Writing">
            <ImportProgress org={org} importId={imp.id} initial={imp.progress} rowsTotal={imp.rowsValid} />
          </Card>
        </div>
      )}
      {(imp.status === "PREVIEW" || imp.status === "FAILED") && (
        <div className="mb-6">
          <Card title={imp.status === "PREVIEW" ? "Preview: nothing is imported until you confirm" : "What the file holds"}>
            <ImportPreview view={imp} errorsHref={errorsHref} />
            {canAct && (
              <div className="mt-4">
                <ImportActions org={org} importId={imp.id} canConfirm={imp.rowsValid > 0} retry={imp.status === "FAILED"} />
              </div>
            )}
          </Card>
        </div>
      )}
      {imp.status === "COMMITTED" && imp.rowsRestated > 0 && (
        <p className="mb-3 rounded-md border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900" data-testid="import-restated-note">
          {imp.rowsRestated} rows restated: this import holds a newer model version or refresh of rows already imported; the older rows are kept,
          marked superseded, and no longer count.
        </p>
      )}
      {(imp.status === "COMMITTED" || imp.status === "CANCELLED" || imp.status === "PROCESSING") && (
        <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
          {[
            ["Rows", imp.rowsTotal],
            ["Imported", imp.rowsImported],
            ["Duplicates", imp.rowsDuplicate],
            ["Rows with errors", imp.rowsFailed],
            ...(imp.recordKind === "provider-emission" ? [["Rows restated", imp.rowsRestated] as const] : []),
          ].map(([label, n]) => (
            <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="text-xs uppercase text-slate-500">{label}</div>
              <div className="text-2xl font-semibold tabular-nums" data-testid={`import-${String(label).toLowerCase().replace(/ /g, "-")}`}>{n}</div>
            </div>
          ))}
        </div>
      )}
      <div className="grid gap-6">
        <Card title="Evidence">
          <dl className="grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="break-all font-mono text-xs leading-5">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {imp.status !== "PREVIEW" && imp.status !== "FAILED" && imp.warnings.length > 0 && (
          <Card title="Warnings">
            <ul className="list-disc pl-5 text-sm">{imp.warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
          </Card>
        )}
        {imp.status !== "PREVIEW" && imp.status !== "FAILED" && (
          <Card title={`Row errors (${imp.rowErrorsTotal})`}>
            <RowErrors view={imp} errorsHref={errorsHref} />
          </Card>
        )}
      </div>
    </>
  );
}
