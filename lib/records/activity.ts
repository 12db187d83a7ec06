// A row of Scopebook's activity template, checked: what the activity-csv reader yields and the template writer stores.
import type { ActivityEntry } from "../activity/entry";

export interface ActivityImportRecord {
  rowNumber: number;
  /**
   * sha256 of what the row says (normalized: 30 kWh and 0.03 MWh are the same): the same row in another file is a
   * duplicate, not a second record. The site by name, case-insensitive.
   */
  rowHash: string;
  entry: ActivityEntry;
}
