import Link from "next/link";
import { UploadForm } from "@/components/imports/UploadForm";
import { UPLOAD_SOURCES } from "@/lib/views/forms";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { serverEnv } from "@/lib/env";
import { listImports } from "@/lib/services/imports/list-imports";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Imports" };

export default async function ImportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const imports = await listImports({ ctx });
  return (
    <>
      <PageHeader title="Imports" subtitle="Every uploaded file, previewed before it is imported, kept as evidence with its sha256" />
      {can("import:create") ? (
        <div className="mb-6">
          <Card title="Upload">
            <UploadForm
              org={org}
              maxBytes={serverEnv().SCOPEBOOK_MAX_UPLOAD_BYTES}
              sources={UPLOAD_SOURCES}
            />
          </Card>
        </div>
      ) : (
        <p className="mb-6 text-sm text-slate-500" data-testid="upload-not-allowed">Your role can read imports but not upload files.</p>
      )}
      <Card title="History">
        {imports.length === 0 ? (
          <p className="text-sm text-slate-500">No imports yet.</p>
        ) : (
          <TableScroll label="Imports">
            <table className="w-full text-left text-sm" data-testid="imports-table">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">File</th>
                  <th>Source</th>
                  <th>Status</th>
                  <th className="text-right">Rows</th>
                  <th className="text-right">Imported</th>
                  <th className="text-right">Duplicates</th>
                  <th className="text-right">Errors</th>
                  <th>When</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {imports.map((i) => (
                  <tr key={i.id}>
                    <td className="py-2">
                      <Link className="text-emerald-700 underline" href={`/${org}/imports/${i.id}`}>{i.fileName}</Link>
                    </td>
                    <td>{i.sourceType} {i.detectedVersion && <span className="text-slate-500">({i.detectedVersion})</span>}</td>
                    <td data-testid="import-status-cell">
                      {i.status === "PROCESSING" ? `writing ${i.progress.percent}%` : i.status === "PREVIEW" ? "preview (not confirmed)" : i.status.toLowerCase()}
                    </td>
                    <td className="text-right tabular-nums" data-testid="import-rows-total">{i.rowsTotal}</td>
                    <td className="text-right tabular-nums">{i.rowsImported}</td>
                    <td className="text-right tabular-nums">{i.rowsDuplicate}</td>
                    <td className="text-right tabular-nums">{i.rowsFailed}</td>
                    <td className="text-slate-500">{i.createdAt.slice(0, 16).replace("T", " ")} UTC</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </>
  );
}
