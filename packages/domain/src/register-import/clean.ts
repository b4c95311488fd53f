/**
 * Cleaning for text, dates and amounts as they arrive in real council registers: Excel round trips, web exports
 * and Contracts Finder extracts. Pure functions: strings in, data out.
 */

// ---------------------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------------------

/** One repaired run of mojibake: what the file said and what it meant. */
export interface EncodingRepair {
  garbled: string;
  repaired: string;
}

export interface CleanedText {
  text: string;
  /** UTF-8 text that had been read as Windows-1252 ("â€™" for "’"), repaired. */
  encodingRepairs: EncodingRepair[];
  /** HTML tags or entities were turned into plain text. */
  removedMarkup: boolean;
  /** Line breaks that an export had flattened to the letters "rn" (or to "\r\n", "_x000D_") were restored. */
  restoredLineBreaks: boolean;
}

export interface CleanTextOptions {
  /** Keep line breaks (descriptions). When false (titles, names) every line break becomes a space. */
  multiline?: boolean;
}

/** The plain text of a cell: see cleanTextReport for what is repaired. */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  return cleanTextReport(text, options).text;
}

/**
 * Repairs, in order:
 * 1. Mojibake: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1). Each suspicious run (a UTF-8 lead
 *    character such as "â" or "Ã" followed by the right number of continuation characters) is turned back into the
 *    bytes Windows-1252 gives it and decoded as UTF-8; it is replaced only if that decodes cleanly, so genuine
 *    accents ("café") are untouched. Repeated up to three times, which undoes double encoding ("Ã¢â‚¬â„¢" → "’").
 * 2. A leading apostrophe that a spreadsheet or our own export (toCsv's formula guard) put before = + - @.
 * 3. HTML: known tags are removed (block tags become line breaks, <li> a "- " bullet) and entities decoded.
 * 4. Lost line breaks: "\r\n" written out as text, Excel's "_x000D_", and the letters "rn" left where a
 *    CR LF was stripped of its backslashes. "rn" is only treated as a line break where no English word can be
 *    meant: "rnrn"; "rn" followed by three or more spaces or tabs (the indentation that followed the break);
 *    or "rn" standing apart from letters on the left and followed by a capital, digit, space or the end.
 *    So "return", "Government", "Learn more" and "www.rnib.org.uk" are left alone.
 * 5. Whitespace: non-breaking and other Unicode spaces become spaces, zero-width characters go, runs of spaces
 *    collapse, lines are trimmed, at most one blank line is kept, and the whole is trimmed.
 */
