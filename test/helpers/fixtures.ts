// Fixtures live in test/fixtures (copied, with their attribution in test/fixtures/SOURCES.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

export function fixtureBytes(relative: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, relative));
}

export function fixtureText(relative: string): string {
  return fixtureBytes(relative).toString("utf8");
}

export const CODECARBON_24 = "codecarbon/codecarbon-2.4-macos-m1.csv";
export const CODECARBON_1_BOM_INDEX = "codecarbon/codecarbon-1-bom-index-column.csv";
export const CODECARBON_1_ELEVEN = "codecarbon/codecarbon-1-eleven-columns.csv";
export const CODECARBON_SHORT_ROWS = "codecarbon/generated-3.3/emissions_offline_append_short_rows.csv";

/**
 * Golden numbers of the 2.4 fixture, computed independently with Python's decimal module from the file:
 * sum over the 16 known runs of the energy_consumed of each run's last row, plus the 3 rows with no run id.
 */
export const GOLDEN_24 = {
  energyKwh: "0.00809026616916893489",
  trackerEmissionsKgCo2e: "0.0001953702926889437882",
} as const;
