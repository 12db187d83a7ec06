// lib/json-exact.ts: JSON with numbers kept as their source text (tracker payloads, exact sums in responses).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonNumber, JsonSyntaxError, exactNumber, parseJsonExact, stringifyJsonExact } from "../../lib/json-exact";

/** JsonNumber → number, to compare with JSON.parse. */
const plain = (v: unknown): unknown =>
  v instanceof JsonNumber ? Number(v.text) : Array.isArray(v) ? v.map(plain) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;

describe("parseJsonExact", () => {
  it("keeps each number's text: 0.1000000000000000000001 is not rounded to 0.1", () => {
    const v = parseJsonExact('{"a": 0.1000000000000000000001, "b": [2.4579190100373373e-08, -0, 12]}') as { a: JsonNumber; b: JsonNumber[] };
    expect(v.a.text).toBe("0.1000000000000000000001");
    expect(v.b.map((n) => n.text)).toEqual(["2.4579190100373373e-08", "-0", "12"]);
  });

  it("reads strings, literals and nesting as JSON.parse does (any JSON value)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(plain(parseJsonExact(text))).toEqual(JSON.parse(text));
      }),
    );
  });

  it("keeps a key named __proto__ as data, never as the prototype", () => {
    const v = parseJsonExact('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["", "{", '{"a":}', "[1,]", "01", "1.", ".5", "NaN", "{'a':1}", '{"a":1} x', '"\u0001"', "[".repeat(100) + "]".repeat(100)])(
    "rejects %j with a JsonSyntaxError",
    (text) => {
      expect(() => parseJsonExact(text)).toThrow(JsonSyntaxError);
    },
  );
});

describe("stringifyJsonExact and exactNumber", () => {
  it("writes a Postgres numeric digit for digit, trailing zeros trimmed", () => {
    const body = { total: exactNumber("0.000041377212287186168000000000"), n: exactNumber("5.000"), z: exactNumber("-0.00"), s: "x", none: null, skip: undefined };
    expect(stringifyJsonExact(body)).toBe('{"total":0.000041377212287186168,"n":5,"z":0,"s":"x","none":null}');
  });

  it("never writes NaN (no JSON form): null instead", () => {
    expect(exactNumber("NaN")).toBeNull();
  });

  it("agrees with JSON.stringify on plain values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyJsonExact(value)).toBe(JSON.stringify(value));
      }),
    );
  });
});
