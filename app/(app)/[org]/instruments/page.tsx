import { InstrumentForm } from "@/components/activity/InstrumentForm";
import { RecordActions } from "@/components/activity/RecordActions";
import { TemplateHelp } from "@/components/activity/TemplateHelp";
import { UploadForm } from "@/components/imports/UploadForm";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { serverEnv } from "@/lib/env";
import { formatDecimal } from "@/lib/format";
import { listInstruments } from "@/lib/services/activity/list-instruments";
import { instrumentEntryText } from "@/lib/services/activity/instrument-view";
import { listSites } from "@/lib/services/activity/list-sites";
import { INSTRUMENT_TEMPLATE_COLUMNS, INSTRUMENT_TYPE_OPTIONS, uploadSource } from "@/lib/views/forms";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Instruments" };

const TYPE_OPTIONS = INSTRUMENT_TYPE_OPTIONS;

const NOTES = [
  "An instrument counts for market-based Scope 2 only if it is retired on the organization's behalf, its vintage matches the consumption and its market is the consumption's (GHG Protocol Scope 2 quality criteria); the accounting engine checks them.",
  "A certificate (tracking system + certificate id) is recorded once: the same certificate again — in a form, the same file or another — is refused or counted as a duplicate, never a second instrument.",
];

export default async function InstrumentsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const [{ instruments, totalMwh }, sites] = await Promise.all([listInstruments({ ctx }), listSites({ ctx })]);
  const editable = can("instrument:manage");
  const siteNames = sites.map((s) => s.name);
  return (
    <>
      <PageHeader
        title="Contractual instruments"
        subtitle="RECs, Guarantees of Origin, PPAs, green tariffs and supplier rates for market-based Scope 2"
        actions={<a className="text-sm text-emerald-700 underline" href={`/api/orgs/${org}/instruments/template`} download>Download the CSV template</a>}
      />
      <div className="flex flex-col gap-6">
        {editable ? (
          <>
            <Card title="Record an instrument">
              <InstrumentForm org={org} types={TYPE_OPTIONS} sites={siteNames} />
            </Card>
            <Card title="Import instruments CSV">
              <UploadForm org={org} maxBytes={serverEnv().SCOPEBOOK_MAX_UPLOAD_BYTES} sources={[uploadSource("INSTRUMENTS_CSV")]} />
            </Card>
          </>
        ) : (
          <p className="text-sm text-slate-500" data-testid="instruments-read-only">Your role can read instruments; officers and admins record them.</p>
        )}
        <Card title={`Instruments · ${formatDecimal(totalMwh)} MWh`}>
          {instruments.length === 0 ? (
            <p className="text-sm text-slate-500">No instruments recorded.</p>
          ) : (
            <TableScroll label="Instruments">
              <table className="w-full text-left text-sm" data-testid="instruments-table">
                <thead className="text-xs uppercase text-slate-500">
                  <tr><th className="py-2">Type</th><th className="text-right">MWh</th><th>Market</th><th>Vintage</th><th>Certificate</th><th>Retired for us</th><th>Bundled</th><th className="text-right">kg CO₂e/kWh</th><th>Site</th><th>Evidence</th>{editable && <th className="text-right">Actions</th>}</tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {instruments.map((i) => (
                    <tr key={i.id} data-record-id={i.id}>
                      <td className="py-2">{i.typeLabel}</td>
                      <td className="text-right tabular-nums">{formatDecimal(i.volumeMwh)}</td>
                      <td>{i.market}</td>
                      <td className="whitespace-nowrap">{i.vintageStart} – {i.vintageEnd}</td>
                      <td>{i.trackingSystem ? `${i.trackingSystem} · ${i.certificateId}` : "—"}</td>
                      <td>{i.retiredOnBehalf ? "yes" : <span className="text-amber-700">no</span>}</td>
                      <td>{i.bundled === null ? "—" : i.bundled ? "yes" : "no"}</td>
                      <td className="text-right tabular-nums">{formatDecimal(i.emissionRateKgCo2ePerKwh)}</td>
                      <td>{i.site ?? "—"}</td>
                      <td>
                        {i.evidenceFile ? <a className="text-emerald-700 underline" href={`/api/orgs/${org}/evidence/${i.evidenceFile.id}`}>{i.evidenceFile.fileName}</a> : i.importId ? <a className="text-emerald-700 underline" href={`/${org}/imports/${i.importId}`}>import, row {i.rowNumber}</a> : "—"}
                      </td>
                      {editable && (
                        <td className="text-right align-top">
                          <RecordActions deleteUrl={`/api/orgs/${org}/instruments/${i.id}`} what="instrument">
                            <InstrumentForm org={org} types={TYPE_OPTIONS} sites={siteNames} edit={{ id: i.id, values: instrumentEntryText(i) }} />
                          </RecordActions>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </Card>
        <TemplateHelp title="The instruments CSV template" href={`/api/orgs/${org}/instruments/template`} columns={INSTRUMENT_TEMPLATE_COLUMNS} notes={NOTES} />
      </div>
    </>
  );
}
