// Calendar dates as ISO "YYYY-MM-DD" text, checked strictly (a month 13 or a 31 April is an error, never rolled
// over). Pure.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** The reason a text is not a usable date, or null when it is one. */
export function dateProblem(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return "not an ISO date (YYYY-MM-DD)";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `month ${m[2]} does not exist`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `day ${m[3]} does not exist in ${m[1]}-${m[2]}`;
  if (y < MIN_YEAR || y > MAX_YEAR) return `year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  return null;
}

/** A checked "YYYY-MM-DD" as a Date at UTC midnight (what Prisma writes to a `date` column). */
export function utcDate(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}
