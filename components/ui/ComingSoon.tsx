/** A section that a later issue fills; says so plainly instead of pretending. */
export function ComingSoon({ what, issue }: { what: string; issue: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="coming-soon">
      <span className="inline-block rounded-full bg-amber-100 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-amber-800">
        Coming
      </span>
      <p className="mt-3 text-slate-600">{what}</p>
      <p className="mt-1 text-xs text-slate-500">Planned in: {issue}</p>
    </div>
  );
}
