/** Money is integer minor units (pence, cents) with the tenant's currency. DESIGN §4 */
export type Currency = "GBP" | "ZAR" | "USD" | "EUR";
export type Locale = "en-GB" | "en-ZA" | "en-US";

export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 100);
}

/** "1,234.56", "£1,234.56", "1234" → minor units; null when the text is not an amount. */
export function parseMoneyToMinor(text: string): number | null {
  const cleaned = text.replace(/[£$€R,\s]|ZAR|GBP/gi, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.replace("-", "").split(".");
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return cleaned.startsWith("-") ? -minor : minor;
}

export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
