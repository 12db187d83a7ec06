import Decimal from "decimal.js";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  CodecarbonHeaderError,
  lastRowPerRun,
  parseCodecarbonCsv,
  parseTrackerTimestamp,
  type CodecarbonMeasurement,
} from "../../../lib/ingest/sources/codecarbon-csv/map";
import {
  CODECARBON_1_BOM_INDEX,
  CODECARBON_1_ELEVEN,
  CODECARBON_24,
  CODECARBON_SHORT_ROWS,
  GOLDEN_24,
  fixtureText,
} from "../../helpers/fixtures";

function sum(values: (string | null)[]): Decimal {
  return values.reduce((acc: Decimal, v) => acc.plus(v ?? 0), new Decimal(0));
}

/** Total of a file: each known run once (its last cumulative row), plus every row with unknown run identity. */
function fileTotals(measurements: CodecarbonMeasurement[]) {
  const counted = [...lastRowPerRun(measurements).values(), ...measurements.filter((m) => m.runId === null)];
  return {
    energyKwh: sum(counted.map((m) => m.energyKwh)),
    trackerEmissionsKgCo2e: sum(counted.map((m) => m.trackerEmissionsKgCo2e)),
  };
}

/** Every data row 1..rowsTotal is either a measurement or has errors, never both, never neither. */
function expectPartition(result: ReturnType<typeof parseCodecarbonCsv>) {
  const measured = result.measurements.map((m) => m.rowNumber);
  const failed = [...new Set(result.errors.map((e) => e.row))];
  expect(new Set(measured).size).toBe(measured.length);
  expect(measured.filter((r) => failed.includes(r))).toEqual([]);
  expect([...measured, ...failed].sort((a, b) => a - b)).toEqual(Array.from({ length: result.rowsTotal }, (_, i) => i + 1));
}

