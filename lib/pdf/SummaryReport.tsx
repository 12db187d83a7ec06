/**
 * The emissions summary as an A4 PDF (@react-pdf/renderer): one page of tracker figures, then the ESRS E1 page of a
 * reporting period when one is calculated (InventoryPage.tsx).
 * Data in, document out: plain props, no database, no fetch, no clock.
 *
 * Fonts come from the repository (assets/fonts, DejaVu Sans, see
 * assets/fonts/LICENSE-DejaVu.txt): the built-in Helvetica is WinAnsi only and
 * garbles €, Polish and Cyrillic. recharts cannot draw into a PDF, so the bar
 * chart is drawn with react-pdf's Svg primitives.
 *
 * Every number a reader sees goes through lib/format.ts (decision 0004).
 */
import path from "node:path";
import Decimal from "decimal.js";
import { Document, Font, Line, Page, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import { formatCount, formatDecimal, formatKgCo2e, formatKwh, toDisplayNumber } from "@/lib/format";
import { InventoryPage, type SummaryInventory } from "./InventoryPage";

export type { SummaryInventory } from "./InventoryPage";

export type SummaryGranularity = "day" | "month";

export interface SummarySeriesPoint {
  /** The bucket's label as the service produced it, e.g. "2025-03" or "2025-03-14". */
  bucket: string;
  /** Exact decimal string. */
  energyKwh: string;
  /** Exact decimal string; the tracker's own figure (CodeCarbon's intensity). */
  trackerEmissionsKgCo2e: string;
}

export interface SummaryReportProps {
  organizationName: string;
  reportingCurrency: string;
  /** ISO 8601 timestamp. */
  generatedAt: string;
  /** Display name or e-mail of the person who generated the report. */
  generatedBy: string;
  totals: {
    energyKwh: string;
    trackerEmissionsKgCo2e: string;
    runs: number;
    projects: number;
    imports: number;
  };
  series: SummarySeriesPoint[];
  granularity: SummaryGranularity;
  /** The ESRS E1 page of a calculated reporting period (none yet: the page is left out). */
  inventory?: SummaryInventory | null;
}

export const PDF_FONT_FAMILY = "DejaVu Sans";
const FONT_DIR = path.join(process.cwd(), "assets/fonts");

Font.register({
  family: PDF_FONT_FAMILY,
  fonts: [
    { src: path.join(FONT_DIR, "DejaVuSans.ttf"), fontWeight: "normal" },
    { src: path.join(FONT_DIR, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
  ],
});
// react-pdf hyphenates with English patterns by default, which splits names
// such as "Zielona" or "Łódź" at odd places. Wrap on whole words only.
Font.registerHyphenationCallback((word) => [word]);

export const TRACKER_STATEMENT =
  "Tracker-reported emissions (CodeCarbon's own intensity) on this page; the GHG inventory with Scopebook's factors is the ESRS E1 page of a calculated reporting period.";

const colors = {
  text: "#1e293b", // slate-800
  muted: "#64748b", // slate-500
  faint: "#94a3b8", // slate-400
  rule: "#e2e8f0", // slate-200
  panel: "#f8fafc", // slate-50
  accent: "#047857", // emerald-700
  bar: "#10b981", // emerald-500
};

const PAGE_PADDING_X = 48;
const CONTENT_WIDTH = 595.28 - 2 * PAGE_PADDING_X; // A4 width in points
const AXIS_WIDTH = 64;
const PLOT_WIDTH = CONTENT_WIDTH - AXIS_WIDTH;
const PLOT_HEIGHT = 150;
const BUCKET_LABEL_WIDTH = 56;

const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 9.5,
    // No lineHeight here: react-pdf 4.9 resolves it to points and passes it down,
    // and a fixed, absolutely positioned footer with a lineHeight is not drawn at all.
    // Text that wraps sets fontSize and lineHeight together (see paragraph).
    color: colors.text,
    paddingTop: 44,
    paddingBottom: 64,
    paddingHorizontal: PAGE_PADDING_X,
  },
  brand: { fontSize: 8, letterSpacing: 1.2, color: colors.accent, fontWeight: "bold" },
  title: { fontSize: 22, lineHeight: 1.25, fontWeight: "bold", marginTop: 4 },
  organization: { fontSize: 13, lineHeight: 1.3, marginTop: 2 },
  meta: { marginTop: 10, paddingBottom: 12, borderBottomWidth: 1, borderBottomColor: colors.rule },
  metaRow: { flexDirection: "row", marginTop: 1 },
  paragraph: { fontSize: 9.5, lineHeight: 1.45 },
  metaLabel: { width: 110, color: colors.muted, fontSize: 9.5, lineHeight: 1.45 },
  metaValue: { flex: 1, fontSize: 9.5, lineHeight: 1.45 },
  statement: {
    marginTop: 14,
    paddingVertical: 8,
    paddingHorizontal: 10,
    backgroundColor: colors.panel,
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
  },
  sectionTitle: { fontSize: 11, lineHeight: 1.3, fontWeight: "bold", marginTop: 18, marginBottom: 8 },
  figuresRow: { flexDirection: "row", gap: 10 },
  card: {
    flex: 1,
    borderWidth: 1,
    borderColor: colors.rule,
    borderRadius: 4,
    paddingVertical: 8,
    paddingHorizontal: 10,
  },
  cardLabel: { fontSize: 8, color: colors.muted },
  cardValueLarge: { fontSize: 16, lineHeight: 1.3, fontWeight: "bold", marginTop: 2 },
  cardValue: { fontSize: 13, lineHeight: 1.3, fontWeight: "bold", marginTop: 2 },
  chartRow: { flexDirection: "row" },
  axis: { width: AXIS_WIDTH, height: PLOT_HEIGHT, position: "relative" },
  axisLabel: {
    position: "absolute",
    right: 6,
    fontSize: 7,
    color: colors.muted,
    textAlign: "right",
  },
  bucketLabels: { marginLeft: AXIS_WIDTH, height: 14, position: "relative" },
  bucketLabel: {
    position: "absolute",
    top: 3,
    width: BUCKET_LABEL_WIDTH,
    fontSize: 7,
    color: colors.muted,
    textAlign: "center",
  },
  empty: {
    height: PLOT_HEIGHT,
    borderWidth: 1,
    borderColor: colors.rule,
    borderStyle: "dashed",
    justifyContent: "center",
    alignItems: "center",
    color: colors.muted,
  },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 10, color: colors.accent, fontSize: 9.5, lineHeight: 1.45 },
  bulletText: { flex: 1, fontSize: 9.5, lineHeight: 1.45 },
  footer: {
    position: "absolute",
    bottom: 28,
    left: PAGE_PADDING_X,
    right: PAGE_PADDING_X,
    flexDirection: "row",
    justifyContent: "space-between",
    paddingTop: 6,
    borderTopWidth: 1,
    borderTopColor: colors.rule,
    fontSize: 7.5,
    color: colors.faint,
  },
});

