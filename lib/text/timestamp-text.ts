// Tracker timestamps → one canonical text, checked without building a Date on the common path.
// CodeCarbon writes local time without a zone ("2024-05-31T10:39:13"); it is kept as written and stored as if UTC
// (Postgres `timestamp` without zone). A timestamp with a zone ("…+02:00", "…Z") is converted to UTC.
// Fractions are cut to milliseconds (never rounded), so a text always maps to the same instant and row hash.

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Plausible tracker dates: CodeCarbon exists since 2020; earlier or far-future dates are typing errors. */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2100;

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const digit = (t: string, i: number) => t.charCodeAt(i) - 48;
const two = (t: string, i: number) => digit(t, i) * 10 + digit(t, i + 1);

/** The common case without a regex: "YYYY-MM-DDTHH:MM:SS" with an optional fraction and no zone. */
function fastPath(t: string): string | null | undefined {
  const n = t.length;
  if (n < 19 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return undefined;
  const sep = t.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) {
    const d = digit(t, i);
    if (d < 0 || d > 9) return undefined;
  }
  let ms = "000";
  if (n > 19) {
    if (t.charCodeAt(19) !== 46 || n === 20) return undefined;
    for (let i = 20; i < n; i++) {
      const d = digit(t, i);
      if (d < 0 || d > 9) return undefined; // a zone or junk: the general path decides
    }
    ms = n >= 23 ? t.slice(20, 23) : (t.slice(20) + "00").slice(0, 3);
  }
  const year = two(t, 0) * 100 + two(t, 2);
  const month = two(t, 5);
  const day = two(t, 8);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !leap(year))) return null;
  if (two(t, 11) > 23 || two(t, 14) > 59 || two(t, 17) > 59) return null;
  return sep === 84 && n === 23 ? t : `${t.slice(0, 10)}T${t.slice(11, 19)}.${ms}`;
}

/** "YYYY-MM-DDTHH:MM:SS.mmm" (UTC, no zone letter), or null when the text is not a real date and time. */
export function canonicalTimestamp(raw: string): string | null {
  const fast = fastPath(raw);
  if (fast !== undefined) return fast;
  const text = raw.length && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !leap(year))) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return null;
  const ms = m[7] ? (m[7].slice(1) + "00").slice(0, 3) : "000";
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${ms}`;
  const zone = m[8];
  if (!zone || zone === "Z") return local;
  const offset = zone.length === 6 ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59) return null;
  const utc = new Date(`${local}${offset}`);
  if (Number.isNaN(utc.getTime())) return null;
  const iso = utc.toISOString();
  const y = Number(iso.slice(0, 4));
  return y < EARLIEST_YEAR || y > LATEST_YEAR ? null : iso.slice(0, 23);
}

/** Why canonicalTimestamp refused a text (only computed for refused cells). */
export function timestampProblem(raw: string): string {
  const m = TIMESTAMP.exec(raw.trim());
  if (!m) return "not an ISO 8601 date and time";
  const year = Number(m[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `not a plausible date (outside ${EARLIEST_YEAR}–${LATEST_YEAR})`;
  if (Number(m[2]) < 1 || Number(m[2]) > 12) return "not a real date (no such month)";
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return "not a real time of day";
  if (m[8] && m[8] !== "Z") return "not a valid time zone offset";
  return `not a real date (${m[1]}-${m[2]} has no day ${m[3]})`;
}

/** The instant of a canonical timestamp (stored as if UTC). */
export function timestampDate(canonical: string): Date {
  return new Date(`${canonical}Z`);
}
