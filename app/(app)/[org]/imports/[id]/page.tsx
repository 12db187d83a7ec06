import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getImport } from "@/lib/services/get-import";
import { orNotFound, pageContext } from "../../_lib/page-context";

export const metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const { ctx, can } = await pageContext(org);
  const imp = await orNotFound(getImport({ ctx, input: { importId: id } }));
  const facts: [string, string][] = [
    ["Source", `${imp.sourceType}${imp.detectedVersion ? ` (CodeCarbon ${imp.detectedVersion})` : ""}`],
    ["Status", imp.status.toLowerCase()],
    ["Size", `${imp.sizeBytes.toLocaleString("en")} bytes`],
    ["sha256", imp.sha256],
    ["Uploaded by", imp.createdBy ?? "—"],
    ["Uploaded at", `${imp.createdAt.replace("T", " ").slice(0, 19)} UTC`],
  ];
  return (
    <>
      <PageHeader
        title={imp.fileName}
        subtitle="Import details"
        actions={
          can("evidence:download") ? (
            <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" href={`/api/orgs/${org}/imports/${imp.id}/file`}>
              Download original file
            </a>
          ) : null
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        {[
          ["Rows", imp.rowsTotal],
          ["Imported", imp.rowsImported],
          ["Duplicates", imp.rowsDuplicate],
          ["Rows with errors", imp.rowsFailed],
        ].map(([label, n]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="text-xs uppercase text-slate-500">{label}</div>
            <div className="text-2xl font-semibold tabular-nums" data-testid={`import-${String(label).toLowerCase().replace(/ /g, "-")}`}>{n}</div>
          </div>
        ))}
      </div>
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
        {imp.warnings.length > 0 && (
          <Card title="Warnings">
            <ul className="list-disc pl-5 text-sm">{imp.warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
          </Card>
        )}
        <Card title={`Row errors (${imp.rowErrors.length})`}>
          {imp.rowErrors.length === 0 ? (
            <p className="text-sm text-slate-500">Every row was read.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="row-errors">
              <thead className="text-xs uppercase text-slate-500">
                <tr><th className="py-1">Row</th><th>Column</th><th>Value</th><th>Reason</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {imp.rowErrors.map((e, i) => (
                  <tr key={i}>
                    <td className="py-1 tabular-nums">{e.row}</td>
                    <td className="font-mono text-xs">{e.column ?? "—"}</td>
                    <td className="font-mono text-xs">{e.value ?? "(empty)"}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
