// Property tests (fast-check): random rows either map or are rejected with a reason — never a throw; the cheap
// numeric check agrees with the exact parser; a file read in random chunks reads as a whole file does.
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseDecimal } from "../../../text/decimal-text";
import { numericText, negativeText, canonicalNumber } from "../../../text/numeric-text";
import { ByteFeed } from "../../pipeline/byte-feed";
import { canonicalTimestamp } from "../../../text/timestamp-text";
import type { RowError } from "../../types";
import { planColumns } from "./header";
import { mapRow, type MappedRow } from "./map-row";
import { KNOWN_COLUMNS } from "./schema";

const RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

const numberText = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -1200, max: 1200 })).map(([m, e]) => `${m}e${e}`),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom("0", "-0.0", ".5", "5.", "+7", "1E+3", "1e-40", "-1e-40", "5e-31", "-4e-31", "1e35", "9.99e34", "1e-999999999", "NaN", "inf", "1e", "", " 1.5 ", "0,5", "--1"),
);

const cell = fc.oneof(
  numberText,
  fc.string({ maxLength: 12 }),
  fc.date({ min: new Date("1960-01-01"), max: new Date("2110-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
  fc.constantFrom("", "None", "Y", "N", "île-de-france", "a\tb", "back\\slash", "2024-02-30T00:00:00", "2024-05-31T10:39:13+02:00"),
);

const header = fc
  .tuple(fc.subarray([...KNOWN_COLUMNS]), fc.constantFrom(["energy_consumed"], ["emissions"], ["emissions", "energy_consumed"]), fc.boolean())
  .map(([known, required, index]) => {
    const cols = [...new Set(["timestamp", "duration", ...required, ...known])];
    return index ? ["", ...cols] : cols;
  });

describe("properties of mapRow", () => {
  it("maps a row or rejects it with reasons — never throws; what it maps is storable as is", () => {
    fc.assert(
      fc.property(header.chain((h) => fc.tuple(fc.constant(h), fc.array(cell, { minLength: Math.max(0, h.length - 2), maxLength: h.length + 2 }))), ([h, fields]) => {
        const plan = planColumns(h);
        const errors: RowError[] = [];
        const row = mapRow(plan, fields, 7, errors);
        if (row === null) {
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) {
            expect(e.row).toBe(7);
            expect(e.reason.length).toBeGreaterThan(0);
          }
          return;
        }
        expect(errors).toEqual([]);
        expect(row.measuredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
        expect(row.rowHash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.quantities.some((q, i) => q !== null && (i === 1 || i === 9))).toBe(true); // emissions or energy
        for (const q of row.quantities) if (q !== null) {
          expect(numericText(q)).toBe(q); // checked text is stable
          expect(negativeText(q)).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("numericText agrees with parseDecimal (the exact parser)", () => {
  it("accepts exactly what parseDecimal accepts, with the same value and sign", () => {
    fc.assert(
      fc.property(numberText, (t) => {
        const fast = numericText(t);
        const exact = parseDecimal(t);
        if (exact === null) {
          expect(["not-a-number", "too-large"]).toContain(fast);
          return;
        }
        expect(["not-a-number", "too-large"]).not.toContain(fast);
        expect(parseDecimal(fast)).toBe(exact);
        expect(negativeText(fast)).toBe(exact.startsWith("-"));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("canonicalNumber spells equal values alike: 1.50 = 15e-1 = +1.5", () => {
    expect(new Set(["1.50", "15e-1", "+1.5", "0.015E2"].map(canonicalNumber))).toEqual(new Set(["1.5e0"]));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), (x) => {
        const t = numericText(String(x));
        if (t === "not-a-number" || t === "too-large") return;
        expect(canonicalNumber(t)).toBe(canonicalNumber(x.toExponential()));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("canonicalTimestamp", () => {
  it("maps every ISO timestamp from 1970 to 2100 to itself (milliseconds, naive = UTC)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        expect(canonicalTimestamp(iso.slice(0, 23))).toBe(iso.slice(0, 23));
        expect(canonicalTimestamp(iso.slice(0, 19).replace("T", " "))).toBe(`${iso.slice(0, 19)}.000`);
        expect(canonicalTimestamp(iso)).toBe(iso.slice(0, 23)); // "Z" is UTC already
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ["2024-05-31T10:39:13+02:00", "2024-05-31T08:39:13.000"],
    ["2024-05-31T10:39:13.123456", "2024-05-31T10:39:13.123"],
    ["2024-02-29T00:00:00", "2024-02-29T00:00:00.000"],
    ["2023-02-29T00:00:00", null],
    ["2024-05-31T24:00:00", null],
    ["1969-12-31T23:59:59", null],
    ["26:11.7", null],
  ])("%s → %s", (text, expected) => expect(canonicalTimestamp(text)).toBe(expected));
});

/** Reads bytes through ByteFeed in the given chunk sizes: mapped rows and errors. */
function read(bytes: Buffer, cuts: number[]): { rows: MappedRow[]; errors: RowError[] } {
  const rows: MappedRow[] = [];
  const errors: RowError[] = [];
  const feed = new ByteFeed("f.csv", { header() {}, row: (r) => rows.push(r as MappedRow), failed: (_n, e) => errors.push(...e) });
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    feed.push(bytes.subarray(at, cut));
    at = cut;
  }
  feed.push(bytes.subarray(at));
  feed.end();
  return { rows, errors };
}

describe("streaming", () => {
  it("a CSV (quotes, CRLF or LF, BOM, multi-byte text) cut at random byte offsets reads exactly as the whole file", () => {
    const csvFile = fc
      .tuple(
        fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 15 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([rows, newline, bom, finalNewline]) => {
        const text = Papa.unparse([["timestamp", "project_name", "run_id", "duration", "emissions", "energy_consumed"], ...rows], { newline });
        return Buffer.from((bom ? "\uFEFF" : "") + text + (finalNewline ? newline : ""), "utf8");
      });
    fc.assert(
      fc.property(csvFile.chain((b) => fc.tuple(fc.constant(b), fc.array(fc.nat({ max: b.length }), { maxLength: 12 }))), ([bytes, cuts]) => {
        const whole = read(bytes, []);
        const chunked = read(bytes, cuts);
        expect(chunked.errors).toEqual(whole.errors);
        expect(chunked.rows.map((r) => r.rowHash)).toEqual(whole.rows.map((r) => r.rowHash));
      }),
      { numRuns: RUNS },
    );
  });
});
