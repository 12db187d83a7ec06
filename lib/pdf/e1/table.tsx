// One table primitive for every figure table of the report: a header row, body rows of kinds (group heading,
// indented part, subtotal, total), a text cell that spans the figure columns (a category's reason), rules between.
// Widths are points of the A4 content width; the first column takes what is left and wraps.
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { colors } from "./styles";

export interface Column {
  header: string;
  /** Points; omitted: the column takes the remaining width. */
  width?: number;
  align?: "left" | "right";
}

export interface TableRow {
  cells: string[];
  kind?: "group" | "part" | "subtotal" | "total" | "plain";
  /** Text spanning every column after the first (a reason, a note), instead of cells 1…n. */
  span?: string;
  /** Second line under the first cell, muted (an ESRS reference, an e-mail). */
  sub?: string;
}

const t = StyleSheet.create({
  head: { flexShrink: 0, flexDirection: "row", borderBottomWidth: 0.8, borderBottomColor: colors.ink, paddingBottom: 3, marginBottom: 1 },
  headCell: { fontSize: 7, lineHeight: 1.3, fontWeight: "bold", color: colors.muted, paddingHorizontal: 3 },
  row: { flexShrink: 0, flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: colors.hairline, paddingVertical: 2.6 },
  group: { flexShrink: 0, flexDirection: "row", backgroundColor: colors.band, paddingVertical: 2.6, marginTop: 3 },
  subtotal: { flexShrink: 0, flexDirection: "row", borderTopWidth: 0.6, borderTopColor: colors.faint, paddingVertical: 2.6 },
  total: { flexShrink: 0, flexDirection: "row", borderTopWidth: 0.8, borderTopColor: colors.ink, borderBottomWidth: 0.8, borderBottomColor: colors.ink, paddingVertical: 3, marginTop: 2 },
  cell: { fontSize: 7.8, lineHeight: 1.35, paddingHorizontal: 3 },
  bold: { fontWeight: "bold" },
  part: { paddingLeft: 13, color: "#36414d" },
  span: { fontSize: 7.3, lineHeight: 1.35, color: colors.muted, paddingHorizontal: 3 },
  sub: { fontSize: 6.6, lineHeight: 1.3, color: colors.faint, paddingHorizontal: 3 },
});

function cellStyle(col: Column) {
  return [col.width === undefined ? { flex: 1 } : { width: col.width }, { textAlign: col.align ?? (col.width === undefined ? "left" : "right") }] as const;
}

export function Table({ columns, rows }: { columns: Column[]; rows: TableRow[] }) {
  const spanWidth = columns.slice(1).reduce((w, c) => w + (c.width ?? 0), 0);
  return (
    <View>
      <View style={t.head} wrap={false}>
        {columns.map((col, i) => (
          <Text key={i} style={[t.headCell, ...cellStyle(col)]}>
            {col.header}
          </Text>
        ))}
      </View>
      {rows.map((r, ri) => {
        const kind = r.kind ?? "plain";
        const strong = kind === "group" || kind === "subtotal" || kind === "total";
        const rowStyle = kind === "group" ? t.group : kind === "subtotal" ? t.subtotal : kind === "total" ? t.total : t.row;
        return (
          <View key={ri} style={rowStyle} wrap={false}>
            <View style={{ flex: 1 }}>
              <Text style={[t.cell, strong ? t.bold : {}, kind === "part" ? t.part : {}]}>{r.cells[0]}</Text>
              {r.sub && <Text style={[t.sub, kind === "part" ? { paddingLeft: 13 } : {}]}>{r.sub}</Text>}
            </View>
            {r.span !== undefined ? (
              <Text style={[t.span, { width: spanWidth }]}>{r.span}</Text>
            ) : (
              columns.slice(1).map((col, i) => (
                <Text key={i} style={[t.cell, strong ? t.bold : {}, ...cellStyle(col)]}>
                  {r.cells[i + 1] ?? ""}
                </Text>
              ))
            )}
          </View>
        );
      })}
    </View>
  );
}

const kv = StyleSheet.create({
  row: { flexShrink: 0, flexDirection: "row", paddingVertical: 3.2, borderBottomWidth: 0.4, borderBottomColor: colors.hairline },
  key: { width: 140, fontSize: 7.8, lineHeight: 1.4, color: colors.muted, paddingRight: 6 },
  value: { fontSize: 7.8, lineHeight: 1.4 },
  sub: { fontSize: 6.8, lineHeight: 1.35, color: colors.faint },
  hash: { fontSize: 7.2, lineHeight: 1.4 },
});

export interface KeyValue {
  k: string;
  v: string;
  sub?: string;
  /** A hash: smaller, so 64 hex digits stay on one line. */
  hash?: boolean;
}

/** Two columns: a muted label and its value (wraps). */
export function KVTable({ rows, keyWidth = 140 }: { rows: KeyValue[]; keyWidth?: number }) {
  return (
    <View>
      {rows.map((r, i) => (
        <View key={i} style={kv.row} wrap={false}>
          <Text style={[kv.key, { width: keyWidth }]}>{r.k}</Text>
          <View style={{ flex: 1 }}>
            <Text style={r.hash ? kv.hash : kv.value}>{r.v}</Text>
            {r.sub && <Text style={kv.sub}>{r.sub}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
