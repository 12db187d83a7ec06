// Long tables (every project, site, factor source, instrument, restatement) laid out page by page here rather than
// by react-pdf: rows are packed into pages by an estimate of their height, each page repeats the table head. This
// keeps a large year fast (react-pdf re-lays out the rest of a section at every automatic page break, which grows
// with the square of its length) and reads better. The estimate errs high; a page that still overflows wraps on.
import type { ReactNode } from "react";
import { Fragment } from "react";
import { Frame, H2, SectionPage, type E1Context } from "./layout";
import { CONTENT_WIDTH } from "./styles";
import { Table, type Column, type TableRow } from "./table";

export interface FlowTable {
  title: string;
  columns: Column[];
  rows: TableRow[];
}

const PAGE_BODY = 842 - 70 - 62;
const FIRST_PAGE_HEADING = 70;
const H2_HEIGHT = 32;
const HEAD_HEIGHT = 18;
const LINE = 10.6;
const SUB_LINE = 8.8;
const CHAR = 4.5;
const SUB_CHAR = 3.9;

const linesOf = (text: string, width: number, char: number) => Math.max(1, Math.ceil((text.length * char) / Math.max(20, width - 8)));

function rowHeight(columns: Column[], r: TableRow): number {
  const fixed = columns.slice(1).reduce((w, c) => w + (c.width ?? 0), 0);
  const first = CONTENT_WIDTH - fixed;
  let lines = linesOf(r.cells[0] ?? "", first - (r.kind === "part" ? 10 : 0), CHAR);
  if (r.span !== undefined) lines = Math.max(lines, linesOf(r.span, fixed, CHAR));
  else columns.slice(1).forEach((c, i) => (lines = Math.max(lines, linesOf(r.cells[i + 1] ?? "", c.width ?? first, CHAR))));
  return lines * LINE + 6 + (r.sub ? linesOf(r.sub, first, SUB_CHAR) * SUB_LINE : 0) + (r.kind === "total" || r.kind === "group" ? 4 : 0);
}

type Chunk = { table: FlowTable; rows: TableRow[]; continued: boolean };

/** Tables cut into pages: the first page has `firstUsed` points taken (heading, lead, content before). */
export function packTables(tables: FlowTable[], firstUsed: number): Chunk[][] {
  const pages: Chunk[][] = [[]];
  let used = firstUsed;
  for (const table of tables) {
    let chunk: Chunk | null = null;
    for (const r of table.rows) {
      const h = rowHeight(table.columns, r);
      const opening = chunk === null ? H2_HEIGHT + HEAD_HEIGHT : 0;
      if (used + opening + h > PAGE_BODY) {
        pages.push([]);
        used = 0;
        chunk = null;
      }
      if (chunk === null) {
        chunk = { table, rows: [], continued: pages.some((p) => p.some((c) => c.table === table)) };
        pages[pages.length - 1].push(chunk);
        used += H2_HEIGHT + HEAD_HEIGHT;
      }
      chunk.rows.push(r);
      used += h;
    }
  }
  return pages;
}

function Chunks({ chunks }: { chunks: Chunk[] }) {
  return (
    <>
      {chunks.map((c, i) => (
        <Fragment key={i}>
          <H2>{c.continued ? `${c.table.title} (continued)` : c.table.title}</H2>
          <Table columns={c.table.columns} rows={c.rows} />
        </Fragment>
      ))}
    </>
  );
}

/** A section whose tables run over as many pages as they need; `before` and `after` sit on the first and last. */
export function FlowSection(props: { ctx: E1Context; id: string; kicker: string; title: string; lead?: string; before?: ReactNode; beforeHeight?: number; tables: FlowTable[]; after?: ReactNode }) {
  const { ctx, before, beforeHeight = 0, tables, after, ...heading } = props;
  const leadHeight = heading.lead ? linesOf(heading.lead, CONTENT_WIDTH, 4.9) * 13.5 + 12 : 0;
  const pages = packTables(tables, FIRST_PAGE_HEADING + leadHeight + beforeHeight);
  const last = pages.length - 1;
  return (
    <>
      {pages.map((chunks, i) =>
        i === 0 ? (
          <SectionPage key={i} ctx={ctx} {...heading}>
            {before}
            <Chunks chunks={chunks} />
            {i === last && after}
          </SectionPage>
        ) : (
          <Frame key={i} ctx={ctx}>
            <Chunks chunks={chunks} />
            {i === last && after}
          </Frame>
        ),
      )}
    </>
  );
}
