import { isPlaceholder } from "./placeholders.ts";

/** Amounts as registers write them, read into integer minor units. */

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
