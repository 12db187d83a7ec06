// COPY … FROM STDIN through pg-copy-streams: Postgres' fastest way in (docs/decisions/0007). Text format:
// tab-separated, \N for NULL, backslash escapes for the few characters that need them.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const SPECIAL = /[\\\t\n\r]/;
const CHUNK = 1 << 20;

/** A text value for COPY's text format (checked numbers and hashes never need escaping; free text may). */
export function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return SPECIAL.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

/**
 * `COPY table (columns) FROM STDIN` from lines given as (ASCII prefix, bytes) pairs. The lines are packed into
 * buffers of about 1 MB as the connection takes them, so a batch is never held twice in memory.
 */
export async function copyBytes(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  lines: Iterable<readonly [string, Buffer]>,
): Promise<void> {
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  function* chunks() {
    let buf = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    for (const [prefix, bytes] of lines) {
      const need = prefix.length + bytes.length;
      if (used + need > buf.length) {
        if (used) yield buf.subarray(0, used);
        buf = Buffer.allocUnsafe(Math.max(CHUNK, need));
        used = 0;
      }
      used += buf.write(prefix, used, "latin1");
      used += bytes.copy(buf, used);
    }
    if (used) yield buf.subarray(0, used);
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(sql)));
}

/** A deterministic UUID from a hex digest (for rows whose run has no id of its own). */
export function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