describe("CodeCarbon 2.4 fixture (real tracker output, macOS M1)", () => {
  const result = parseCodecarbonCsv(fixtureText(CODECARBON_24));

  it("28 data rows: 26 measurements and 2 row errors (rows 5 and 6 have neither energy_consumed nor emissions)", () => {
    expect(result.rowsTotal).toBe(28);
    expect(result.measurements).toHaveLength(26);
    expect(result.errors).toEqual([
      { row: 5, column: "energy_consumed", value: null, reason: "neither energy_consumed nor emissions has a value" },
      { row: 6, column: "energy_consumed", value: null, reason: "neither energy_consumed nor emissions has a value" },
    ]);
    expect(result.warnings).toEqual([]);
    expectPartition(result);
  });

  it('is detected as version "2.x" (run_id and cpu_energy, no experiment_id)', () => {
    expect(result.detectedVersion).toBe("2.x");
    expect(result.header).toHaveLength(31);
  });

  it("has 16 distinct known run ids and 3 rows with unknown identity (empty run_id)", () => {
    const known = new Set(result.measurements.flatMap((m) => (m.runId ? [m.runId] : [])));
    expect(known.size).toBe(16);
    const unknown = result.measurements.filter((m) => m.runId === null);
    expect(unknown.map((m) => m.rowNumber)).toEqual([2, 3, 4]);
    expect(lastRowPerRun(result.measurements).size).toBe(16);
  });

  it("lastRowPerRun picks the latest row of run 8a1d9822… (row 12 of rows 7–12)", () => {
    const runRows = result.measurements.filter((m) => m.runId === "8a1d9822-56c9-4c52-8497-5a2e32dd5b03");
    expect(runRows.map((m) => m.rowNumber)).toEqual([7, 8, 9, 10, 11, 12]);
    const last = lastRowPerRun(result.measurements).get("8a1d9822-56c9-4c52-8497-5a2e32dd5b03")!;
    expect(last.rowNumber).toBe(12);
    expect(last.measuredAt.toISOString()).toBe("2024-05-31T11:10:56.000Z");
    expect(last.energyKwh).toBe("0.00006403828607971138");
    expect(last.durationSeconds).toBe("91.82258701324464");
  });

  it("maps row 1 exactly: scientific notation becomes exact decimals, non-ASCII text survives", () => {
    const first = result.measurements[0];
    expect(first).toMatchObject({
      rowNumber: 1,
      projectName: "codecarbon",
      experimentId: null,
      runId: "409f7ac2-203f-4191-9bf4-e3cdf9470de8",
      durationSeconds: "355.46638011932373",
      trackerEmissionsKgCo2e: "0.00003435810400385386",
      emissionsRateKgPerS: "0.00000009665640951000897",
      cpuPowerW: "4.1335",
      gpuPowerW: "0.0215",
      ramPowerW: "3",
      cpuEnergyKwh: "0.0001342166896178",
      gpuEnergyKwh: "0.00008236909446627563",
      ramEnergyKwh: "0.0001882034335533",
      energyKwh: "0.0004047892176375",
      waterLitres: null,
    });
    expect(first.measuredAt.toISOString()).toBe("2024-05-31T10:39:13.000Z");
    expect(first.machine).toEqual({
      countryName: "France",
      countryIsoCode: "FRA",
      region: "île-de-france",
      cloudProvider: null,
      cloudRegion: null,
      os: "macOS-12.6-arm64-arm-64bit",
      pythonVersion: "3.9.18",
      codecarbonVersion: "2.4.3rc1",
      cpuCount: 8,
      cpuModel: "Apple M1",
      gpuCount: 1,
      gpuModel: "Apple M1",
      ramTotalSizeGb: "8",
      trackingMode: "machine",
      onCloud: false,
      longitude: "2.792",
      latitude: "48.399",
      pue: "1",
      wue: null,
    });
  });

  it(`golden total energy = Σ last row per run (16 runs) + 3 unknown-identity rows = ${GOLDEN_24.energyKwh} kWh`, () => {
    const totals = fileTotals(result.measurements);
    expect(totals.energyKwh.toFixed()).toBe(GOLDEN_24.energyKwh);
  });

  it(`golden tracker emissions = Σ last row per run + unknown-identity rows = ${GOLDEN_24.trackerEmissionsKgCo2e} kg CO2e`, () => {
    expect(fileTotals(result.measurements).trackerEmissionsKgCo2e.toFixed()).toBe(GOLDEN_24.trackerEmissionsKgCo2e);
  });

  it("row hashes are unique and stable (the same text parses to the same hashes)", () => {
    const hashes = result.measurements.map((m) => m.rowHash);
    expect(new Set(hashes).size).toBe(26);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(parseCodecarbonCsv(fixtureText(CODECARBON_24)).measurements.map((m) => m.rowHash)).toEqual(hashes);
  });

  it("a known run's row hash depends on run id and timestamp, not on the other values or the row position", () => {
    const text = fixtureText(CODECARBON_24);
    const [header, ...lines] = text.trimEnd().split("\n");
    const reordered = [header, lines[11], ...lines.slice(0, 11), ...lines.slice(12)].join("\n");
    const moved = parseCodecarbonCsv(reordered).measurements.find((m) => m.runId?.startsWith("8a1d9822") && m.rowNumber === 1)!;
    expect(moved.rowHash).toBe(result.measurements.find((m) => m.rowNumber === 12)!.rowHash);
  });
});

