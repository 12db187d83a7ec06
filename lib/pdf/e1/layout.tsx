// The frame of every section: a new page with the running header and footer, the draft watermark, and the
// section heading, which records the page it lands on (the contents of the second pass prints those numbers).
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { ReportContent, ReportDocument } from "@/lib/reporting/content";
import { s } from "./styles";

export interface E1Context {
  doc: ReportDocument;
  c: ReportContent;
  draft: boolean;
  /** Section id → page number known before layout (from an earlier pass; empty in the first). */
  pages: Readonly<Record<string, number>>;
  /** Filled while laying out: section id → the page its heading is on. */
  collect: Record<string, number>;
  /** Filled while laying out: section id → the page number the contents printed. */
  printed: Record<string, number | null>;
}

export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 16)}…`;
}

function Header({ ctx }: { ctx: E1Context }) {
  const { c } = ctx;
  return (
    <View style={s.header} fixed>
      <Text style={s.headerText}>
        <Text style={s.headerStrong}>{c.organization.name}</Text> · ESRS E1 Climate change
      </Text>
      <Text style={s.headerText}>
        {c.period.name} ({c.period.startDate} – {c.period.endDate})
      </Text>
    </View>
  );
}

function Footer({ ctx }: { ctx: E1Context }) {
  const { doc } = ctx;
  const left = doc.seal ? `Report version ${doc.seal.number} · sha256 ${shortHash(doc.seal.sha256)}` : `DRAFT · not signed off · calculation version ${doc.content.calculation.number}`;
  return (
    <View style={s.footer} fixed>
      <Text style={s.footerText}>{left}</Text>
      <Text style={s.footerText} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

/** On every page of a draft: a diagonal watermark and a banner. */
export function DraftMarks({ ctx }: { ctx: E1Context }) {
  if (!ctx.draft) return null;
  return (
    <>
      <Text style={s.draftBanner} fixed>
        DRAFT · NOT SIGNED OFF · FIGURES MAY CHANGE
      </Text>
      <Text style={s.watermark} fixed>
        DRAFT
      </Text>
    </>
  );
}

export interface SectionProps {
  ctx: E1Context;
}

/** A page of the report: draft marks, running header and footer around the content (which may wrap on). */
export function Frame({ ctx, children }: { ctx: E1Context; children: ReactNode }) {
  return (
    <Page size="A4" style={s.page} wrap>
      <DraftMarks ctx={ctx} />
      <Header ctx={ctx} />
      {children}
      <Footer ctx={ctx} />
    </Page>
  );
}

export function SectionPage({ ctx, id, kicker, title, lead, children }: { ctx: E1Context; id: string; kicker: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <Frame ctx={ctx}>
      <View wrap={false}>
        <Text style={s.kicker}>{kicker.toUpperCase()}</Text>
        {/* Records the page of the heading; a dynamic Text is laid out empty, so the heading itself is plain text. */}
        <Text
          style={s.marker}
          render={({ pageNumber }) => {
            ctx.collect[id] = pageNumber;
            return "";
          }}
        />
        <Text style={s.h1}>{title}</Text>
      </View>
      {lead && <Text style={s.lead}>{lead}</Text>}
      {children}
    </Frame>
  );
}

export function H2({ children, minPresenceAhead = 80 }: { children: string; minPresenceAhead?: number }) {
  return (
    <Text style={s.h2} minPresenceAhead={minPresenceAhead}>
      {children}
    </Text>
  );
}

export function Bullet({ children }: { children: string }) {
  return (
    <View style={s.bullet} wrap={false}>
      <Text style={s.bulletMark}>•</Text>
      <Text style={s.bulletText}>{children}</Text>
    </View>
  );
}

export function Note({ children }: { children: string }) {
  return <Text style={s.note}>{children}</Text>;
}
