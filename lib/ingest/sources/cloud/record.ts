// Completes a mapped cloud row: its identity hashes. The key (what a restatement shares) and the row hash (key,
// version and every value: what a duplicate shares) are sha256 of their fields joined by a separator that cannot
// occur in a cell.
import { hash } from "node:crypto";
import type { ProviderRecord } from "../../../records/provider-emission";
import { hashNumber } from "./values";

export type ProviderRecordDraft = Omit<ProviderRecord, "rowHash" | "keyHash">;

const SEP = "\u0000";

/** For sources that state no scope split (CCF estimates, AWS' retired tool). */
export const NO_SCOPE_SPLIT = {
  scope1KgCo2e: null,
  scope2LbKgCo2e: null,
  scope2MbKgCo2e: null,
  scope3KgCo2e: null,
  scope3LbKgCo2e: null,
  scope3MbKgCo2e: null,
} as const;

export interface KeyParts {
  /** What identifies the service when it is not its name (GCP's service.id). */
  service?: string | null;
  /** More of the key (Azure: the scope a row reports). */
  extra?: string;
}

export function keyOf(r: ProviderRecordDraft, parts: KeyParts = {}): string {
  const service = parts.service === undefined ? r.service : parts.service;
  return [r.provider, r.nature, r.billingAccountId, r.accountId, r.cloudProjectId, service, r.location, r.region, r.periodStart, r.periodEnd, parts.extra ?? ""].join(SEP);
}

export function withHashes(r: ProviderRecordDraft, parts: KeyParts = {}): ProviderRecord {
  const key = keyOf(r, parts);
  const values =
    hashNumber(r.energyKwh) + SEP + hashNumber(r.scope1KgCo2e) + SEP + hashNumber(r.scope2LbKgCo2e) + SEP + hashNumber(r.scope2MbKgCo2e) + SEP +
    hashNumber(r.scope3KgCo2e) + SEP + hashNumber(r.scope3LbKgCo2e) + SEP + hashNumber(r.scope3MbKgCo2e) + SEP + hashNumber(r.totalLbKgCo2e) + SEP +
    hashNumber(r.totalMbKgCo2e);
  // Completed in place: a copy of the draft for every row of a million-row file is garbage for nothing.
  const record = r as ProviderRecord;
  record.keyHash = hash("sha256", key, "hex");
  record.rowHash = hash("sha256", `${key}${SEP}${r.versionRank}${SEP}${values}`, "hex");
  return record;
}
