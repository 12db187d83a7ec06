import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import {
  GENESIS_HASH,
  canonicalJson,
  eventHash,
  toAuditJson,
  verifyChain,
  type ChainedFields,
} from "../../lib/audit/chain";

type Chained = ChainedFields & { hash: string };

function buildChain(n: number): Chained[] {
  const events: Chained[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      organizationId: "00000000-0000-4000-8000-000000000001",
      seq: i,
      actorUserId: i === 1 ? null : "00000000-0000-4000-8000-0000000000aa",
      actorLabel: i === 1 ? "system" : "user:admin@example.test",
      action: `test.action_${i}`,
      entityType: "Thing",
      entityId: `thing-${i}`,
      before: i === 1 ? null : { n: i - 1, nested: { b: 2, a: 1 } },
      after: { n: i, tags: ["x", "y"] },
      requestId: `req-${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, i, 123)),
      prevHash: prev,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, hash });
    prev = hash;
  }
  return events;
}

describe("canonicalJson", () => {
  it("sorts object keys at every depth, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("does not depend on insertion order (jsonb reorders keys)", () => {
    const one = { organizationId: "o", after: { role: "ADMIN", email: "a@b" }, seq: 1 };
    const two = { seq: 1, after: { email: "a@b", role: "ADMIN" }, organizationId: "o" };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it("drops undefined properties, prints null and undefined values as null", () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson([undefined, null])).toBe("[null,null]");
  });

  it("escapes keys and strings like JSON", () => {
    expect(canonicalJson({ 'k"1': 'v"\n' })).toBe('{"k\\"1":"v\\"\\n"}');
  });
});

describe("toAuditJson", () => {
  it("turns decimals, bigints, dates and bytes into strings that survive jsonb", () => {
    expect(
      toAuditJson({
        d: new Decimal("0.000034358104003853860"),
        big: 12345678901234567890n,
        at: new Date("2025-01-02T03:04:05.678Z"),
        bytes: Buffer.from("abc"),
        skip: undefined,
        list: [1, null],
      }),
    ).toEqual({
      d: "0.00003435810400385386",
      big: "12345678901234567890",
      at: "2025-01-02T03:04:05.678Z",
      bytes: "<3 bytes>",
      list: [1, null],
    });
  });
});

describe("eventHash", () => {
  it("changes when any chained field changes", () => {
    const [e] = buildChain(1);
    const base = eventHash(e);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...e, after: { n: 1, tags: ["y", "x"] } })).not.toBe(base);
    expect(eventHash({ ...e, actorLabel: "system " })).not.toBe(base);
    expect(eventHash({ ...e, createdAt: new Date(e.createdAt.getTime() + 1) })).not.toBe(base);
    expect(eventHash({ ...e, seq: 2 })).not.toBe(base);
  });

  it("does not change with the key order of before/after", () => {
    const [, e] = buildChain(2);
    expect(eventHash({ ...e, before: { nested: { a: 1, b: 2 }, n: 1 } })).toBe(e.hash);
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and an empty one", () => {
    expect(verifyChain(buildChain(4))).toEqual({ ok: true, checked: 4 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it("starts from the genesis hash", () => {
    const chain = buildChain(2);
    const first = { ...chain[0], prevHash: "f".repeat(64) };
    const rehashed = { ...first, hash: eventHash(first) };
    const result = verifyChain([rehashed, chain[1]]);
    expect(result).toMatchObject({ ok: false, seq: 1, checked: 0 });
  });

  it("detects altered content (hash no longer matches)", () => {
    const chain = buildChain(4);
    chain[2] = { ...chain[2], after: { n: 999, tags: ["x", "y"] } };
    const result = verifyChain(chain);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.seq).toBe(3);
    expect(result.checked).toBe(2);
    expect(result.reason).toMatch(/altered/);
  });

  it("detects a broken prev link even when the event's own hash was recomputed", () => {
    const chain = buildChain(4);
    const forged = { ...chain[2], prevHash: "a".repeat(64) };
    chain[2] = { ...forged, hash: eventHash(forged) };
    const result = verifyChain(chain);
    expect(result).toMatchObject({ ok: false, seq: 3 });
    if (!result.ok) expect(result.reason).toMatch(/prev_hash/);
  });

  it("detects a missing seq (an event removed from the middle)", () => {
    const chain = buildChain(4);
    chain.splice(1, 1);
    const result = verifyChain(chain);
    expect(result).toMatchObject({ ok: false, seq: 3, checked: 1 });
    if (!result.ok) expect(result.reason).toMatch(/missing/);
  });

  it("detects a rewritten tail: altering one event and re-hashing it breaks the next link", () => {
    const chain = buildChain(4);
    const altered = { ...chain[1], after: { n: -1 } };
    chain[1] = { ...altered, hash: eventHash(altered) };
    expect(verifyChain(chain)).toMatchObject({ ok: false, seq: 3 });
  });
});
