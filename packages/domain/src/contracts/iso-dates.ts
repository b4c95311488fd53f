/**
 * Dates are ISO `YYYY-MM-DD` strings read as UTC days, so a rule gives the same answer on every server.
 * Rules take "today" as a parameter and never read the clock.
 */
const dayMs = 86_400_000;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a calendar date that exists: `Date.parse` alone accepts 2025-02-30. */
export function isRealDate(date: string): boolean {
  const ms = Date.parse(date);
  return isoDatePattern.test(date) && !Number.isNaN(ms) && toIsoDate(ms) === date;
}

export function addDays(date: string, days: number): string {
  return toIsoDate(Date.parse(date) + days * dayMs);
}

/** Calendar months; a day that does not exist in the target month falls back to its last day (31 Jan + 1 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  const start = new Date(Date.parse(date));
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toIsoDate(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDayOfMonth)));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / dayMs);
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first day of the month `months` away from the month containing `date`. */
export function firstOfMonth(date: string, months = 0): string {
  return addMonths(`${monthOf(date)}-01`, months);
}