describe("other real CodeCarbon files", () => {
  it("1.x with a UTF-8 BOM and a leading unnamed pandas index column: 100 rows (98 read; 2020-04-31 and 2020-06-31 are not dates), unknown run identity", () => {
    const result = parseCodecarbonCsv(fixtureText(CODECARBON_1_BOM_INDEX));
    expect(result.header[0]).toBe("");
    expect(result.header[1]).toBe("timestamp");
    expect(result.detectedVersion).toBe("1.x");
    expect(result.rowsTotal).toBe(100);
    // The example file has impossible calendar dates; they are row errors, never rolled over to the next month.
    expect(result.errors).toEqual([
      { row: 32, column: "timestamp", value: "2020-04-31T03:26:11", reason: "not a real date (2020-04 has no day 31)" },
      { row: 81, column: "timestamp", value: "2020-06-31T09:26:11", reason: "not a real date (2020-06 has no day 31)" },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.measurements).toHaveLength(98);
    expect(result.measurements.every((m) => m.runId === null)).toBe(true);
    expect(result.measurements[0]).toMatchObject({
      projectName: "project_gamma",
      experimentId: "68f53844-f3af-48fb-971a-ffab844a6b6f",
      durationSeconds: "34",
      trackerEmissionsKgCo2e: "8",
      energyKwh: "8",
    });
    expect(result.measurements[0].machine).toMatchObject({ countryName: "USA", region: "Ohio", onCloud: true, cloudProvider: "aws", cloudRegion: "us-east-2" });
    // The pandas index is not part of a row's identity: the same row without it hashes the same.
    expect(new Set(result.measurements.map((m) => m.rowHash)).size).toBe(98);
    expectPartition(result);
  });

  it("1.x eleven columns (no run or power columns): one measurement", () => {
    const result = parseCodecarbonCsv(fixtureText(CODECARBON_1_ELEVEN));
    expect(result.detectedVersion).toBe("1.x");
    expect(result.errors).toEqual([]);
    expect(result.measurements).toHaveLength(1);
    expect(result.measurements[0]).toMatchObject({
      runId: null,
      projectName: "codecarbon",
      durationSeconds: "210.39603400230408",
      trackerEmissionsKgCo2e: "0.0010231017276686953",
      energyKwh: "0.001308618772068",
      cpuEnergyKwh: null,
    });
    expect(result.measurements[0].machine).toMatchObject({ countryIsoCode: "MAR", region: "casablanca-settat", onCloud: false });
  });

  it("3.3 append bug: rows with fewer fields than the header are row errors naming both counts", () => {
    const result = parseCodecarbonCsv(fixtureText(CODECARBON_SHORT_ROWS));
    expect(result.detectedVersion).toBe("3.x");
    expect(result.header).toHaveLength(38);
    expect(result.rowsTotal).toBe(3);
    expect(result.measurements.map((m) => m.rowNumber)).toEqual([1]);
    expect(result.measurements[0]).toMatchObject({ runId: null, waterLitres: "0", experimentId: "5b0fa12a-3dd7-45bb-9766-cc326314d9f1" });
    expect(result.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(result.errors[0].reason).toMatch(/\b35 fields\b.*\b38\b/);
    expect(result.errors[1].reason).toMatch(/\b36 fields\b.*\b38\b/);
    expect(result.errors.every((e) => e.column === null)).toBe(true);
    expectPartition(result);
  });
});

describe("header and row validation", () => {
  const HEADER = "timestamp,project_name,run_id,duration,emissions,energy_consumed";

  it.each([
    ["", /empty/],
    ["\n\n", /empty/],
    [",,,\n1,2,3,4", /does not look like a CodeCarbon emissions file/], // an all-empty line is skipped: "1,2,3,4" is the header
    ["project_name,duration,emissions\nx,1,2", /timestamp/],
    ["timestamp,project_name,emissions\n2024-01-01T00:00:00,x,1", /duration/],
    ["timestamp,duration,cpu_energy\n2024-01-01T00:00:00,1,2", /emissions or energy_consumed/],
    ["name,value\na,1", /does not look like a CodeCarbon emissions file/],
  ])("refuses header %j with CodecarbonHeaderError", (text, message) => {
    expect(() => parseCodecarbonCsv(text)).toThrow(CodecarbonHeaderError);
    expect(() => parseCodecarbonCsv(text)).toThrow(message);
  });

  it("reports bad values with row, column, value and reason; negative quantities are refused", () => {
    const text = [
      HEADER,
      "2024-05-31T10:00:00,p,r1,10,0.5,1.5",
      "not-a-date,p,r1,10,0.5,1.5",
      "2024-05-31T10:00:02,p,r1,ten,0.5,1.5",
      "2024-05-31T10:00:03,p,r1,10,-0.5,1.5",
      "2024-05-31T10:00:04,p,r1,10,,abc",
    ].join("\n");
    const result = parseCodecarbonCsv(text);
    expect(result.measurements.map((m) => m.rowNumber)).toEqual([1]);
    expect(result.errors).toEqual([
      { row: 2, column: "timestamp", value: "not-a-date", reason: "not an ISO 8601 date and time" },
      { row: 3, column: "duration", value: "ten", reason: expect.stringMatching(/^not a number/) },
      { row: 4, column: "emissions", value: "-0.5", reason: "must not be negative" },
      { row: 5, column: "energy_consumed", value: "abc", reason: expect.stringMatching(/^not a number/) },
    ]);
    expectPartition(result);
  });

  it('treats run_id "None" like an empty run id (identity unknown) and warns about unknown columns', () => {
    const result = parseCodecarbonCsv(`${HEADER},mystery\n2024-05-31T10:00:00,p,None,1,0.1,0.2,x`);
    expect(result.measurements[0].runId).toBeNull();
    expect(result.warnings).toEqual(["Unknown column(s) ignored: mystery."]);
  });

  it("values the database cannot store are row errors, never a crash", () => {
    const text = [
      "timestamp,run_id,duration,energy_consumed,cpu_count",
      "2024-05-31T10:00:00,r,1,1e40,8",
      "2024-05-31T10:00:01,r,1,1e999999999,8",
      "2024-05-31T10:00:02,r,1,0.5,1e12",
      "2024-05-31T10:00:03,r,1,0.5,8",
    ].join("\n");
    const result = parseCodecarbonCsv(text);
    expect(result.measurements.map((m) => m.rowNumber)).toEqual([4]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "energy_consumed"],
      [2, "energy_consumed"],
      [3, "cpu_count"],
    ]);
  });

  it("takes the delimiter from the header, not from the data: \";\" in values next to short rows stays a value", () => {
    // Found by the property test below: Papa's guess picked ";" here and the whole file looked headerless.
    const text = [HEADER, "2024-05-31T10:00:00,a;b,r1,1,0.1,0.2", "2024-05-31T10:00:01,c;d,r1,1", "2024-05-31T10:00:02,e;f,r1,1,0.3"].join("\n");
    const result = parseCodecarbonCsv(text);
    expect(result.header).toHaveLength(6);
    expect(result.measurements.map((m) => [m.rowNumber, m.projectName])).toEqual([[1, "a;b"]]);
    expect(result.errors.map((e) => e.row)).toEqual([2, 3]);
  });

  it.each([";", "\t"])("still reads a file whose header is delimited by %j (re-saved by a spreadsheet)", (d) => {
    const text = [HEADER.replaceAll(",", d), ["2024-05-31T10:00:00", "p", "r1", "1", "0.1", "0.2"].join(d)].join("\r\n");
    const result = parseCodecarbonCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.measurements[0]).toMatchObject({ projectName: "p", runId: "r1", energyKwh: "0.2" });
  });

  it("parses tracker timestamps as written (naive = UTC) and with explicit offsets", () => {
    expect(parseTrackerTimestamp("2024-05-31T10:39:13")?.toISOString()).toBe("2024-05-31T10:39:13.000Z");
    expect(parseTrackerTimestamp("2024-05-31 10:39:13.25")?.toISOString()).toBe("2024-05-31T10:39:13.250Z");
    expect(parseTrackerTimestamp("2024-05-31T10:39:13+02:00")?.toISOString()).toBe("2024-05-31T08:39:13.000Z");
    expect(parseTrackerTimestamp("26:11.7")).toBeNull();
    expect(parseTrackerTimestamp("2024-13-45T10:00:00")).toBeNull();
  });
});

