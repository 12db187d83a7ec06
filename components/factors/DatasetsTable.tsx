// The factor datasets an organization can use, with provenance, lock state and versions; plain data in.
import { TableScroll } from "@/components/ui/TableScroll";
import type { FactorDatasetListItem } from "@/lib/views/factors";
import { NewVersionButton } from "./NewVersionButton";

export function DatasetsTable({ org, datasets, canEdit }: { org: string; datasets: FactorDatasetListItem[]; canEdit: boolean }) {
  return (
    <TableScroll label="Factor datasets">
      <table className="w-full text-left text-sm [&_td]:px-2 [&_th]:px-2" data-testid="factor-datasets">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Dataset</th>
            <th>Publisher</th>
            <th>Version</th>
            <th>Year</th>
            <th>Licence</th>
            <th>Retrieved</th>
            <th className="text-right">Factors</th>
            <th>State</th>
            {canEdit && <th />}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {datasets.map((d) => (
            <tr key={d.id} data-testid="factor-dataset-row" data-kind={d.kind}>
              <td className="py-2">
                <a className="text-emerald-700 underline" href={`/${org}/factors?datasetId=${d.id}`}>{d.title}</a>
                <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-600">{d.shipped ? "shipped" : d.kind.toLowerCase()}</span>
                {d.url && (
                  <a className="ml-2 text-xs text-slate-500 underline" href={d.url} rel="noreferrer" target="_blank">source</a>
                )}
              </td>
              <td>{d.publisher}</td>
              <td>{d.version}</td>
              <td>{d.year ?? "—"}</td>
              <td className="max-w-48 text-xs">{d.licence}</td>
              <td>{d.retrievedAt ?? "—"}</td>
              <td className="text-right tabular-nums">{d.factorCount}</td>
              <td data-testid="factor-dataset-state">
                {d.lockedAt ? <span title="Used by the ledger: immutable">locked since {d.lockedAt.slice(0, 10)}</span> : "open"}
                {d.supersededBy.length > 0 && <div className="text-xs text-amber-700">superseded by version {d.supersededBy.map((v) => v.version).join(", ")}</div>}
              </td>
              {canEdit && (
                <td>
                  <NewVersionButton org={org} datasetId={d.id} currentVersion={d.version} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