/** "2025-11-23T11:57:04.000Z" → "2025-11-23 11:57 UTC"; an unparseable value is shown as given. */
function formatTimestampUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const s = date.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

function parseTimestamp(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Shortens ISO-like buckets to "YYYY-MM" (month) or "YYYY-MM-DD" (day); other labels pass through. */
function bucketLabel(bucket: string, granularity: SummaryGranularity): string {
  const match = /^(\d{4}-\d{2})(-\d{2})?/.exec(bucket);
  if (!match) return bucket;
  return granularity === "month" ? match[1] : match[0];
}

function EnergyBars({ series, granularity }: Pick<SummaryReportProps, "series" | "granularity">) {
  if (series.length === 0) {
    return (
      <View style={styles.empty}>
        <Text>No runs in this period.</Text>
      </View>
    );
  }

  // The scale's top is the exact largest bucket; labels are formatted from exact values.
  const maxKwh = series.reduce((max, point) => Decimal.max(max, new Decimal(point.energyKwh)), new Decimal(0));
  const halfKwh = maxKwh.div(2);
  // Floats from here on size shapes only (toDisplayNumber), never text.
  const maxForScale = toDisplayNumber(maxKwh.toFixed());
  const slot = PLOT_WIDTH / series.length;
  const barWidth = Math.max(slot * 0.7, 0.5);
  const labelEvery = Math.max(1, Math.ceil((BUCKET_LABEL_WIDTH + 4) / slot));
  const gridLines = [
    { y: 0, label: formatDecimal(maxKwh.toFixed()) },
    { y: PLOT_HEIGHT / 2, label: formatDecimal(halfKwh.toFixed()) },
    { y: PLOT_HEIGHT, label: "0" },
  ];

  return (
    <View>
      <View style={styles.chartRow}>
        <View style={styles.axis}>
          {gridLines.map((line) => (
            <Text key={line.y} style={[styles.axisLabel, { top: Math.max(0, line.y - 5) }]}>
              {line.label}
            </Text>
          ))}
        </View>
        <Svg width={PLOT_WIDTH} height={PLOT_HEIGHT} viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`}>
          {gridLines.map((line) => (
            <Line
              key={line.y}
              x1={0}
              x2={PLOT_WIDTH}
              y1={Math.min(Math.max(line.y, 0.5), PLOT_HEIGHT - 0.5)}
              y2={Math.min(Math.max(line.y, 0.5), PLOT_HEIGHT - 0.5)}
              stroke={line.y === PLOT_HEIGHT ? colors.faint : colors.rule}
              strokeWidth={line.y === PLOT_HEIGHT ? 1 : 0.75}
            />
          ))}
          {series.map((point, index) => {
            const value = toDisplayNumber(point.energyKwh);
            if (!(value > 0) || !(maxForScale > 0)) return null;
            // A non-zero bucket stays visible as a hairline even next to a much larger one.
            const height = Math.max((value / maxForScale) * (PLOT_HEIGHT - 1), 0.75);
            return (
              <Rect
                key={index}
                x={index * slot + (slot - barWidth) / 2}
                y={PLOT_HEIGHT - 1 - height}
                width={barWidth}
                height={height}
                fill={colors.bar}
              />
            );
          })}
        </Svg>
      </View>
      <View style={styles.bucketLabels}>
        {series.map((point, index) =>
          index % labelEvery === 0 ? (
            <Text
              key={index}
              style={[styles.bucketLabel, { left: index * slot + slot / 2 - BUCKET_LABEL_WIDTH / 2 }]}
            >
              {bucketLabel(point.bucket, granularity)}
            </Text>
          ) : null,
        )}
      </View>
    </View>
  );
}

function Bullet({ children }: { children: string }) {
  return (
    <View style={styles.bullet}>
      <Text style={styles.bulletMark}>•</Text>
      <Text style={styles.bulletText}>{children}</Text>
    </View>
  );
}

export function SummaryReport(props: SummaryReportProps) {
  const { organizationName, reportingCurrency, generatedAt, generatedBy, totals, series, granularity, inventory } = props;
  const footer = (
    <View style={styles.footer} fixed>
      <Text>Scopebook · Emissions summary · {organizationName}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
  const first = series[0];
  const last = series[series.length - 1];
  const period =
    first && last
      ? `${bucketLabel(first.bucket, granularity)} – ${bucketLabel(last.bucket, granularity)} (${granularity === "day" ? "daily" : "monthly"})`
      : "No data";

  return (
    <Document
      title={`Emissions summary — ${organizationName}`}
      subject="Tracker-reported energy and emissions"
      author="Scopebook"
      creator="Scopebook"
      producer="Scopebook"
      language="en"
      creationDate={parseTimestamp(generatedAt)}
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>SCOPEBOOK</Text>
        <Text style={styles.title}>Emissions summary</Text>
        <Text style={styles.organization}>{organizationName}</Text>

        <View style={styles.meta}>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>Generated at</Text>
            <Text style={styles.metaValue}>{formatTimestampUtc(generatedAt)}</Text>
          </View>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>Generated by</Text>
            <Text style={styles.metaValue}>{generatedBy}</Text>
          </View>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>Period</Text>
            <Text style={styles.metaValue}>{period}</Text>
          </View>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>Reporting currency</Text>
            <Text style={styles.metaValue}>{reportingCurrency}</Text>
          </View>
        </View>

        <View style={styles.statement}>
          <Text style={styles.paragraph}>{TRACKER_STATEMENT}</Text>
        </View>

        <Text style={styles.sectionTitle}>Key figures</Text>
        <View style={styles.figuresRow}>
          <View style={styles.card}>
            <Text style={styles.cardLabel}>Total energy</Text>
            <Text style={styles.cardValueLarge}>{formatKwh(totals.energyKwh)}</Text>
          </View>
          <View style={styles.card}>
            <Text style={styles.cardLabel}>Tracker-reported emissions</Text>
            <Text style={styles.cardValueLarge}>{formatKgCo2e(totals.trackerEmissionsKgCo2e)}</Text>
          </View>
        </View>
        <View style={[styles.figuresRow, { marginTop: 10 }]}>
          <View style={styles.card}>
            <Text style={styles.cardLabel}>Runs</Text>
            <Text style={styles.cardValue}>{formatCount(totals.runs)}</Text>
          </View>
          <View style={styles.card}>
            <Text style={styles.cardLabel}>Projects</Text>
            <Text style={styles.cardValue}>{formatCount(totals.projects)}</Text>
          </View>
          <View style={styles.card}>
            <Text style={styles.cardLabel}>Imports</Text>
            <Text style={styles.cardValue}>{formatCount(totals.imports)}</Text>
          </View>
        </View>

        <Text style={styles.sectionTitle}>Energy per {granularity} (kWh)</Text>
        <EnergyBars series={series} granularity={granularity} />

        <Text style={styles.sectionTitle}>Methodology</Text>
        <Bullet>
          Each tracked run is counted once, with its final cumulative totals: CodeCarbon reports running totals, so
          intermediate measurements of the same run are not added up.
        </Bullet>
        <Bullet>
          Energy already includes the power usage effectiveness (PUE) configured in the tracker; Scopebook applies no
          further PUE adjustment.
        </Bullet>
        <Bullet>
          Emissions are the tracker's own figures, computed with CodeCarbon's carbon intensity for the run's location.
          They are not yet a GHG Protocol inventory.
        </Bullet>
        <Bullet>
          Totals are summed exactly and rounded only for display (decision 0004): half-up; values of 1 and above to 3
          decimals, smaller values to 4 significant digits.
        </Bullet>

        {footer}
      </Page>
      {inventory && <InventoryPage inventory={inventory} pageStyle={styles.page} footer={footer} />}
    </Document>
  );
}

export default SummaryReport;
