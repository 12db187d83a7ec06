// Labelled datapoints (E1-5, E1-6 extras) as a two-column table; rows from e1-rows.ts.
import { TableScroll } from "@/components/ui/TableScroll";
import type { DatapointRow } from "../../lib/views/e1-rows";

export function DatapointsTable({ rows, testId, label }: { rows: DatapointRow[]; testId: string; label: string }) {
  return (
    <TableScroll label={label}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.testId}>
              <td className={`py-1.5 ${r.indent ? "pl-5 text-slate-600" : ""}`}>{r.label}</td>
              <td className="text-right tabular-nums" data-testid={r.testId}>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
