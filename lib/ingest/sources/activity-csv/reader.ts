// The activity CSV adapter: Scopebook's activity template (lib/activity/templates.ts), recognised by its header.
import { ACTIVITY_COLUMNS } from "../../../activity/templates";
import { headHasColumns, TemplateCsvReader } from "../template-csv";
import { mapActivityRow, type ActivityImportRecord } from "./map";

/** A CSV whose header names these is an activity file (the worked example has no optional columns). */
export const ACTIVITY_SIGNATURE = ["period_start", "period_end", "category", "quantity", "unit"];

export const claimsActivityCsv = (head: string) => headHasColumns(head, ACTIVITY_SIGNATURE);

export const createActivityCsvReader = () => new TemplateCsvReader<(typeof ACTIVITY_COLUMNS)[number]["field"], ActivityImportRecord>("activity", ACTIVITY_COLUMNS, mapActivityRow);
