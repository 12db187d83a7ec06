/**
 * The management representation letter (ISAE 3410 written representations) as an A4 PDF: addressed to the assurance
 * provider, from the entity, for one signed report version — boundary, E1-6 totals, estimates used and the list of
 * uncorrected misstatements, then the approver's signature block. Data in, document out: no database, no clock
 * (the date is the signing time, or "draft").
 */
import { createElement, type ReactElement } from "react";
import { Document, Page, StyleSheet, Text, View, renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { formatTCo2eFromKg } from "@/lib/format";
import { PDF_FONT_FAMILY } from "./SummaryReport";

export interface RepresentationLetterData {
  schema: "scopebook.representation-letter/1";
  entity: { name: string; slug: string };
  addressee: { firm: string; engagement: string } | null;
  period: { name: string; startDate: string; endDate: string };
  reportVersion: { number: number; sha256: string };
  boundary: { consolidationApproach: string; exclusions: string[] };
  totals: { scope1KgCo2e: string; scope2LbKgCo2e: string; scope2MbKgCo2e: string; scope3LbKgCo2e: string; scope3MbKgCo2e: string; totalLbKgCo2e: string; totalMbKgCo2e: string };
  estimates: { estimatedKgCo2e: string; estimatedPercentOfTotalLb: string | null; fallbackLines: number; unresolvedLines: number };
  uncorrected: { description: string; amountKgCo2e: string; source: string }[];
  uncorrectedTotalKgCo2e: string;
  signoff: { preparedBy: string | null; reviewedBy: string | null; approvedBy: string | null };
  /** The signature: who signs (the approver) and when; null in a draft. */
  signature: { name: string; email: string; signedAt: string } | null;
}

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10, lineHeight: 1.45, paddingTop: 56, paddingBottom: 60, paddingHorizontal: 64, color: "#1e293b" },
  from: { fontSize: 10, marginBottom: 18 },
  fromName: { fontSize: 13, fontWeight: "bold" },
  to: { marginBottom: 16 },
  date: { marginBottom: 16, textAlign: "right" },
  subject: { fontWeight: "bold", marginBottom: 12 },
  p: { marginBottom: 8, textAlign: "justify" },
  h: { fontWeight: "bold", marginTop: 8, marginBottom: 4 },
  row: { flexDirection: "row", borderBottom: "0.5pt solid #cbd5e1", paddingVertical: 2 },
  k: { width: "65%" },
  v: { width: "35%", textAlign: "right" },
  li: { marginBottom: 3, paddingLeft: 10 },
  sig: { marginTop: 24, borderTop: "0.75pt solid #334155", paddingTop: 6, width: 260 },
  draft: { position: "absolute", top: 330, left: 90, fontSize: 64, color: "#e2e8f0", transform: "rotate(-30deg)" },
  foot: { position: "absolute", bottom: 28, left: 64, right: 64, fontSize: 7, color: "#64748b" },
});

const t = (kg: string) => formatTCo2eFromKg(kg);

