// The activity and instruments template adapters: the real worked-example file, column matching by name, and
// property tests (fast-check) — any row either maps or fails with errors naming template columns, never a throw;
// a row's hash does not depend on how its numbers are spelled.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureBytes } from "../../../../test/helpers/fixtures";
import { readBytes } from "../../../../test/helpers/ingest";
import { ACTIVITY_COLUMNS, ACTIVITY_TEMPLATE_CSV, INSTRUMENT_COLUMNS, INSTRUMENTS_TEMPLATE_CSV } from "../../../activity/templates";
import type { ActivityImportRecord } from "./map";
import { mapActivityRow } from "./map";
import { mapInstrumentRow, type InstrumentImportRecord } from "../instruments-csv/map";

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe("activity CSV adapter", () => {
  it("seed worked example: 1 row, 30 kWh of electricity at 'us-east training cluster', Scope 2", () => {
    const r = readBytes<ActivityImportRecord>(fixtureBytes("activity/seed-worked-example.csv"), "seed-worked-example.csv");
    expect(r.adapter).toBe("activity-csv");
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    const e = r.rows[0].entry;
    expect(e).toMatchObject({ category: "PURCHASED_ELECTRICITY", proposedScope: "SCOPE_2", quantity: "30", unit: "kWh", normalizedQuantity: "30", normalizedUnit: "kWh", siteName: "us-east training cluster" });
    expect(r.preview.projects).toEqual(["us-east training cluster"]);
  });

  it("the same rows in any column order, chunked at any size, give the same records", () => {
    const lines = ACTIVITY_TEMPLATE_CSV.trim().split("\n").map((l) => l.split(","));
    const order = [...lines[0].keys()].reverse();
    const reversed = lines.map((l) => order.map((i) => csvCell(l[i] ?? "")).join(",")).join("\n");
    const a = readBytes(Buffer.from(ACTIVITY_TEMPLATE_CSV), "a.csv");
    for (const chunk of [1, 7, 64]) {
      const b = readBytes(Buffer.from(reversed), "b.csv", chunk);
      expect(b.rows).toEqual(a.rows);
    }
    expect(a.rows).toHaveLength(5);
  });

  it("property: any row maps or fails with errors naming template columns; never throws", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "2025-01-01", "2025-02-30", "2025-13-01", "-1", "0", "30", "1e3", "kWh", "MWh", "L", "fuel", "electricity", "travel", "diesel", "kgCO2e/kWh", "HQ"));
    const columns = ACTIVITY_COLUMNS.map((c) => c.column);
    fc.assert(
      fc.property(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), (cells) => {
        const fields = Object.fromEntries(ACTIVITY_COLUMNS.map((c, i) => [c.field, cells[i]]));
        const r = mapActivityRow(fields, 7);
        if (r.ok) {
          expect(r.value.rowNumber).toBe(7);
          expect(r.value.rowHash).toMatch(/^[0-9a-f]{64}$/);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) expect(ACTIVITY_COLUMNS.map((c) => c.field)).toContain(i.field);
        }
        // Through the reader too: a CSV line of these cells is one row, mapped or failed.
        const read = readBytes(Buffer.from(`${columns.join(",")}\n${cells.map(csvCell).join(",")}\n`), "p.csv");
        const blank = cells.every((c) => c.trim() === "");
        if (!blank) expect(read.rows.length + read.preview.rowsFailed).toBe(1);
        for (const e of read.errors) expect([...columns, null]).toContain(e.column);
      }),
      { numRuns: 300 },
    );
  });

  it("property: the row hash ignores how the quantity is spelled (30 = 30.0 = 3e1 = 0.03 MWh) and changes with the period", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), (n) => {
        const base = { periodStart: "2025-01-01", periodEnd: "2025-01-31", site: "HQ", category: "electricity", unit: "kWh" };
        const a = mapActivityRow({ ...base, quantity: String(n) }, 1);
        const b = mapActivityRow({ ...base, quantity: `${n}.000` }, 2);
        const c = mapActivityRow({ ...base, quantity: String(n / 1000), unit: "MWh" }, 3);
        const d = mapActivityRow({ ...base, quantity: String(n), periodEnd: "2025-01-30" }, 4);
        if (!a.ok || !b.ok || !c.ok || !d.ok) throw new Error("expected valid rows");
        expect(b.value.rowHash).toBe(a.value.rowHash);
        expect(c.value.rowHash).toBe(a.value.rowHash);
        expect(d.value.rowHash).not.toBe(a.value.rowHash);
      }),
    );
  });
});

describe("instruments CSV adapter", () => {
  it("the template: 2 instruments (GO 250 MWh, REC 100 MWh), recognised by its header", () => {
    const r = readBytes<InstrumentImportRecord>(Buffer.from(INSTRUMENTS_TEMPLATE_CSV), "instruments.csv");
    expect(r.adapter).toBe("instruments-csv");
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.entry.type, x.entry.volumeMwh])).toEqual([
      ["GUARANTEE_OF_ORIGIN", "250"],
      ["REC", "100"],
    ]);
  });

  it("property: any row maps or fails with errors naming template columns; never throws", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "go", "rec", "ppa", "green-tariff", "0", "-1", "250", "FRA", "2025-01-01", "2025-13-01", "yes", "no", "AIB-EECS", "X-1"));
    fc.assert(
      fc.property(fc.array(cell, { minLength: INSTRUMENT_COLUMNS.length, maxLength: INSTRUMENT_COLUMNS.length }), (cells) => {
        const r = mapInstrumentRow(Object.fromEntries(INSTRUMENT_COLUMNS.map((c, i) => [c.field, cells[i]])), 3);
        if (r.ok) {
          expect(Number(r.value.entry.volumeMwh)).toBeGreaterThan(0);
          expect(r.value.entry.vintageEnd >= r.value.entry.vintageStart).toBe(true);
          expect(r.value.certificateKey === null).toBe(r.value.entry.certificateId === null);
        } else {
          for (const i of r.issues) expect(INSTRUMENT_COLUMNS.map((c) => c.field)).toContain(i.field);
        }
      }),
      { numRuns: 300 },
    );
  });
});
