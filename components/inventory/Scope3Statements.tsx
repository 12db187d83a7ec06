// The Scope 3 categories of a period without a figure, with the officer's statement (not relevant / not calculated,
// and why) and a form to set it: what the E1-6 table prints beside each of the 15 categories.
import { ApiForm } from "@/components/inventory/ApiForm";
import { Card } from "@/components/ui/Card";
import { TableScroll } from "@/components/ui/TableScroll";
import { SCOPE3_CATEGORIES } from "@/lib/reporting/scope3-categories";

export function Scope3Statements({ api, calculated, notes, editable }: {
  api: string;
  calculated: number[];
  notes: { category: number; relevance: string; reason: string }[];
  editable: boolean;
}) {
  const missing = SCOPE3_CATEGORIES.filter((c) => !calculated.includes(c.category));
  const note = new Map(notes.map((n) => [n.category, n]));
  return (
    <Card title={`Scope 3 categories without a figure (${missing.length} of 15)`}>
      <TableScroll label="Scope 3 categories without a figure">
        <table className="w-full text-left text-sm" data-testid="scope3-statements">
          <thead className="text-xs uppercase text-slate-600">
            <tr><th className="py-1 pr-4">Category</th><th className="pr-4">Statement</th>{editable && <th className="pr-4">Change</th>}</tr>
          </thead>
          <tbody>
            {missing.map((c) => {
              const n = note.get(c.category);
              return (
                <tr key={c.category} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-4">{c.category}. {c.label}</td>
                  <td className="py-2 pr-4">{n ? `${n.relevance === "NOT_RELEVANT" ? "Not relevant" : "Not calculated"}: ${n.reason}` : <span className="text-amber-800">No reason given yet</span>}</td>
                  {editable && (
                    <td className="py-2 pr-4">
                      <ApiForm
                        url={`${api}/scope3`}
                        label={`Statement for Scope 3 category ${c.category}`}
                        submitLabel="Save"
                        fixed={{ category: c.category }}
                        fields={[
                          { name: "relevance", label: "Status", type: "select", options: ["NOT_RELEVANT", "NOT_CALCULATED", ""], defaultValue: n?.relevance ?? "NOT_RELEVANT" },
                          { name: "reason", label: "Reason", defaultValue: n?.reason ?? "" },
                        ]}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}
