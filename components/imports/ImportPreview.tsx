// What Scopebook understood from an uploaded file, before anything is written: source and version, counts, the
// first rows as read, warnings and row errors. Plain data in (an ImportView), no state.
import { TableScroll } from "@/components/ui/TableScroll";
import { formatCount, formatDecimal } from "@/lib/format";
import type { ImportView } from "@/lib/views/imports";

const SHOWN_ERRORS = 50;

function Count({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: "bad" }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <div className="text-xs uppercase text-slate-500">{label}</div>
      <div className={`text-xl font-semibold tabular-nums ${tone === "bad" && value ? "text-rose-700" : ""}`} data-testid={testId}>
        {formatCount(value)}
      </div>
    </div>
  );
}

const num = (v: string | null) => (v === null ? "—" : formatDecimal(v));

export function ImportPreview({ view, errorsHref }: { view: ImportView; errorsHref: string | null }) {
  const groups = view.recordKind === "activity" ? "Sites" : view.recordKind === "instrument" ? "Markets" : "Projects";
  const notes: string[] = [];
  if (view.rowsUnknownIdentity)
    notes.push(
      `${formatCount(view.rowsUnknownIdentity)} row(s) have no run id (empty or "None"): their run identity is unknown, so each is kept as a run of its own. ` +
        `If the tracker appended several cumulative rows for one run, that run is counted more than once.`,
    );
  if (view.flags.totals_mismatch)
    notes.push(
      `${formatCount(view.flags.totals_mismatch)} row(s) state totals that are not the sum of their scopes: they are kept as the file states them and flagged (totals_mismatch).`,
    );
  if (view.flags.rounded_to_30_decimals)
    notes.push(`${formatCount(view.flags.rounded_to_30_decimals)} row(s) in GJ: converted to kWh (× 1,000,000 / 3,600), which does not terminate, so rounded at the 30th decimal (decision 0011).`);
  if (view.flags.not_retired_on_behalf)
    notes.push(`${formatCount(view.flags.not_retired_on_behalf)} instrument(s) are not retired on the organization's behalf: recorded, but they cannot count for market-based Scope 2.`);
  if (view.duplicateRowsInFile)
    notes.push(`${formatCount(view.duplicateRowsInFile)} row(s) repeat an earlier row of this file: they are counted as duplicates, not imported twice.`);
  return (
    <div className="flex flex-col gap-4" data-testid="import-preview">
      <p className="text-sm text-slate-600" data-testid="preview-source">
        {view.sourceLabel}
        {view.detectedVersion && <> · version {view.detectedVersion}</>} · {view.sizeLabel}
        {view.measuredFrom && (
          <>
            {" "}
            · {view.recordKind === "measurement" ? "measured" : "period"} {view.measuredFrom.slice(0, 10)} to {view.measuredTo?.slice(0, 10)}
          </>
        )}
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Count label="Rows" value={view.rowsTotal} testId="preview-rows-total" />
        <Count label="Readable" value={view.rowsValid} testId="preview-rows-valid" />
        <Count label="With errors" value={view.rowsFailed} testId="preview-rows-failed" tone="bad" />
        {view.recordKind === "measurement" ? (
          <Count label="Runs" value={view.runs} testId="preview-runs" />
        ) : (
          <Count label="Duplicates" value={view.duplicateRowsInFile} testId="preview-duplicates" />
        )}
        <Count label={groups} value={view.projectsTotal} testId="preview-projects" />
      </div>
      {view.projects.length > 0 && <p className="text-xs text-slate-500">{groups}: {view.projects.join(", ")}{view.projectsTotal > view.projects.length ? ", …" : ""}</p>}
      {view.warnings.length > 0 && (
        <ul className="list-disc rounded-md border border-amber-200 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900" data-testid="preview-warnings">
          {view.warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="list-disc rounded-md border border-sky-200 bg-sky-50 py-2 pl-8 pr-3 text-sm text-sky-900" data-testid="preview-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {view.table.rows.length > 0 && <PreviewRows view={view} />}
      <RowErrors view={view} errorsHref={errorsHref} />
    </div>
  );
}

export function RowErrors({ view, errorsHref }: { view: ImportView; errorsHref: string | null }) {
  if (!view.rowErrorsTotal) return <p className="text-sm text-slate-500">Every row was read.</p>;
  return (
    <div>
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase text-slate-500">
          Row errors ({formatCount(view.rowErrorsTotal)} in {formatCount(view.rowsFailed)} rows; these rows are skipped)
        </h3>
        {errorsHref && (
          <a className="text-sm text-emerald-700 underline" href={errorsHref} data-testid="download-errors">
            Download rows with errors (CSV)
          </a>
        )}
      </div>
      <TableScroll label="Row errors">
        <table className="w-full text-left text-sm" data-testid="row-errors">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-1">Row</th><th>Column</th><th>Value</th><th>Reason</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.rowErrors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <tr key={i}>
                <td className="py-1 tabular-nums">{e.row}</td>
                <td className="font-mono text-xs">{e.column ?? "—"}</td>
                <td className="max-w-48 truncate font-mono text-xs">{e.value ?? "(empty)"}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {view.rowErrorsTotal > SHOWN_ERRORS && <p className="mt-1 text-xs text-slate-500">The first {SHOWN_ERRORS} are shown; the CSV has them all.</p>}
    </div>
  );
}

/** The first rows in the columns their record kind describes (lib/ingest/kinds). */
function PreviewRows({ view }: { view: ImportView }) {
  const { columns, rows } = view.table;
  return (
    <TableScroll label="First rows as Scopebook read them">
      <table className="w-full text-left text-xs" data-testid="preview-first-rows">
        <caption className="pb-1 text-left text-xs uppercase text-slate-500">
          First rows as Scopebook read them{view.recordKind === "measurement" ? " (energy includes the tracker's PUE)" : ""}
        </caption>
        <thead className="uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-2">Row</th>
            {columns.map((c) => (
              <th key={c.key} className={`pr-2 ${c.numeric ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.row}>
              <td className="py-1 pr-2">{r.row}</td>
              {r.cells.map((cell, i) =>
                columns[i]?.numeric ? (
                  <td key={i} className="pr-2 text-right">
                    {num(cell)}
                  </td>
                ) : (
                  <td key={i} className="pr-2 whitespace-nowrap">
                    {cell ?? (columns[i]?.key === "run" ? <span className="text-amber-700">unknown</span> : "—")}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
