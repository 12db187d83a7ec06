import { TableScroll } from "@/components/ui/TableScroll";
// In-app help for one of Scopebook's CSV templates: its columns (required or not, what goes in them) and the
// download link. Plain data in.
export function TemplateHelp({ title, href, columns, notes }: { title: string; href: string; columns: readonly { column: string; required: boolean; help: string }[]; notes: string[] }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="template-help">
      <summary className="cursor-pointer font-medium">{title}: columns and rules</summary>
      <p className="mt-2 text-slate-600">
        One row per entry; columns are matched by name, in any order; a header is required. <a className="text-emerald-700 underline" href={href} download>Download the template</a> (with example rows).
      </p>
      <TableScroll label={`${title}: columns`}>
        <table className="mt-3 w-full text-left">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-1">Column</th><th>Required</th><th>What goes in it</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {columns.map((c) => (
              <tr key={c.column}>
                <td className="py-1 font-mono text-xs">{c.column}</td>
                <td>{c.required ? "yes" : "no"}</td>
                <td className="text-slate-600">{c.help}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul className="mt-3 list-disc pl-5 text-slate-600">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </details>
  );
}
