import Link from "next/link";
import { formatCount, formatDecimal, formatMassKg } from "@/lib/format";
import type { SampleDetail, SampleListItem } from "@/lib/views/assurance-procedures";
import { TableScroll } from "../ui/TableScroll";
import { JsonForm } from "./JsonForm";

const th = "py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

export function SamplesList({ samples, href }: { samples: SampleListItem[]; href: (id: string) => string }) {
  if (samples.length === 0) return <p className="text-sm text-slate-600">No sample drawn on this period yet.</p>;
  return (
    <TableScroll label="Samples">
      <table className="w-full text-sm" data-testid="samples">
        <thead><tr><th className={th}>#</th><th className={th}>Name</th><th className={th}>Method</th><th className={`${th} text-right`}>Population</th><th className={`${th} text-right`}>Sample size</th><th className={`${th} text-right`}>Tested</th><th className={`${th} text-right`}>Exceptions</th></tr></thead>
        <tbody>
          {samples.map((s) => (
            <tr key={s.id} className="border-t border-slate-100">
              <td className="py-1.5 tabular-nums">{s.number}</td>
              <td><Link className="text-sky-800 hover:underline" href={href(s.id)}>{s.name}</Link></td>
              <td>{s.method === "MUS" ? "monetary-unit" : "attribute"}</td>
              <td className="text-right tabular-nums">{formatCount(s.populationSize)} lines, {formatMassKg(s.populationKgCo2e)}</td>
              <td className="text-right tabular-nums">{formatCount(s.sampleSize)}</td>
              <td className="text-right tabular-nums">{formatCount(s.tested)} / {formatCount(s.items)}</td>
              <td className="text-right tabular-nums">{formatCount(s.exceptions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function CreateSampleForm({ url, redirectTo }: { url: string; redirectTo: string }) {
  const scopes = [{ value: "", label: "all scopes" }, { value: "SCOPE_1", label: "Scope 1" }, { value: "SCOPE_2", label: "Scope 2" }, { value: "SCOPE_3", label: "Scope 3" }];
  return (
    <JsonForm url={url} redirectTo={redirectTo} label="Draw a sample" submitLabel="Draw the sample" testId="create-sample" fields={[
      { name: "name", label: "Name", placeholder: "Scope 2 invoices" },
      { name: "method", label: "Method", type: "select", options: [{ value: "MUS", label: "monetary-unit (kgCO2e)" }, { value: "ATTRIBUTE", label: "attribute" }] },
      { name: "population.scope", label: "Scope", type: "select", options: scopes },
      { name: "population.view", label: "Figures", type: "select", options: [{ value: "", label: "all lines" }, { value: "lb", label: "location-based" }, { value: "mb", label: "market-based" }] },
      { name: "population.category", label: "S3 category", placeholder: "1–15" },
      { name: "population.siteId", label: "Site id" },
      { name: "population.projectId", label: "Project id" },
      { name: "confidence", label: "Confidence", defaultValue: "0.95" },
      { name: "tolerableRate", label: "Tolerable rate (attribute)", placeholder: "0.05" },
      { name: "tolerableMisstatementTCo2e", label: "Tolerable misstatement tCO2e (MUS)" },
      { name: "keyItemThresholdTCo2e", label: "Key items from tCO2e" },
      { name: "keySiteIds", label: "Sites tested in full (ids, comma-separated)", list: true },
      { name: "seed", label: "Seed (empty: random)" },
    ]} />
  );
}

const kg = (v: string | null) => (v === null ? "—" : formatMassKg(v));

export function SampleDetailView({ s, itemUrl, canWork, linesHref }: { s: SampleDetail; itemUrl: (position: number) => string; canWork: boolean; linesHref: string }) {
  const m = s.summary;
  const filter = Object.entries(s.population).map(([k, v]) => `${k} ${v}`).join(", ") || "every line";
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="sample-parameters">
        <div><dt className="inline text-slate-500">Population: </dt><dd className="inline">{filter}; {formatCount(s.populationSize)} lines, {kg(s.populationKgCo2e)}</dd></div>
        <div><dt className="inline text-slate-500">Population sha256: </dt><dd className="inline break-all font-mono text-xs">{s.populationSha256}</dd></div>
        <div><dt className="inline text-slate-500">Statistical population: </dt><dd className="inline">{formatCount(s.statisticalSize)} lines, {kg(s.statisticalKgCo2e)}</dd></div>
        <div><dt className="inline text-slate-500">Key items: </dt><dd className="inline">{s.keyItemThresholdKgCo2e ? `lines ≥ ${kg(s.keyItemThresholdKgCo2e)}` : "no threshold"}{s.keySiteIds.length ? `; ${s.keySiteIds.length} site(s) in full` : ""}</dd></div>
        <div><dt className="inline text-slate-500">Confidence: </dt><dd className="inline">{formatDecimal(s.confidence)}{s.tolerableRate ? `, tolerable rate ${formatDecimal(s.tolerableRate)}` : ""}{s.tolerableMisstatementKgCo2e ? `, tolerable misstatement ${kg(s.tolerableMisstatementKgCo2e)}` : ""}</dd></div>
        <div><dt className="inline text-slate-500">Sample size: </dt><dd className="inline">{formatCount(s.sampleSize)}{s.intervalKgCo2e ? `; interval ${kg(s.intervalKgCo2e)}, random start ${kg(s.randomStartKgCo2e)}` : ""}</dd></div>
        <div><dt className="inline text-slate-500">Seed: </dt><dd className="inline font-mono text-xs">{s.seed}</dd></div>
        <div><dt className="inline text-slate-500">Version: </dt><dd className="inline">{s.reportVersionNumber ? `signed report version ${s.reportVersionNumber}` : "current calculation (not signed)"}</dd></div>
      </dl>
      <p className="rounded-md bg-slate-50 px-4 py-3 text-sm" data-testid="sample-summary">
        Tested {formatCount(m.tested)} of {formatCount(m.items)} items: {formatCount(m.agreed)} agreed, {formatCount(m.exceptions)} {m.exceptions === 1 ? "exception" : "exceptions"}.
        Known misstatement {kg(m.knownMisstatementKgCo2e)} (key items {kg(m.keyItemMisstatementKgCo2e)}); projected {kg(m.projectedMisstatementKgCo2e)}; total projected {kg(m.totalProjectedKgCo2e)}
        {m.deviationRate !== null ? `; deviation rate ${formatDecimal(m.deviationRate)}` : ""}{m.basicPrecisionKgCo2e ? `; basic precision ${kg(m.basicPrecisionKgCo2e)}` : ""}.
      </p>
      <TableScroll label="Sampled items">
        <table className="w-full text-sm" data-testid="sample-items">
          <thead><tr><th className={th}>#</th><th className={th}>Line</th><th className={th}>Selected as</th><th className={`${th} text-right`}>Book value</th><th className={th}>Result</th>{canWork && <th className={th}>Record</th>}</tr></thead>
          <tbody>
            {s.items.map((i) => (
              <tr key={i.position} className="border-t border-slate-100 align-top">
                <td className="py-1.5 tabular-nums">{i.position}</td>
                <td className="font-mono text-xs"><Link className="text-sky-800 hover:underline" href={linesHref}>{i.lineId}</Link></td>
                <td>{i.selection === "KEY_ITEM" ? "key item (in full)" : `sample${i.hits > 1 ? ` (${i.hits} points)` : ""}`}</td>
                <td className="text-right tabular-nums">{kg(i.bookKgCo2e)}</td>
                <td>{i.result === null ? <span className="text-slate-500">not tested</span> : i.result === "AGREED" ? "agreed" : <span className="font-medium text-red-800">exception {kg(i.misstatementKgCo2e)}</span>}{i.note ? <span className="block text-xs text-slate-600">{i.note}</span> : null}</td>
                {canWork && (
                  <td>
                    <JsonForm url={itemUrl(i.position)} label={`Result of item ${i.position}`} submitLabel="Save" fields={[
                      { name: "result", label: "Result", type: "select", defaultValue: i.result ?? "AGREED", options: [{ value: "AGREED", label: "agreed" }, { value: "EXCEPTION", label: "exception" }] },
                      { name: "misstatementKgCo2e", label: "Misstated kgCO2e", defaultValue: i.misstatementKgCo2e ?? "" },
                      { name: "note", label: "Note", defaultValue: i.note ?? "" },
                      { name: "evidenceFileId", label: "Evidence file id", defaultValue: i.evidenceFileId ?? "" },
                    ]} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
