// The ESRS E1 PDF rendered from a report version (lib/pdf/render-e1-report.ts), read back with pdfjs-dist: pages,
// the E1-6 figures as the inventory page formats them, every Scope 3 category, the seal, the draft marks, the
// contents' page numbers and determinism. No database.
import { beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderE1ReportPdf } from "@/lib/pdf/render-e1-report";
import { SECTIONS } from "@/lib/pdf/e1/sections";
import { e16Rows } from "@/lib/views/e1-rows";
import type { ReportDocument } from "@/lib/reporting/content";
import { buildReportDocument } from "@/test/helpers/report-document";

interface PageText {
  /** Text items in drawing order. */
  items: string[];
  /** Items drawn at heading size (the section titles). */
  headings: string[];
  text: string;
}

async function readPdf(pdf: Buffer): Promise<PageText[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const items = content.items.flatMap((i) => ("str" in i ? [{ str: i.str, size: Math.abs(i.transform[3]) }] : []));
    pages.push({ items: items.map((i) => i.str).filter((s) => s.trim() !== ""), headings: items.filter((i) => i.size >= 15 && i.size < 40).map((i) => i.str), text: items.map((i) => i.str).join(" ") });
  }
  await doc.destroy();
  return pages;
}

/** Without whitespace: wrapped lines and letter-spaced text compare equal. */
const squash = (s: string) => s.replace(/\s+/g, "");

let signedDoc: ReportDocument;
let signed: PageText[];
let draft: PageText[];
let signedPdf: Buffer;

beforeAll(async () => {
  signedDoc = buildReportDocument({ status: "SIGNED_OFF" });
  signedPdf = await renderE1ReportPdf(signedDoc);
  signed = await readPdf(signedPdf);
  draft = await readPdf(await renderE1ReportPdf(buildReportDocument({ status: "DRAFT" })));
}, 180_000);

/** The page (1-based) whose heading-size text is the section title. */
function headingPage(pages: PageText[], title: string): number {
  const i = pages.findIndex((p, n) => n > 0 && squash(p.headings.join("")).includes(squash(title)));
  return i + 1;
}

describe("E1 report PDF", () => {
  it("has at least 10 pages for a demo-like year", () => {
    expect(signed.length).toBeGreaterThanOrEqual(10);
    expect(draft.length).toBeGreaterThanOrEqual(10);
  });

  it("holds the E1-6 figures formatted as the inventory page formats them (e16Rows), on the E1-6 pages", () => {
    const c = signedDoc.content;
    const from = headingPage(signed, "Gross Scopes 1, 2, 3 and total GHG emissions");
    const to = headingPage(signed, "Emissions by month, category, site and project");
    expect(from).toBeGreaterThan(0);
    const text = signed.slice(from - 1, to - 1).map((p) => p.text).join(" ");
    const rows = e16Rows(c.e16, c.period.netRevenueCurrency ?? "EUR");
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows)
      for (const part of row.value.split(" / ")) {
        const figure = part.replace(/ t CO₂e$/, "");
        expect(text, `${row.label}: ${figure}`).toContain(figure);
      }
    // The same figures with their unit on the key-figures page.
    const key = signed[headingPage(signed, "Key figures") - 1].text;
    expect(key).toContain(rows.find((r) => r.testId === "total-mb")?.value.replace(" t CO₂e", ""));
  });

  it("states every one of the 15 Scope 3 categories: a figure, or not relevant / not calculated with the reason", () => {
    const c = signedDoc.content;
    const text = squash(signed.map((p) => p.text).join(" "));
    expect(c.scope3Categories).toHaveLength(15);
    for (const cat of c.scope3Categories) {
      expect(text, `category ${cat.category}`).toContain(squash(`${cat.category} ${cat.label}`));
      if (cat.status === "CALCULATED") continue;
      const what = cat.status === "NOT_RELEVANT" ? "Not relevant" : "Not calculated";
      expect(text, `category ${cat.category}`).toContain(squash(`${what}: ${cat.reason ?? "no reason given"}`));
    }
    expect(c.scope3Categories.some((x) => x.status === "NOT_RELEVANT")).toBe(true);
    expect(c.scope3Categories.some((x) => x.status === "NOT_CALCULATED" && x.reason === null)).toBe(true);
  });

  it("prints the version's sha256 on the cover and in the statement of preparation", () => {
    const sha = signedDoc.seal?.sha256 ?? "";
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(squash(signed[0].text)).toContain(sha);
    expect(squash(signed[headingPage(signed, "Statement of preparation") - 1].text)).toContain(sha);
  });

  it("marks every page of a draft DRAFT, and no page of a signed version", () => {
    draft.forEach((p, i) => expect(p.text, `draft page ${i + 1}`).toContain("DRAFT"));
    signed.forEach((p, i) => expect(p.text, `signed page ${i + 1}`).not.toContain("DRAFT"));
  });

  it("gives the same text when the same version is rendered twice", async () => {
    const again = await readPdf(await renderE1ReportPdf(signedDoc));
    expect(again.map((p) => p.text)).toEqual(signed.map((p) => p.text));
  }, 120_000);

  it("prints in the contents the pages where the section headings are", () => {
    for (const pages of [signed, draft]) {
      const contents = pages[1];
      expect(contents.headings.join(" ")).toContain("Contents");
      for (const sec of SECTIONS) {
        const at = contents.items.indexOf(sec.title);
        expect(at, sec.title).toBeGreaterThan(-1);
        const printed = Number(contents.items[at + 1]);
        expect(printed, sec.title).toBe(headingPage(pages, sec.title));
      }
    }
  });

  it("runs a header and a page-of-pages footer on the section pages", () => {
    const n = signed.length;
    signed.slice(1).forEach((p, i) => {
      expect(p.text).toContain("ESRS E1 Climate change");
      expect(p.text).toContain(`Page ${i + 2} of ${n}`);
    });
  });
});
