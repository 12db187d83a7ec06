// The credit lines of the factor datasets in use (shipped open data must be credited wherever it is shown).
import type { FactorAttribution } from "@/lib/views/factors";

export function AttributionList({ attributions }: { attributions: FactorAttribution[] }) {
  if (attributions.length === 0) return <p className="text-sm text-slate-500">No dataset asks for attribution.</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm" data-testid="factor-attributions">
      {attributions.map((a) => (
        <li key={a.datasetId}>
          <strong>
            {a.title} ({a.publisher}, {a.version})
          </strong>{" "}
          — {a.attribution && `${a.attribution} `}Licence: {a.licence}.
          {a.url && (
            <>
              {" "}
              <a className="text-emerald-700 underline" href={a.url} rel="noreferrer" target="_blank">
                {a.url}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