export function cleanTextReport(text: string, options: CleanTextOptions = {}): CleanedText {
  const multiline = options.multiline ?? true;
  const encoding = repairMojibake(text);
  let result = encoding.text;
  result = result.replace(/^'(?=[=+\-@])/, "");
  const markup = stripMarkup(result);
  result = markup.text;
  const breaks = restoreLineBreaks(result);
  result = normaliseWhitespace(breaks.text, multiline);
  return {
    text: result,
    encodingRepairs: encoding.repairs,
    removedMarkup: markup.changed,
    restoredLineBreaks: breaks.changed,
  };
}

// Windows-1252 bytes 0x80–0x9F. The five bytes it leaves undefined (81, 8D, 8F, 90, 9D) decode to the matching C1
// control character in Windows and WHATWG decoders, and Latin-1 decodes all 32 that way, so code points up to
// U+00FF map to their own byte.
const windows1252HighBytes: readonly [number, number][] = [
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
];
const windows1252ByteOf = new Map(windows1252HighBytes);
const continuationClass = `[\\u0080-\\u00BF${windows1252HighBytes.map(([code]) => String.fromCodePoint(code)).join("")}]`;
const mojibakeRun = new RegExp(
  `[\\u00C2-\\u00DF]${continuationClass}|[\\u00E0-\\u00EF]${continuationClass}{2}|[\\u00F0-\\u00F4]${continuationClass}{3}`,
  "g",
);
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function windows1252Byte(char: string): number | undefined {
  const code = char.codePointAt(0);
  if (code === undefined) return undefined;
  return code <= 0xff ? code : windows1252ByteOf.get(code);
}

function decodeAsUtf8(garbled: string): string | null {
  const bytes: number[] = [];
  for (const char of garbled) {
    const byte = windows1252Byte(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

const suspectRun = new RegExp(
  `[\\u0080-\\u00FF${windows1252HighBytes.map(([code]) => String.fromCodePoint(code)).join("")}]+`,
  "g",
);

/**
 * Repairs UTF-8 that was read as Windows-1252, as described on cleanTextReport. Each run of characters from the
 * Windows-1252 upper half is repaired on its own and reported once, as the file had it and as it is now.
 */
export function repairMojibake(text: string): { text: string; repairs: EncodingRepair[] } {
  const repairs: EncodingRepair[] = [];
  const repaired = text.replace(suspectRun, (run: string, offset: number, whole: string) => {
    let current = run;
    for (let pass = 0; pass < 3; pass += 1) {
      const next = current.replace(mojibakeRun, (garbled) => decodeAsUtf8(garbled) ?? garbled);
      if (next === current) break;
      current = next;
    }
    // "Â" before a space: a non-breaking space (C2 A0) whose A0 was later turned into an ordinary space.
    // Only after a character, so a genuine capital at the start of a word is never touched.
    const afterCharacter = offset > 0 && /\S/.test(whole[offset - 1] ?? "");
    if (current.endsWith("Â") && afterCharacter && whole[offset + run.length] === " ")
      current = current.slice(0, -1);
    if (current !== run) {
      repairs.push({ garbled: run, repaired: current === "" ? " " : current });
    }
    return current;
  });
  return { text: repaired, repairs };
}

const blockTags = new Set([
  "div",
  "ul",
  "ol",
  "table",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
]);
const inlineTags = new Set([
  "span",
  "strong",
  "b",
  "i",
  "em",
  "u",
  "a",
  "font",
  "sup",
  "sub",
  "small",
  "code",
  "tbody",
  "thead",
  "tfoot",
  "o:p",
]);
const markupTag = /<\/?([a-z][a-z0-9]*(?::[a-z]+)?)\b(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/gi;

const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  pound: "£",
  euro: "€",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  hellip: "…",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  times: "×",
  divide: "÷",
  plusmn: "±",
  sect: "§",
  para: "¶",
  shy: "\u00AD",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  euml: "ë",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  auml: "ä",
  iacute: "í",
  iuml: "ï",
  oacute: "ó",
  ocirc: "ô",
  ouml: "ö",
  uacute: "ú",
  uuml: "ü",
  ccedil: "ç",
  ntilde: "ñ",
  Eacute: "É",
  zwsp: "\u200B",
};
const entity = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,9});/gi;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return match;
    // Numeric references in 128–159 mean the Windows-1252 character (HTML's own rule).
    const windows =
      code >= 0x80 && code <= 0x9f ? windows1252HighBytes.find(([, byte]) => byte === code) : undefined;
    return String.fromCodePoint(windows ? windows[0] : code);
  }
  return namedEntities[body] ?? namedEntities[body.toLowerCase()] ?? match;
}

