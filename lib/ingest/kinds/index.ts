// Every record kind an adapter may yield, with its preview spec.
import type { RecordKind, RecordKinds } from "../source";
import type { RecordKindSpec } from "./kind";
import { ACTIVITY_KIND } from "./activity";
import { INSTRUMENT_KIND } from "./instrument";
import { MEASUREMENT_KIND } from "./measurement";
import { PROVIDER_EMISSION_KIND } from "./provider-emission";

export const RECORD_KINDS: { [K in RecordKind]: RecordKindSpec<RecordKinds[K]> } = {
  measurement: MEASUREMENT_KIND,
  "provider-emission": PROVIDER_EMISSION_KIND,
  activity: ACTIVITY_KIND,
  instrument: INSTRUMENT_KIND,
};

export function kindSpec(kind: RecordKind): RecordKindSpec<RecordKinds[RecordKind]> {
  return RECORD_KINDS[kind] as RecordKindSpec<RecordKinds[RecordKind]>;
}
