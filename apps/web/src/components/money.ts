import { readMoney } from "@steward/domain";

/**
 * Money typed into forms: pounds or rand as text in, integer minor units out. The reading is the register
 * import's (readMoney), so "£12,500", "12 500,50" and "1.2m" mean the same in a form as in a spreadsheet.
 */
export type MoneyReading = { ok: true; minor: number | null } | { ok: false; message: string };

const example = "12,500.00";

export function readMoneyText(text: string, options: { allowNegative?: boolean } = {}): MoneyReading {
  let value = text.trim();
  let negative = false;
  if (options.allowNegative && /^[-−–]/.test(value)) {
    negative = true;
    value = value.slice(1).trim();
  }
  const reading = readMoney(value);
  switch (reading.kind) {
    case "blank":
      return { ok: true, minor: null };
    case "amount":
      return { ok: true, minor: negative && reading.minor !== 0 ? -reading.minor : reading.minor };
    case "invalid":
      if (reading.reason === "negative") {
        return { ok: false, message: "Enter an amount of zero or more." };
      }
      if (reading.reason === "too-large") return { ok: false, message: "That amount is too large." };
      return { ok: false, message: `Enter an amount in figures, like ${example}.` };
    default:
      return { ok: false, message: `Enter an amount in figures, like ${example}, or leave it blank.` };
  }
}

/** Minor units as a form shows them for editing: "12500.00"; blank for none. */
export function moneyText(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const sign = minor < 0 ? "-" : "";
  return `${sign}${(Math.abs(minor) / 100).toFixed(2)}`;
}

/** "£", "R", "€": the symbol shown before a money field, in the council's locale. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0);
    return parts.find((part) => part.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}
