// Shared look of the ESRS E1 report: one typographic scale, one palette, A4 geometry. The font is DejaVu Sans,
// registered by SummaryReport.tsx (importing it registers the family once for every document).
import { StyleSheet } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "../SummaryReport";

export const A4_WIDTH = 595.28;
export const MARGIN_X = 54;
export const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN_X;

export const colors = {
  ink: "#1f2933",
  muted: "#5f6b7a",
  faint: "#9aa5b1",
  rule: "#d9dee4",
  hairline: "#e8ecf0",
  band: "#f3f6f4",
  accent: "#0b5d4b",
  accentSoft: "#e3efe9",
  warn: "#9a3412",
  watermark: "#c2410c",
  scope1: "#0b5d4b",
  scope2: "#3f8f6f",
  scope3: "#9cc9b0",
  fossil: "#6b7280",
  nuclear: "#c9a227",
  renewable: "#3f8f6f",
  unknown: "#d1d5db",
};

export const SCOPE_COLORS = [colors.scope1, colors.scope2, colors.scope3];

export const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 8.5, color: colors.ink, paddingTop: 70, paddingBottom: 62, paddingHorizontal: MARGIN_X },
  header: { position: "absolute", top: 28, left: MARGIN_X, right: MARGIN_X, flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingBottom: 5 },
  headerText: { fontSize: 7, color: colors.muted },
  headerStrong: { fontSize: 7, color: colors.accent, fontWeight: "bold" },
  footer: { position: "absolute", bottom: 26, left: MARGIN_X, right: MARGIN_X, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 5 },
  footerText: { fontSize: 7, color: colors.muted },
  kicker: { fontSize: 7.5, letterSpacing: 1.1, color: colors.accent, fontWeight: "bold", marginBottom: 3 },
  marker: { fontSize: 1, height: 0 },
  h1: { fontSize: 16, lineHeight: 1.25, fontWeight: "bold", color: colors.ink, marginBottom: 4 },
  lead: { fontSize: 9, lineHeight: 1.5, color: colors.muted, marginBottom: 12 },
  h2: { fontSize: 10.5, lineHeight: 1.3, fontWeight: "bold", color: colors.accent, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 9, lineHeight: 1.3, fontWeight: "bold", marginTop: 8, marginBottom: 3 },
  p: { fontSize: 8.5, lineHeight: 1.5, marginBottom: 5 },
  small: { fontSize: 7, lineHeight: 1.4, color: colors.muted },
  note: { fontSize: 7, lineHeight: 1.4, color: colors.muted, marginTop: 4 },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 10, fontSize: 8.5, lineHeight: 1.5, color: colors.accent },
  bulletText: { flex: 1, fontSize: 8.5, lineHeight: 1.5 },
  callout: { backgroundColor: colors.band, borderLeftWidth: 2, borderLeftColor: colors.accent, paddingVertical: 7, paddingHorizontal: 10, marginVertical: 6 },
  warnCallout: { backgroundColor: "#fff7ed", borderLeftWidth: 2, borderLeftColor: colors.warn, paddingVertical: 7, paddingHorizontal: 10, marginVertical: 6 },
  warnText: { fontSize: 8, lineHeight: 1.45, color: colors.warn },
  watermark: { position: "absolute", top: 330, left: 40, right: 40, textAlign: "center", fontSize: 120, fontWeight: "bold", color: colors.watermark, opacity: 0.13, transform: "rotate(-40deg)" },
  draftBanner: { position: "absolute", top: 10, left: 0, right: 0, textAlign: "center", fontSize: 7, letterSpacing: 2, color: colors.watermark, fontWeight: "bold" },
});