function stripMarkup(text: string): { text: string; changed: boolean } {
  if (!text.includes("<") && !text.includes("&")) return { text, changed: false };
  let changed = false;
  let result = text.replace(markupTag, (match, rawName: string | undefined) => {
    if (rawName === undefined) {
      changed = true; // comment
      return "";
    }
    const name = rawName.toLowerCase();
    const closing = match.startsWith("</");
    if (name === "br") {
      changed = true;
      return "\n";
    }
    if (name === "p") {
      changed = true;
      return "\n\n";
    }
    if (name === "li") {
      changed = true;
      return closing ? "" : "\n- ";
    }
    if (name === "td" || name === "th") {
      changed = true;
      return " ";
    }
    if (blockTags.has(name) || name === "hr") {
      changed = true;
      return "\n";
    }
    if (inlineTags.has(name)) {
      changed = true;
      return "";
    }
    return match; // "<5 years>" or an unknown word in angle brackets is text, not markup
  });
  // Decode up to twice: double-escaped exports ("&amp;nbsp;") are common and never meant literally in a register.
  for (let pass = 0; pass < 2; pass += 1) {
    const decoded = result.replace(entity, decodeEntity);
    if (decoded === result) break;
    changed = true;
    result = decoded;
  }
  return { text: result, changed };
}

const lineBreakMarkers: readonly RegExp[] = [
  /\\r\\n|\\n|\\r/g, // the escape sequences written out as text
  /_x000D_\n?/g, // Excel's XML escape of a carriage return (usually before the line feed)
];

function restoreLineBreaks(text: string): { text: string; changed: boolean } {
  let result = text;
  for (const marker of lineBreakMarkers) result = result.replace(marker, "\n");
  // Each "rn" is a lost CR LF only where no English word can be meant (see cleanTextReport).
  let lastBreakEnd = -1;
  result = result.replace(/rn/g, (match: string, offset: number, whole: string) => {
    const before = offset === lastBreakEnd ? "" : (whole[offset - 1] ?? "");
    const after = whole.slice(offset + 2, offset + 5);
    const standsApart = !/\p{L}/u.test(before);
    const isBreak =
      after.startsWith("rn") || /^[ \t]{3}/.test(after) || (standsApart && /^(?:[A-Z0-9\s]|$)/.test(after));
    if (!isBreak) return match;
    lastBreakEnd = offset + 2;
    return "\n";
  });
  return { text: result, changed: result !== text };
}

const unicodeSpaces = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

