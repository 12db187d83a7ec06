// The cover (organization, period, status, version, approvers, seal) and the contents with page numbers.
import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { DraftMarks, SectionPage, type SectionProps } from "./layout";
import { longDate, timestamp } from "./numbers";
import { SECTIONS } from "./sections";
import { KVTable } from "./table";
import { colors, MARGIN_X, s } from "./styles";

const c = StyleSheet.create({
  band: { backgroundColor: colors.accent, marginHorizontal: -MARGIN_X, marginTop: -70, paddingHorizontal: MARGIN_X, paddingTop: 90, paddingBottom: 34 },
  overline: { fontSize: 8.5, letterSpacing: 2, color: "#cfe5da", fontWeight: "bold" },
  title: { fontSize: 30, lineHeight: 1.2, fontWeight: "bold", color: "#ffffff", marginTop: 10 },
  subtitle: { fontSize: 13, lineHeight: 1.35, color: "#e3efe9", marginTop: 6 },
  org: { fontSize: 18, lineHeight: 1.3, fontWeight: "bold", marginTop: 36 },
  period: { fontSize: 10.5, lineHeight: 1.4, color: colors.muted, marginTop: 4 },
  status: { marginTop: 28, borderTopWidth: 0.8, borderTopColor: colors.ink, paddingTop: 8 },
  about: { position: "absolute", left: MARGIN_X, right: MARGIN_X, bottom: 54, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 8 },
  badge: { alignSelf: "flex-start", marginTop: 22, paddingVertical: 4, paddingHorizontal: 9, borderWidth: 1 },
  badgeText: { fontSize: 9, fontWeight: "bold", letterSpacing: 1.5 },
  tocRow: { flexDirection: "row", alignItems: "flex-end", paddingVertical: 5.5, borderBottomWidth: 0.4, borderBottomColor: colors.hairline },
  tocKicker: { width: 120, fontSize: 7.5, color: colors.accent, fontWeight: "bold" },
  tocTitle: { flex: 1, fontSize: 9.5 },
  tocPage: { width: 40, textAlign: "right", fontSize: 9.5, fontWeight: "bold" },
});


const person = (p: { name: string; email: string } | null) => (p ? `${p.name} <${p.email}>` : "—");

export function Cover({ ctx }: SectionProps) {
  const { c: content, doc, draft } = ctx;
  const calc = content.calculation;
  return (
    <Page size="A4" style={s.page}>
      <DraftMarks ctx={ctx} />
      <View style={c.band}>
        <Text style={c.overline}>SUSTAINABILITY STATEMENT · ENVIRONMENTAL INFORMATION</Text>
        <Text style={c.title}>ESRS E1 Climate change</Text>
        <Text style={c.subtitle}>Targets, energy and gross greenhouse gas emissions</Text>
      </View>
      <Text style={c.org}>{content.organization.name}</Text>
      <Text style={c.period}>
        Reporting period {content.period.name}: {longDate(content.period.startDate)} – {longDate(content.period.endDate)}
      </Text>
      <View style={[c.badge, { borderColor: draft ? colors.watermark : colors.accent }]}>
        <Text style={[c.badgeText, { color: draft ? colors.watermark : colors.accent }]}>{draft ? "DRAFT · NOT SIGNED OFF" : "SIGNED OFF"}</Text>
      </View>
      <View style={c.status}>
        <KVTable
          keyWidth={130}
          rows={[
            { k: "Status", v: draft ? "DRAFT: built from the current calculation; not approved, no seal" : "Signed off: frozen report version" },
            { k: "Report version", v: doc.seal ? `Version ${doc.seal.number}` : "none (draft)" },
            { k: "Calculation version", v: `Version ${calc.number} · ${calc.engineVersion} · calculated ${timestamp(calc.calculatedAt)}` },
            { k: "Prepared and submitted by", v: person(content.signoff.preparedBy), sub: content.signoff.submittedAt ? `submitted ${timestamp(content.signoff.submittedAt)}` : undefined },
            { k: "Approved by", v: person(content.signoff.approvedBy), sub: content.signoff.approvedAt ? `approved ${timestamp(content.signoff.approvedAt)}` : "not approved" },
            { k: "Consolidation", v: `${content.boundary.approach}; figures in tonnes of CO₂e, energy in MWh` },
            ...(doc.seal
              ? [
                  { k: "Content sha256", v: doc.seal.sha256, hash: true },
                  { k: "Audit chain head", v: `#${doc.seal.auditHeadSeq} · ${doc.seal.auditHeadHash}`, hash: true },
                ]
              : []),
          ]}
        />
      </View>
      <View style={c.about}>
        <Text style={s.h3}>About this section</Text>
        <Text style={s.p}>
          {`This section discloses ${content.organization.name}'s climate-change information under ESRS E1 of the European Sustainability Reporting Standards: the targets of E1-4, the energy consumption and mix of E1-5 and the gross Scope 1, 2 and 3 emissions of E1-6, with comparatives for ${content.previous?.periodName ?? "no earlier period"}${content.base ? ` and the base year ${content.base.year}` : ""}.`}
        </Text>
        <Text style={s.p}>{draft ? "Every page of this draft is marked DRAFT. It is not a signed report version and must not be published." : "It is rendered from the frozen report version; its sha256 identifies the content exactly and is printed again in the statement of preparation."}</Text>
      </View>
    </Page>
  );
}

export function Contents({ ctx }: SectionProps) {
  return (
    <SectionPage ctx={ctx} id="contents" kicker={ctx.c.period.name} title="Contents">
      <View style={{ marginTop: 10 }}>
        {SECTIONS.map((sec) => (
          <View key={sec.id} style={c.tocRow} wrap={false}>
            <Text style={c.tocKicker}>{sec.kicker}</Text>
            <Text style={c.tocTitle}>{sec.title}</Text>
            <Text
              style={c.tocPage}
              render={() => {
                // react-pdf resolves render props once while splitting pages and again, in page order, once all
                // pages are split: by then every heading has recorded its page (render-e1-report.ts checks it).
                const n = ctx.pages[sec.id] ?? ctx.collect[sec.id] ?? null;
                ctx.printed[sec.id] = n;
                return n === null ? "…" : String(n);
              }}
            />
          </View>
        ))}
      </View>
      <Text style={[s.note, { marginTop: 14 }]}>
        Figures are stated in tonnes of CO₂ equivalent (t CO₂e) and energy in megawatt-hours (MWh), computed exactly and rounded only for display: half-up, three decimals at and above 1, four significant digits below.
      </Text>
    </SectionPage>
  );
}
