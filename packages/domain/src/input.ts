import { z } from "zod";
import { isRealDate } from "./contracts/iso-dates.ts";

/**
 * The bounded input helpers (DESIGN §9): every input schema is built from these, so each limit is set once
 * and no value the schemas accept can make PostgreSQL or a rule fail. Bad input is a 400 with a field
 * message, never a 500.
 */

/**
 * Zod's own messages ("Invalid input: expected object, received string") tell a council officer nothing. A
 * schema that says nothing of its own gets these sentences instead; the helpers below say more.
 */
function fieldMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Fill in this field.";
      if (issue.expected === "boolean") return "Answer yes or no.";
      if (issue.expected === "string") return "Enter text here.";
      if (issue.expected === "number") return "Enter a number.";
      if (issue.expected === "array") return "Choose from the list.";
      return "This answer is not in the form expected: reload the page and try again.";
    case "invalid_value":
      return `Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "too_big":
      return issue.origin === "array"
        ? `Choose at most ${issue.maximum.toLocaleString("en-GB")}.`
        : issue.origin === "string"
          ? `Keep this under ${issue.maximum.toLocaleString("en-GB")} characters.`
          : `Enter at most ${issue.maximum.toLocaleString("en-GB")}.`;
    case "too_small":
      return issue.origin === "array"
        ? `Choose at least ${issue.minimum.toLocaleString("en-GB")}.`
        : issue.origin === "string"
          ? "Fill in this field."
          : `Enter at least ${issue.minimum.toLocaleString("en-GB")}.`;
    case "invalid_format":
      if (issue.format === "uuid") return "This link points at a record that does not exist.";
      if (issue.format === "email") return "Enter an email address like name@council.gov.uk.";
      return "Check the format of this answer.";
    case "invalid_union":
      return "This answer is not one of the kinds accepted: check it and try again.";
    default:
      return undefined;
  }
}
z.config({ customError: fieldMessage });

// PostgreSQL text cannot hold NUL; a lone surrogate is not valid UTF-8 and is refused when encoded.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const textLimits = {
  /** Names, references, titles, numbers printed on documents. */
  short: 300,
  /** Notes, reasons, descriptions. */
  long: 10_000,
  search: 200,
  /** RFC 5321: an address is at most 254 characters. */
  email: 254,
  /** Opaque tokens and keys sent back by the client. */
  token: 200,
} as const;

/** True when a string can be stored and sent as UTF-8 text. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !loneSurrogate.test(value);
}

/** Trimmed text of at most `max` characters, without NUL or lone surrogates; `min` 1 makes it required. */
export function textInput(options: { max: number; min?: number; required?: string; tooLong?: string }) {
  const { max, min = 0 } = options;
  const tooLong = options.tooLong ?? `Keep this under ${max.toLocaleString("en-GB")} characters.`;
  return (
    z
      .string({ error: "Enter text here." })
      // Room for spaces the trim removes; past it nothing else is checked (a megabyte costs no more than a word).
      .refine((value) => value.length <= max * 4, { message: tooLong, abort: true })
      .refine(isStorableText, "Remove the control characters or broken symbols from this text.")
      .transform((value) => value.trim())
      .pipe(
        z
          .string()
          .min(min, options.required ?? "Fill in this field.")
          .max(max, tooLong),
      )
  );
}

/** Optional text: blank becomes null; absent is null. */
export function optionalTextInput(max: number) {
  return textInput({ max })
    .transform((value) => value || null)
    .nullable()
    .default(null);
}

/** An e-mail address, trimmed and lower-cased; at most 254 characters (RFC 5321). */
export function emailInput(message = "Enter an email address like name@council.gov.uk.") {
  return textInput({
    max: textLimits.email,
    min: 1,
    required: message,
    tooLong: "An email address is at most 254 characters.",
  })
    .transform((value) => value.toLowerCase())
    .pipe(z.email(message));
}

/** An optional e-mail address, kept as typed: blank or absent is null. */
export function optionalEmailInput(message = "Enter an email address like name@council.gov.uk.") {
  return textInput({ max: textLimits.email, tooLong: "An email address is at most 254 characters." })
    .transform((value) => value || null)
    .pipe(z.email(message).nullable())
    .nullable()
    .default(null);
}

/** A search box: at most 200 characters, blank means no search. */
export const searchInput = textInput({ max: textLimits.search }).optional();

/** A secret or opaque token the client hands back (never trimmed, never logged). */
export const tokenInput = z
  .string()
  .min(1, "This link is incomplete.")
  .max(textLimits.token, "This link is not valid.")
  .refine(isStorableText, "This link is not valid.");

/** Dates the platform accepts: a real calendar date between 1900 and 2200 (a contract's life fits). */
export const dateRange = { min: "1900-01-01", max: "2200-12-31" } as const;

export const isoDate = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine(isRealDate, "Enter a real date.")
  .refine((date) => date >= dateRange.min && date <= dateRange.max, "Enter a date between 1900 and 2200.");

/** PostgreSQL `integer`. */
export const int32Range = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/** A whole number within `min`..`max` (defaults: the range of a PostgreSQL integer column). */
export function integerInput(options: { min?: number; max?: number; message?: string } = {}) {
  const min = options.min ?? int32Range.min;
  const max = options.max ?? int32Range.max;
  const message = options.message ?? `Enter a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** The `version` an update read (DESIGN §3.9); the update writes it plus one, which must fit the column. */
