/** Money is integer minor units (pence, cents) with the tenant's currency. DESIGN §4 */
const currencyFormats = new Map<string, Intl.NumberFormat>();

/**
 * One currency format for each locale, currency and number of decimals (the currency's own when omitted), built
 * once: building an Intl.NumberFormat costs far more than formatting with it, and an import of 50,000 rows tiers
 * each one with its amounts in words.
 */
export function currencyFormat(locale: string, currency: string, fractionDigits?: 0 | 2): Intl.NumberFormat {
  const key = `${locale} ${currency} ${fractionDigits ?? ""}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
    });
    currencyFormats.set(key, format);
  }
  return format;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  return currencyFormat(locale, currency).format(minor / 100);
}

/** A month (any day in it) as the council writes it: "November 2026". */
export function formatMonth(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
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