function Letter({ d }: { d: RepresentationLetterData }) {
  const date = d.signature ? d.signature.signedAt.slice(0, 10) : "DRAFT — not signed";
  const rows: [string, string][] = [
    ["Gross Scope 1 GHG emissions", t(d.totals.scope1KgCo2e)],
    ["Gross Scope 2 GHG emissions, location-based", t(d.totals.scope2LbKgCo2e)],
    ["Gross Scope 2 GHG emissions, market-based", t(d.totals.scope2MbKgCo2e)],
    ["Gross Scope 3 GHG emissions (location-based Scope 2 basis)", t(d.totals.scope3LbKgCo2e)],
    ["Total GHG emissions, location-based", t(d.totals.totalLbKgCo2e)],
    ["Total GHG emissions, market-based", t(d.totals.totalMbKgCo2e)],
  ];
  return (
    <Document title={`Management representation letter ${d.entity.name} ${d.period.name}`} author={d.entity.name} producer="Scopebook" creator="Scopebook" creationDate={d.signature ? new Date(d.signature.signedAt) : undefined}>
      <Page size="A4" style={s.page}>
        {!d.signature && <Text style={s.draft} fixed>DRAFT</Text>}
        <View style={s.from}>
          <Text style={s.fromName}>{d.entity.name}</Text>
        </View>
        <View style={s.to}>
          <Text>To: {d.addressee ? d.addressee.firm : "the assurance provider"}</Text>
          {d.addressee && <Text>Engagement: {d.addressee.engagement}</Text>}
        </View>
        <Text style={s.date}>{date}</Text>
        <Text style={s.subject}>Management representation letter — GHG emissions (ESRS E1-6), {d.period.name} ({d.period.startDate} to {d.period.endDate})</Text>
        <Text style={s.p}>
          This representation letter is provided in connection with your limited assurance engagement on the greenhouse gas statement of {d.entity.name} for {d.period.name}, report version {d.reportVersion.number} (sha256 {d.reportVersion.sha256}), prepared in accordance with ESRS E1 and the GHG Protocol Corporate Standard.
        </Text>
        <Text style={s.p}>We confirm, to the best of our knowledge and belief, that:</Text>
        <Text style={s.li}>1. We are responsible for the preparation of the GHG statement, and for the internal control we determined necessary for it to be free from material misstatement.</Text>
        <Text style={s.li}>2. We have provided you with all information and access you requested, and all relevant records are reflected in the statement.</Text>
        <Text style={s.li}>3. The organizational boundary is determined by the {d.boundary.consolidationApproach} approach{d.boundary.exclusions.length ? `; exclusions: ${d.boundary.exclusions.join("; ")}` : ", with no exclusions"}.</Text>
        <Text style={s.li}>4. The significant assumptions and estimates used are reasonable. Estimated data account for {t(d.estimates.estimatedKgCo2e)}{d.estimates.estimatedPercentOfTotalLb ? ` (${d.estimates.estimatedPercentOfTotalLb} % of total location-based emissions)` : ""}; {d.estimates.fallbackLines} ledger line(s) use a fallback factor and {d.estimates.unresolvedLines} line(s) are unresolved.</Text>
        <Text style={s.li}>5. The effects of the uncorrected misstatements listed below are immaterial, individually and in aggregate, to the GHG statement as a whole.</Text>
        <Text style={s.h}>GHG statement as signed (tCO₂e)</Text>
        {rows.map(([k, v]) => (
          <View key={k} style={s.row}>
            <Text style={s.k}>{k}</Text>
            <Text style={s.v}>{v}</Text>
          </View>
        ))}
        <Text style={s.h}>Uncorrected misstatements</Text>
        {d.uncorrected.length === 0 ? (
          <Text style={s.p}>None were communicated to us.</Text>
        ) : (
          <>
            {d.uncorrected.map((m, i) => (
              <View key={i} style={s.row}>
                <Text style={s.k}>{`${i + 1}. ${m.description} (${m.source.toLowerCase()})`}</Text>
                <Text style={s.v}>{t(m.amountKgCo2e)}</Text>
              </View>
            ))}
            <View style={s.row}>
              <Text style={[s.k, { fontWeight: "bold" }]}>Total uncorrected</Text>
              <Text style={[s.v, { fontWeight: "bold" }]}>{t(d.uncorrectedTotalKgCo2e)}</Text>
            </View>
          </>
        )}
        <Text style={[s.p, { marginTop: 10 }]}>
          Prepared by {d.signoff.preparedBy ?? "—"}, reviewed by {d.signoff.reviewedBy ?? "—"}, approved by {d.signoff.approvedBy ?? "—"}.
        </Text>
        <View style={s.sig} wrap={false}>
          {d.signature ? (
            <>
              <Text style={{ fontWeight: "bold" }}>{d.signature.name}</Text>
              <Text>{d.signature.email}</Text>
              <Text>Signed in Scopebook on {d.signature.signedAt.slice(0, 16).replace("T", " ")} UTC</Text>
            </>
          ) : (
            <Text>Not signed: the approver signs this letter in Scopebook.</Text>
          )}
        </View>
        <Text style={s.foot} fixed>
          {d.entity.name} · {d.period.name} · report version {d.reportVersion.number} · {d.schema}
        </Text>
      </Page>
    </Document>
  );
}

export async function renderRepresentationLetterPdf(d: RepresentationLetterData): Promise<Buffer> {
  return renderToBuffer(createElement(Letter, { d }) as unknown as ReactElement<DocumentProps>);
}
