// The vocabulary of the entry and upload forms (categories with their units, instrument types, the sources a file
// may be declared as, the template columns): plain option lists built from the pure domain, for pages and screens.
import { CATEGORIES } from "../activity/categories";
import { INSTRUMENT_TYPES } from "../activity/instrument-entry";
import { ACTIVITY_COLUMNS, INSTRUMENT_COLUMNS } from "../activity/templates";
import { UNIT_NAMES, unitDef } from "../activity/units";
import { SOURCE_LABELS, type SourceTypeName } from "../records/source-types";

export interface SourceOption {
  value: SourceTypeName;
  label: string;
}

/** Every source a file may be declared as, in the upload form's order. */
export const UPLOAD_SOURCES: SourceOption[] = Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value: value as SourceTypeName, label: label! }));

/** One declarable source (the activity and instruments pages offer only their own template). */
export function uploadSource(value: SourceTypeName): SourceOption {
  const option = UPLOAD_SOURCES.find((s) => s.value === value);
  if (!option) throw new Error(`${value} is not a source a file may be declared as`);
  return option;
}

/** Activity categories with the units each accepts, for the entry form. */
export const ACTIVITY_CATEGORY_OPTIONS = CATEGORIES.map((c) => ({
  value: c.csvName,
  label: c.label,
  units: UNIT_NAMES.filter((u) => c.dimensions.includes(unitDef(u)!.dimension)),
  typeRequired: c.typeRequired,
  typeExamples: c.typeExamples,
  siteRequired: c.siteRequired,
}));

export const INSTRUMENT_TYPE_OPTIONS = INSTRUMENT_TYPES.map((t) => ({ value: t.csvName, label: t.label }));

/** The columns of the CSV templates, for the help beside the upload forms. */
export const ACTIVITY_TEMPLATE_COLUMNS = ACTIVITY_COLUMNS;
export const INSTRUMENT_TEMPLATE_COLUMNS = INSTRUMENT_COLUMNS;
