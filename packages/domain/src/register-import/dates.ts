import { isPlaceholder } from "./placeholders.ts";

/** Dates as UK and South African registers write them. */

export type DateFormat =
  | "iso"
  | "iso-with-time"
  | "day-month-year"
  | "day-month-name-year"
  | "month-name-day-year"
  | "year-month-day-digits"
  | "spreadsheet-serial";

export type DateReading =
  | { kind: "blank" }
  | { kind: "placeholder"; text: string }
  | { kind: "date"; iso: string; format: DateFormat }
  | {
      kind: "invalid";
      /** not-a-real-date: the parts are read but no such day exists (31/02/2025, or 13 as a month). */
      reason: "not-a-real-date" | "year-only" | "unrecognised";
      /** When the text is not a real date day-first but would be month-first, that date; never used silently. */
      monthFirst?: string;
    };

const monthNumbers: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const timeOfDay = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|UTC|GMT|BST|[+-]\d{2}:?\d{2}))?)?`;
const isoDate = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(${timeOfDay})$`, "i");
const dayFirstDate = new RegExp(String.raw`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})${timeOfDay}$`, "i");
const dayMonthNameDate = new RegExp(
  String.raw`^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]+)\.?[\s\-/.,]+(\d{4}|\d{2})${timeOfDay}$`,
  "i",
);
const monthNameDayDate = new RegExp(
  String.raw`^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${timeOfDay}$`,
  "i",
);

/**
 * Reads the date formats UK and South African councils use.
 *
 * - ISO 8601: 2025-04-01, 2025/04/01, and with a time and zone (2025-04-01T00:00:00Z, 2025-04-23T23:59:59+01:00).
 *   The calendar date is taken as written, not converted to UTC: "2025-04-03T00:00:00+01:00" is 3 April (a UTC
 *   conversion would make it 2 April), and "…T23:59:59+01:00" end dates stay on their own day.
 * - Numeric dates are always DAY FIRST: DD/MM/YYYY, D/M/YY, DD-MM-YYYY, DD.MM.YYYY, optionally followed by a
 *   time. US month-first order is never guessed, even when only it would make sense: "04/13/2025" is not a real
 *   date (the reading reports the month-first alternative so the message can say so). Two-digit years are
 *   2000–2069 for 00–69 and 1970–1999 for 70–99, because contract end dates run well past 2030.
 * - Month names: "1 April 2025", "1st Apr 2025", "01-Apr-2025", "1-Apr-25", "Tuesday 1 April 2025" and the
 *   unambiguous "April 1, 2025".
 * - Spreadsheet serial numbers (days since 1899-12-30, as Excel and LibreOffice store dates): five-digit numbers,
 *   with or without a fraction of a day, so 45748 is 2025-04-01. A four-digit number from 1900 to 2199 is a
 *   year, not a serial (serials of four digits are dates in 1900–1927), and is reported as year-only.
 * - 8 digits starting 19 or 20 (20250401) as YYYYMMDD.
 */
export function readDate(text: string): DateReading {
  const value = text.trim().replace(/^'/, "");
  if (value === "") return { kind: "blank" };
  if (isPlaceholder(value)) return { kind: "placeholder", text: value };

  const iso = isoDate.exec(value);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ? "iso-with-time" : "iso");

  const dayFirst = dayFirstDate.exec(value);
  if (dayFirst) {
    const day = Number(dayFirst[1]);
    const month = Number(dayFirst[2]);
    const year = expandYear(dayFirst[3] ?? "");
    const reading = fromParts(year, month, day, "day-month-year");
    if (reading.kind === "invalid") {
      const monthFirst = isoFromParts(year, day, month);
      return monthFirst ? { ...reading, monthFirst } : reading;
    }
    return reading;
  }

  const dayMonthName = dayMonthNameDate.exec(value);
  if (dayMonthName) {
    const month = monthNumbers[(dayMonthName[2] ?? "").toLowerCase()];
    if (month !== undefined) {
      return fromParts(
        expandYear(dayMonthName[3] ?? ""),
        month,
        Number(dayMonthName[1]),
        "day-month-name-year",
      );
    }
  }

  const monthNameDay = monthNameDayDate.exec(value);
  if (monthNameDay) {
    const month = monthNumbers[(monthNameDay[1] ?? "").toLowerCase()];
    if (month !== undefined) {
      return fromParts(Number(monthNameDay[3]), month, Number(monthNameDay[2]), "month-name-day-year");
    }
  }

  if (/^\d{4}$/.test(value)) {
    const year = Number(value);
    return year >= 1900 && year <= 2199 ? { kind: "invalid", reason: "year-only" } : unrecognised;
  }
  const serial = /^(\d{5})(\.\d+)?$/.exec(value);
  if (serial) {
    const iso = new Date(Date.UTC(1899, 11, 30) + Number(serial[1]) * 86_400_000).toISOString().slice(0, 10);
    return { kind: "date", iso, format: "spreadsheet-serial" };
  }
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(value);
  if (compact)
    return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]), "year-month-day-digits");

  return unrecognised;
}

const unrecognised: DateReading = { kind: "invalid", reason: "unrecognised" };

function expandYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fromParts(year: number, month: number, day: number, format: DateFormat): DateReading {
  const iso = isoFromParts(year, month, day);
  return iso ? { kind: "date", iso, format } : { kind: "invalid", reason: "not-a-real-date" };
}
