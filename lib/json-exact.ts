// JSON with exact numbers. JSON.parse turns every number into a binary double, so "0.1000000000000000000001"
// would arrive rounded; Node 20 has neither JSON.rawJSON nor the reviver's source text. This parser keeps each
// number as its source text (a JsonNumber) and the writer emits JsonNumber text verbatim, so a decimal read
// from Postgres `numeric` reaches the client digit for digit. Strings are decoded by JSON.parse itself.

/** A JSON number, kept as the text it was written with (or as the exact decimal to write). */
export class JsonNumber {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;
const MAX_DEPTH = 64;

export class JsonSyntaxError extends Error {
  override name = "JsonSyntaxError";
}

/** Parses JSON text like JSON.parse, except that numbers become JsonNumber (their exact source text). */
export function parseJsonExact(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at position ${i}`);
  };
  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  const token = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    i = re.lastIndex;
    return m[0];
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail("nesting too deep");
    skip();
    const c = text[i];
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      skip();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        skip();
        const key = token(STRING);
        if (key === null) fail("expected a property name");
        skip();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        // defineProperty: a key "__proto__" is an own property, never the prototype.
        Object.defineProperty(obj, JSON.parse(key!) as string, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      skip();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') {
      const s = token(STRING);
      if (s === null) fail("invalid string");
      return JSON.parse(s!) as string;
    }
    if (text.startsWith("true", i)) return (i += 4), true;
    if (text.startsWith("false", i)) return (i += 5), false;
    if (text.startsWith("null", i)) return (i += 4), null;
    const n = token(NUMBER);
    if (n === null) fail(i >= text.length ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`);
    return new JsonNumber(n!);
  };
  const result = value(0);
  skip();
  if (i < text.length) fail("unexpected text after the JSON value");
  return result;
}

/** JSON text like JSON.stringify, except that a JsonNumber is written as its exact text. */
export function stringifyJsonExact(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => stringifyJsonExact(v)).join(",")}]`;
  if (typeof value === "object") {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) if (v !== undefined) parts.push(`${JSON.stringify(k)}:${stringifyJsonExact(v)}`);
    return `{${parts.join(",")}}`;
  }
  if (typeof value === "bigint") return value.toString();
  return JSON.stringify(value) ?? "null";
}

/**
 * A Postgres numeric as an exact JSON number: "0.000041377212287186168000000000" → 0.000041377212287186168.
 * null stays null. Postgres writes numeric without an exponent, so the text is already valid JSON once trimmed.
 */
export function exactNumber(numericText: string | null): JsonNumber | null {
  if (numericText === null || !/^-?\d+(\.\d+)?$/.test(numericText)) return null; // NaN/Infinity have no JSON form
  let t = numericText.includes(".") ? numericText.replace(/0+$/, "").replace(/\.$/, "") : numericText;
  if (t === "-0") t = "0";
  return new JsonNumber(t);
}
