// Data quality (primary share, estimates, fallbacks, unresolved lines — listed when acknowledged at submission)
// and the statement of preparation with the approvers and the version's seal.
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatCount } from "@/lib/format";
import { percentOf } from "@/lib/ghg/breakdown";
import { dec } from "@/lib/ghg/decimal";
import type { ReportPerson } from "@/lib/reporting/content";
import { H2, Note, SectionPage, type SectionProps } from "./layout";
import { pct, timestamp, tonnes } from "./numbers";
import { section } from "./sections";
import { colors, s } from "./styles";
import { KVTable, Table } from "./table";

export function DataQuality({ ctx }: SectionProps) {
  const { c } = ctx;
  const q = c.dataQuality;
  const lines = q.resolvedLines + q.unresolvedLines;
  return (
    <SectionPage ctx={ctx} {...section("data-quality")} lead="How much of the inventory rests on primary data, what is estimated, where a fallback factor was used, and what could not be priced.">
      <KVTable
        keyWidth={220}
        rows={[
          { k: "Ledger lines", v: `${formatCount(lines)}: ${formatCount(q.resolvedLines)} resolved, ${formatCount(q.unresolvedLines)} unresolved` },
          { k: "Scope 3 from primary data", v: `${pct(q.primaryScope3Percent)} (market-based); ${pct(c.e16Extras.scope3PrimaryLbPct)} location-based`, sub: "Primary: reported by the supplier itself, or priced with its own supplier-specific factor." },
          { k: "Estimated emissions", v: `${tonnes(q.estimatedKgCo2e)} t CO₂e (${pct(percentOf(dec(q.estimatedKgCo2e), dec(c.e16.totalMbKgCo2e)))} of the market-based total)` },
          { k: "Lines priced with a fallback factor", v: `${formatCount(q.fallbackLines)} (another year's factor, or the grid average instead of a residual mix)` },
          { k: "Lines without a biogenic value", v: formatCount(c.e16Extras.linesWithoutBiogenicValue) },
        ]}
      />
      <H2>Unresolved lines</H2>
      {q.unresolvedLines === 0 ? (
        <Text style={s.p}>Every ledger line was priced with an emission factor.</Text>
      ) : q.unresolvedAcknowledged ? (
        <>
          <Text style={s.p}>{`${formatCount(q.unresolvedLines)} line(s) have no emission factor and are not in the totals. They were acknowledged at submission and are listed here.`}</Text>
          <Table columns={[{ header: "Unresolved" }, { header: "Lines", width: 50 }]} rows={q.unresolved.map((u) => ({ cells: [u.label, formatCount(u.lines)] }))} />
        </>
      ) : (
        <View style={s.warnCallout}>
          <Text style={s.warnText}>{`${formatCount(q.unresolvedLines)} line(s) have no emission factor and are not in the totals: the figures are incomplete. They have not been acknowledged; sign-off requires that they are resolved or acknowledged, and the report then lists them.`}</Text>
        </View>
      )}
      <Note>Unresolved lines are never counted as zero: they are left out of every figure and counted here.</Note>
    </SectionPage>
  );
}

const st = StyleSheet.create({
  signatures: { flexDirection: "row", marginTop: 18, marginHorizontal: -6 },
  sig: { flex: 1, marginHorizontal: 6, borderTopWidth: 0.8, borderTopColor: colors.ink, paddingTop: 6 },
  sigRole: { fontSize: 7, color: colors.muted, letterSpacing: 0.8 },
  sigName: { fontSize: 10, fontWeight: "bold", marginTop: 3 },
  sigLine: { fontSize: 7.8, lineHeight: 1.4, color: colors.muted },
});

function Signature({ role, person, at }: { role: string; person: ReportPerson | null; at: string | null }) {
  return (
    <View style={st.sig}>
      <Text style={st.sigRole}>{role.toUpperCase()}</Text>
      <Text style={st.sigName}>{person?.name ?? "—"}</Text>
      <Text style={st.sigLine}>{person?.email ?? "not yet"}</Text>
      <Text style={st.sigLine}>{timestamp(at)}</Text>
    </View>
  );
}

export function Statement({ ctx }: SectionProps) {
  const { c, doc } = ctx;
  const so = c.signoff;
  const calc = c.calculation;
  const text = doc.seal
    ? `This section of the sustainability statement of ${c.organization.name} for ${c.period.name} (${c.period.startDate} – ${c.period.endDate}) was prepared under operational control from calculation version ${calc.number} (${calc.engineVersion}, calculated ${timestamp(calc.calculatedAt)}). It was submitted by ${so.preparedBy?.name ?? "—"} and approved by ${so.approvedBy?.name ?? "—"}, a different person (four eyes). At approval its content was frozen as report version ${doc.seal.number}; later changes to the inputs do not alter it.`
    : `This is a DRAFT of the ESRS E1 section of ${c.organization.name} for ${c.period.name}, built from calculation version ${calc.number} (${calc.engineVersion}, calculated ${timestamp(calc.calculatedAt)}). It has not been approved, carries no seal, and its figures may change until the period is signed off.`;
  return (
    <SectionPage ctx={ctx} {...section("statement")}>
      <Text style={[s.p, { fontSize: 9, marginTop: 6 }]}>{text}</Text>
      <View style={st.signatures} wrap={false}>
        <Signature role="Prepared and submitted by" person={so.preparedBy} at={so.submittedAt} />
        <Signature role="Approved by" person={so.approvedBy} at={so.approvedAt} />
      </View>
      <H2>Seal of this version</H2>
      {doc.seal ? (
        <KVTable
          rows={[
            { k: "Report version", v: String(doc.seal.number) },
            { k: "sha256 of the canonical content", v: doc.seal.sha256, hash: true },
            { k: "Audit chain head at signing", v: `#${doc.seal.auditHeadSeq}`, sub: doc.seal.auditHeadHash },
            { k: "Report schema", v: c.schema },
          ]}
        />
      ) : (
        <Text style={[s.warnText, { marginTop: 2 }]}>DRAFT: no report version and no seal. The sha256 is computed when the period is signed off.</Text>
      )}
      <Note>Anyone can verify the seal: the sha256 of the version's canonical JSON (keys sorted, no whitespace, decimals as text) equals the hash printed here.</Note>
    </SectionPage>
  );
}
