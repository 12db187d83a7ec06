// Shared by the cloud adapters' tests: reading a fixture as provider records, summing a column exactly, and the
// property every cloud mapper must have (any cells → a record that holds together, or row errors; never a throw).
import DecimalBase from "decimal.js";
import fc from "fast-check";
import { expect } from "vitest";
import type { ProviderRecord } from "../../lib/records/provider-emission";
import type { Cells, CloudColumn, MapContext, MapResult } from "../../lib/ingest/sources/cloud/columns";
import { readFixture } from "./ingest";

const Decimal = DecimalBase.clone({ precision: 100 });

export const readCloud = (name: string, chunk = Infinity) => readFixture<ProviderRecord>(name, chunk);

type KgColumn = { [K in keyof ProviderRecord]: ProviderRecord[K] extends string | null ? K : never }[keyof ProviderRecord];

/** Exact sum of a quantity over records (null counts as nothing), as plain decimal text. */
export function sum(records: readonly ProviderRecord[], column: KgColumn): string {
  return records.reduce((acc, r) => (r[column] === null ? acc : acc.plus(r[column] as string)), new Decimal(0)).toFixed();
}

const numberText = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -60, max: 60 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom("0", "-0.0", ".5", "1e35", "NaN", "", " 1.5 ", "0,5", "--1", "12abc"),
);

const dateText = fc.oneof(
  fc.date({ min: new Date("1960-01-01"), max: new Date("2110-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2025-13-01", "2025-02-30", "2025-01-01 00:00:00Z", "2025-01-01T04:00:00.000Z", "20250101", "", "x"),
);

const anyCell = fc.oneof(numberText, dateText, fc.string({ maxLength: 10 }), fc.constantFrom("MTCO2e", "kgCO2e", "tonnes", "Scope 1", "Scope 3", "v2.0.0", "14", null));

/** Any mix of cells for a schema's columns (some absent, some null, numbers and dates of every shape). */
export function cellsArbitrary(columns: readonly CloudColumn[]): fc.Arbitrary<Record<string, string | null>> {
  return fc.record(Object.fromEntries(columns.map((c) => [c.key, anyCell])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string | null>>;
}

/** The property of every cloud mapper: never throws; a record holds together; errors name their row. */
export function checkMapperProperty(columns: readonly CloudColumn[], map: (cells: Cells, row: number, ctx: MapContext) => MapResult): void {
  fc.assert(
    fc.property(cellsArbitrary(columns), fc.integer({ min: 1, max: 1_000_000 }), (cells, row) => {
      const result = map((k) => cells[k], row, { units: new Set() });
      if ("errors" in result) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.row).toBe(row);
        return;
      }
      const r = result.record;
      expect(r.rowNumber).toBe(row);
      expect(r.rowHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.periodEnd > r.periodStart).toBe(true);
      for (const k of ["energyKwh", "scope1KgCo2e", "scope2LbKgCo2e", "scope2MbKgCo2e", "scope3KgCo2e", "scope3LbKgCo2e", "scope3MbKgCo2e", "totalLbKgCo2e", "totalMbKgCo2e"] as const) {
        const v = r[k];
        if (v !== null) expect(new Decimal(v).isNegative() && !new Decimal(v).isZero()).toBe(false);
      }
    }),
    { numRuns: 500 },
  );
}
