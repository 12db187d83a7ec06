/**
 * The PDF report's ESRS E1 page for one reporting period: E1-6 gross emissions, the E1-6 extras (biogenic CO2,
 * primary Scope 3 data, contractual instruments), E1-5 energy, the methodology (E1-6 item 8) and the credit lines
 * of the factor datasets. Plain data in; the rows are the inventory page's (lib/views/e1-rows.ts).
 */
import { Page, StyleSheet, Text, View, type Styles } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { e15Rows, e16ExtraRows, e16Rows, type DatapointRow } from "@/lib/views/e1-rows";
import type { E16 } from "@/lib/ghg/aggregate";
import type { E16Extras } from "@/lib/ghg/e16-extras";
import type { E15 } from "@/lib/ghg/energy-mix";

export interface SummaryInventory {
  periodName: string;
  startDate: string;
  endDate: string;
  versionNumber: number;
  currency: string;
  e16: E16;
  e16Extras: E16Extras;
  e15: E15;
  methodology: readonly string[];
  attributions: { title: string; publisher: string; version: string; licence: string; url: string | null; attribution: string }[];
}

const s = StyleSheet.create({
  title: { fontSize: 16, lineHeight: 1.25, fontWeight: "bold" },
  sub: { fontSize: 9, lineHeight: 1.4, color: "#64748b", marginTop: 2 },
  section: { fontSize: 10.5, lineHeight: 1.3, fontWeight: "bold", marginTop: 12, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e2e8f0", paddingVertical: 2 },
  label: { flex: 1, fontSize: 8.5, lineHeight: 1.35 },
  labelIndent: { flex: 1, fontSize: 8.5, lineHeight: 1.35, paddingLeft: 10, color: "#475569" },
  value: { width: 250, fontSize: 8.5, lineHeight: 1.35, textAlign: "right" },
  text: { fontSize: 8, lineHeight: 1.4, marginBottom: 2 },
  warning: { fontSize: 8.5, lineHeight: 1.4, color: "#92400e", marginTop: 4 },
});

function Rows({ rows }: { rows: DatapointRow[] }) {
  return (
    <View>
      {rows.map((r) => (
        <View key={r.testId} style={s.row} wrap={false}>
          <Text style={r.indent ? s.labelIndent : s.label}>{r.label}</Text>
          <Text style={s.value}>{r.value}</Text>
        </View>
      ))}
    </View>
  );
}

export function InventoryPage({ inventory: inv, pageStyle, footer }: { inventory: SummaryInventory; pageStyle: Styles[string]; footer: ReactNode }) {
  return (
    <Page size="A4" style={pageStyle}>
      <Text style={s.title}>ESRS E1 inventory · {inv.periodName}</Text>
      <Text style={s.sub}>
        {inv.startDate} – {inv.endDate} · currently stated: calculation version {inv.versionNumber}
      </Text>
      {inv.e16.unresolvedLines > 0 && <Text style={s.warning}>{inv.e16.unresolvedLines} ledger line(s) have no factor and are not in these totals: the figures are incomplete.</Text>}
      <Text style={s.section}>E1-6 gross GHG emissions</Text>
      <Rows rows={e16Rows(inv.e16, inv.currency)} />
      <Text style={s.section}>E1-6 biogenic CO₂, primary data, contractual instruments</Text>
      <Rows rows={e16ExtraRows(inv.e16Extras)} />
      <Text style={s.section}>E1-5 energy consumption and mix</Text>
      <Rows rows={e15Rows(inv.e15)} />
      <Text style={s.section}>Methodology, assumptions and emission factors (E1-6)</Text>
      {inv.methodology.map((m) => (
        <Text key={m} style={s.text}>• {m}</Text>
      ))}
      <Text style={s.section}>Factor datasets and attribution</Text>
      {inv.attributions.length === 0 ? (
        <Text style={s.text}>No factor dataset was used.</Text>
      ) : (
        inv.attributions.map((a) => (
          <Text key={`${a.title}-${a.version}`} style={s.text}>
            {a.title} ({a.publisher}, {a.version}) — {a.attribution ? `${a.attribution} ` : ""}Licence: {a.licence}.{a.url ? ` ${a.url}` : ""}
          </Text>
        ))
      )}
      {footer}
    </Page>
  );
}
