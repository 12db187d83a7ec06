// A row of Scopebook's contractual instruments template, checked: what the instruments-csv reader yields and the
// template writer stores.
import type { InstrumentEntry } from "../activity/instrument-entry";

export interface InstrumentImportRecord {
  rowNumber: number;
  /** sha256 of the instrument as stated: the same row in another file is a duplicate. */
  rowHash: string;
  /** The certificate's identity (tracking system + id), when it has one: claimed once only, whatever the file. */
  certificateKey: string | null;
  entry: InstrumentEntry;
}