function normaliseWhitespace(text: string, multiline: boolean): string {
  let result = text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(unicodeSpaces, " ")
    .replace(invisible, "");
  if (!multiline) return result.replace(/\s+/g, " ").trim();
  result = result
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n");
  return result.replace(/\n{3,}/g, "\n\n").trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholders
// ---------------------------------------------------------------------------------------------------------------

const placeholders = new Set([
  "n/a",
  "na",
  "n.a.",
  "tbc",
  "tba",
  "tbd",
  "unknown",
  "not known",
  "not specified",
  "not applicable",
  "none",
  "nil",
  "-",
  "–",
  "—",
  "?",
  "various",
]);

/** Text that registers put where a value is unknown ("TBC", "N/A", "-"). */
export function isPlaceholder(text: string): boolean {
  return placeholders.has(text.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

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

/** ISO YYYY-MM-DD, or null when the text is blank or not a date. See readDate. */
export function parseDate(text: string): string | null {
  const reading = readDate(text);
  return reading.kind === "date" ? reading.iso : null;
}

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

// ---------------------------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------------------------

export type MoneyReading =
  | { kind: "blank" }
  | { kind: "placeholder"; text: string }
  | {
      kind: "amount";
      /** Integer minor units (pence, cents). */
      minor: number;
      /** Written with a k / m / bn multiplier ("£1.2m"): a rounded figure, worth a warning. */
      abbreviated: boolean;
      /** Had more than two decimal places and was rounded half-up to the penny. */
      rounded: boolean;
    }
  | { kind: "invalid"; reason: "negative" | "unrecognised" | "too-large" };

/** Integer minor units, or null when blank or not an amount. See readMoney. */
export function parseMoney(text: string): number | null {
  const reading = readMoney(text);
  return reading.kind === "amount" ? reading.minor : null;
}

const multipliers: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  mil: 6,
  million: 6,
  bn: 9,
  billion: 9,
};

/**
 * Reads an amount as registers write it: "£1,234.56", "1234", "1,234", "GBP 1 234.50", "R 1 000,50", "£1.2m".
 *
 * - Currency symbols and codes (£ $ € R, GBP ZAR USD EUR) and the spreadsheet text marker (') are ignored.
 * - Thousands separators are commas, spaces (including non-breaking) or apostrophes, and must group by three.
 * - The decimal point is ".", or a comma followed by one or two digits at the end ("1 000,50", "1.234,56") as in
 *   South Africa and Europe; a comma followed by exactly three digits is always a thousands separator.
 *   ("R 1 000,50" is R1,000.50.)
 * - "k", "m", "bn" and the words thousand/million/billion multiply: "£1.2m" is £1,200,000.00, flagged
 *   `abbreviated` so the import can warn that the register holds a rounded figure.
 * - More than two decimal places are rounded half-up to the penny (flagged `rounded`).
 * - A minus sign or accounting brackets make it negative, which a contract value cannot be.
 */
export function readMoney(text: string): MoneyReading {
  let value = text.trim().replace(/^'/, "");
  if (value === "") return { kind: "blank" };
  if (isPlaceholder(value)) return { kind: "placeholder", text: value };

  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(value);
  if (bracketed) {
    negative = true;
    value = bracketed[1] ?? "";
  }
  value = value
    .replace(/\b(?:GBP|ZAR|USD|EUR)\b/gi, "")
    .replace(/[£$€]/g, "")
    .replace(/^\s*R(?=\s*[\d.,-])/, "")
    .trim();
  if (/^[-−–]/.test(value)) {
    negative = true;
    value = value
      .slice(1)
      .replace(/^\s*R(?=\s*\d)/, "")
      .trim();
  }

  let exponent = 0;
  const suffix = /^(.*?)\s*(k|thousand|mn|m|mil|million|bn|billion)\.?$/i.exec(value);
  if (suffix) {
    exponent = multipliers[(suffix[2] ?? "").toLowerCase()] ?? 0;
    value = suffix[1] ?? "";
  }

  const number = readDecimal(value.replace(/[\u00A0\u202F\u2009]/g, " "));
  if (number === null) return { kind: "invalid", reason: "unrecognised" };
  if (negative && /[1-9]/.test(number.whole + number.fraction))
    return { kind: "invalid", reason: "negative" };

  // Exact decimal arithmetic: digits × 10^(exponent + 2 − fraction length), rounded half-up.
  const digits = BigInt(`${number.whole}${number.fraction}` || "0");
  const shift = exponent + 2 - number.fraction.length;
  let minor: bigint;
  let rounded = false;
  if (shift >= 0) {
    minor = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    minor = digits / divisor;
    const remainder = digits % divisor;
    if (remainder !== 0n) rounded = true;
    if (remainder * 2n >= divisor) minor += 1n;
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { kind: "invalid", reason: "too-large" };
  return { kind: "amount", minor: Number(minor), abbreviated: exponent > 0, rounded };
}

function readDecimal(text: string): { whole: string; fraction: string } | null {
  const value = text.trim();
  // Point decimal, optional thousands separators (comma, space or apostrophe) grouping by three.
  const pointDecimal = /^(\d{1,3}(?:([, '])\d{3})?(?:\2\d{3})*|\d+)(?:\.(\d+))?$/.exec(value);
  if (pointDecimal) {
    return { whole: (pointDecimal[1] ?? "").replace(/[, ']/g, ""), fraction: pointDecimal[3] ?? "" };
  }
  if (/^\.\d+$/.test(value)) return { whole: "0", fraction: value.slice(1) };
  // Comma decimal (1 000,50 or 1.234,56): the comma is followed by one or two digits and ends the number.
  const commaDecimal = /^(\d{1,3}(?:([ .'])\d{3})?(?:\2\d{3})*|\d+),(\d{1,2})$/.exec(value);
  if (commaDecimal) {
    return { whole: (commaDecimal[1] ?? "").replace(/[ .']/g, ""), fraction: commaDecimal[3] ?? "" };
  }
  return null;
}
