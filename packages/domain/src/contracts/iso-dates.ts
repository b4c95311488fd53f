/**
 * Dates are ISO `YYYY-MM-DD` strings read as UTC days, so a rule gives the same answer on every server.
 * Rules take "today" as a parameter and never read the clock.
 *
 * The arithmetic works on the digits and on day numbers (days since 1970-01-01), without a `Date`: the
 * obligations engine does it a few dozen times a contract, for every contract of a council on every compliance
 * read, and the advisor's portfolio for thirty councils at once. A string that is not strictly `YYYY-MM-DD`
 * (a timestamp, "2025-1-01") is read by `Date.parse`, as it always was, so every answer stays what it was.
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
  const day = Number.isInteger(days) ? dayNumberOf(date) : null;
  if (day === null) return toIsoDate(Date.parse(date) + days * dayMs);
  return isoDateOfDay(day + days);
}

/** Calendar months; a day that does not exist in the target month falls back to its last day (31 Jan + 1 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  const parts = Number.isInteger(months) ? datePartsOf(date) : null;
  if (parts === null) {
    const start = new Date(Date.parse(date));
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + months;
    const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return toIsoDate(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDayOfMonth)));
  }
  const monthIndex = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return isoDateOf(year, month, Math.min(parts.day, daysInMonth(year, month)));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  if (first === null || last === null) return Math.round((Date.parse(to) - Date.parse(from)) / dayMs);
  return last - first;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first day of the month `months` away from the month containing `date`. */
export function firstOfMonth(date: string, months = 0): string {
  return addMonths(`${monthOf(date)}-01`, months);
}

/**
 * The UTC day number (days since 1970-01-01) of a strict `YYYY-MM-DD` string, or null for any other string.
 * A day past the month's end (2025-02-30) runs on into the next month, as `Date.parse` reads it.
 */
export function dayNumberOf(date: string): number | null {
  const parts = digitsOf(date);
  return parts === null ? null : dayNumberFrom(parts.year, parts.month, parts.day);
}

/** The `YYYY-MM-DD` of a UTC day number: `dayNumberOf`'s inverse. */
export function isoDateOfDay(day: number): string {
  const { year, month, day: dayOfMonth } = datePartsOfDay(day);
  return isoDateOf(year, month, dayOfMonth);
}

type DateParts = { year: number; month: number; day: number };

/**
 * Year, month (1–12) and day (1–31) of a strict `YYYY-MM-DD` from the year 100 (`Date.UTC` reads years 0–99 as
 * 1900–1999, so those stay with the old reading), or null.
 */
function digitsOf(date: string): DateParts | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** The parts of a strict date, a day past the month's end carried into the next month. */
function datePartsOf(date: string): DateParts | null {
  const parts = digitsOf(date);
  if (parts === null || parts.day <= daysInMonth(parts.year, parts.month)) return parts;
  return datePartsOfDay(dayNumberFrom(parts.year, parts.month, parts.day));
}

/** The number written by `length` digits from `start`, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function datePartsOfDay(day: number): DateParts {
  // H. Hinnant, "chrono-compatible low-level date algorithms", civil_from_days.
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1,
  };
}

function dayNumberFrom(year: number, month: number, day: number): number {
  // H. Hinnant, days_from_civil: years start on 1 March, so a leap day is the last day of its year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function isoDateOf(year: number, month: number, day: number): string {
  // Outside four-digit years `toISOString` writes a signed six-digit year; keep its answer there.
  if (year < 0 || year > 9999) return toIsoDate(Date.UTC(year, month - 1, day));
  return `${year < 1000 ? String(year).padStart(4, "0") : year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
