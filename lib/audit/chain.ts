// The audit hash chain, pure: canonical JSON and sha256 over each event and the hash of the one before.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  organizationId: string;
  seq: number;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string;
  createdAt: Date;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** sha256 over exactly the chained fields (never the stored hash itself, nor any extra property). */
export function eventHash(e: ChainedFields): string {
  const fields: Record<keyof ChainedFields, unknown> = {
    organizationId: e.organizationId,
    seq: e.seq,
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
    prevHash: e.prevHash,
  };
  const body = canonicalJson(fields);
  return createHash("sha256").update(body).digest("hex");
}

/** Decimals, BigInts and Dates become strings, so before/after survive jsonb exactly. */
export function toAuditJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (typeof value === "object" && value !== null && "toFixed" in value && "isFinite" in value) return String(value); // Decimal
  if (Array.isArray(value)) return value.map(toAuditJson);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toAuditJson(v);
    return out;
  }
  return value;
}

export type ChainBreak =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: number; reason: string };

/** Recomputes a chain (events in seq order) and reports the first broken link. */
export function verifyChain(events: (ChainedFields & { hash: string })[]): ChainBreak {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.seq !== i + 1) return { ok: false, checked: i, seq: e.seq, reason: `expected event #${i + 1}, found #${e.seq} (an event is missing)` };
    if (e.prevHash !== prev) return { ok: false, checked: i, seq: e.seq, reason: "prev_hash does not match the hash of the event before it" };
    if (eventHash(e) !== e.hash) return { ok: false, checked: i, seq: e.seq, reason: "the event's content does not match its hash (it was altered)" };
    prev = e.hash;
  }
  return { ok: true, checked: events.length };
}