// ─── Property tests ───────────────────────────────────────────────────────────
// FC_NUM_RUNS=5000 npx vitest run test/unit/ingest searches harder than the default run.
const RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

const KNOWN = [
  "project_name", "run_id", "experiment_id", "emissions_rate", "cpu_power", "gpu_power", "ram_power", "cpu_energy",
  "gpu_energy", "ram_energy", "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider",
  "cloud_region", "os", "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model",
  "longitude", "latitude", "ram_total_size", "tracking_mode", "on_cloud", "pue", "wue",
];

/** Anything a column might hold: text, numbers in every notation, absurd exponents, dates, markers. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: -2_000_000_000, max: 2_000_000_000 })).map(([m, e]) => `${m}e${e}`),
  fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
  fc.constantFrom("", "None", "NaN", "Infinity", "-0.0", "Y", "N", "1e", " 1.5 ", '"', ",", "\n", "\uFEFF", "île-de-france"),
);

const validHeader = fc
  .tuple(
    fc.subarray(KNOWN),
    fc.constantFrom(["energy_consumed"], ["emissions"], ["emissions", "energy_consumed"]),
    fc.array(fc.stringMatching(/^[a-z_]{1,8}$/), { maxLength: 2 }),
    fc.boolean(),
  )
  .chain(([known, required, extra, pandasIndex]) =>
    fc.shuffledSubarray(known, { minLength: known.length }).map((shuffled) => {
      const cols = [...new Set(["timestamp", "duration", ...required, ...shuffled, ...extra])];
      return pandasIndex ? ["", ...cols] : cols;
    }),
  );

/** Rows of random length around the header's: short rows (the append bug) and long ones. */
const fileFor = (header: string[]) =>
  fc.array(
    fc.integer({ min: -3, max: 2 }).chain((delta) => fc.array(cell, { minLength: Math.max(0, header.length + delta), maxLength: Math.max(0, header.length + delta) })),
    { maxLength: 12 },
  );