export const versionInput = integerInput({
  min: 1,
  max: int32Range.max - 1,
  message: "This record's version is not valid: reload the page.",
});

/**
 * Money in minor units (pence, cents). A trillion pounds is far beyond any council contract and keeps sums of
 * many amounts exact in a double (2⁵³ ≈ 9 × 10¹⁵).
 */
export const moneyLimitMinor = 100_000_000_000_000;

export function moneyInput(
  options: { signed?: boolean; positive?: boolean; message?: string; wholeMessage?: string } = {},
) {
  const min = options.signed ? -moneyLimitMinor : options.positive ? 1 : 0;
  const message =
    options.message ??
    (options.signed
      ? "Enter an amount in pence/cents, up to a trillion either way."
      : options.positive
        ? "Enter an amount above zero, up to a trillion."
        : "Enter an amount in pence/cents, from zero up to a trillion.");
  return z
    .number({ error: message })
    .int(options.wholeMessage ?? "Enter a whole number of pence/cents.")
    .min(min, message)
    .max(moneyLimitMinor, message);
}

/** A change of term in days: a century either way is more than any contract runs. */
export const termDaysLimit = 36_525;

/** A record id (UUID v7 everywhere, DESIGN §3.11). */
export const idInput = z.uuid({ error: "This link points at a record that does not exist." });

/** A list input with a size cap, so no request can make the server loop over millions of entries. */
export function listInput<T extends z.ZodType>(item: T, max: number, tooMany?: string) {
  return z.array(item).max(max, tooMany ?? `Send at most ${max.toLocaleString("en-GB")} items.`);
}

/** A page number of a list (a million pages of 200 rows is far past any register). */
export const pageInput = integerInput({
  min: 1,
  max: 1_000_000,
  message: "Ask for a page from 1 to 1,000,000.",
});

/** The number of rows a page of results holds. */
export const pageSizeInput = integerInput({ min: 1, max: 200, message: "Ask for between 1 and 200 rows." });

/**
 * A measured quantity (a KPI's target, a value, a numerator): a finite number within ±a trillion. Far past any
 * council's measure, and sums of many stay well inside a double's exact range.
 */
export const measureLimit = 1_000_000_000_000;

export function decimalInput(options: { min?: number; max?: number; message?: string } = {}) {
  const min = options.min ?? -measureLimit;
  const max = options.max ?? measureLimit;
  const message =
    options.message ??
    `Enter a number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")}.`;
  return z.number({ error: message }).min(min, message).max(max, message);
}

/**
 * A number typed in a form, read in the council's locale: blank is null; spaces and thousands separators are
 * ignored. Where the decimal mark is a comma (en-ZA: "2,5") a point is read as one too when there is no comma.
 */
export function readDecimalText(
  text: string,
  locale: string,
): { ok: true; value: number | null } | { ok: false } {
  const decimalMark = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((part) => part.type === "decimal")?.value;
  let cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (cleaned === "") return { ok: true, value: null };
  cleaned =
    decimalMark === "," && cleaned.includes(",")
      ? cleaned.replace(/\./g, "").replace(",", ".")
      : cleaned.replace(/,/g, "");
  const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : Number.NaN;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