const toCsv = (rows: string[][]) => Papa.unparse(rows, { newline: "\n" });

describe("properties of parseCodecarbonCsv", () => {
  it("never throws on a valid header, and every row ends up either a measurement or in errors", () => {
    fc.assert(
      fc.property(validHeader.chain((header) => fc.tuple(fc.constant(header), fileFor(header))), ([header, rows]) => {
        const result = parseCodecarbonCsv(toCsv([header, ...rows]));
        expect(result.rowsTotal).toBeLessThanOrEqual(rows.length);
        expectPartition(result);
        for (const m of result.measurements) {
          expect(m.energyKwh !== null || m.trackerEmissionsKgCo2e !== null).toBe(true);
          expect(Number.isNaN(m.measuredAt.getTime())).toBe(false);
          for (const v of [m.energyKwh, m.trackerEmissionsKgCo2e, m.durationSeconds, m.cpuEnergyKwh])
            if (v !== null) expect(v).toMatch(/^\d+(\.\d+)?$/);
        }
        for (const e of result.errors) {
          expect(e.row).toBeGreaterThanOrEqual(1);
          expect(e.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("throws nothing but CodecarbonHeaderError on arbitrary text", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), fc.string({ maxLength: 200 }), (rows, raw) => {
        for (const text of [toCsv(rows), raw]) {
          try {
            const result = parseCodecarbonCsv(text);
            expectPartition(result);
          } catch (err) {
            expect(err).toBeInstanceOf(CodecarbonHeaderError);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a header without timestamp, duration, or both energy and emissions is always a CodecarbonHeaderError", () => {
    fc.assert(
      fc.property(
        validHeader,
        fc.constantFrom<string[]>(["timestamp"], ["duration"], ["emissions", "energy_consumed"]),
        fileFor([]),
        (header, drop, rows) => {
          const bad = header.filter((h) => !drop.includes(h));
          expect(() => parseCodecarbonCsv(toCsv([bad, ...rows]))).toThrow(CodecarbonHeaderError);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
