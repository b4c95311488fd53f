import { formatDate, formatMoney } from "@steward/domain";

/**
 * The one place the web app formats money and dates: always in the council's locale (en-GB, en-ZA) and
 * currency, never the browser's, so a report reads the same for everyone in that council (DESIGN §9).
 */
export interface CouncilFormat {
  /** Integer minor units (pence, cents) → "£1,234.56" / "R 1 234,56". */
  money(minor: number): string;
  /** An ISO date or timestamp → "3 Mar 2025". */
  date(iso: string): string;
  /** A month's first day (YYYY-MM-01) → "March 2025". */
  month(iso: string): string;
  /** A month's first day → "Mar" (a chart's axis, a strip of months). */
  monthShort(iso: string): string;
  /** A timestamp → "3 Mar 2025, 14:05", in the reader's time zone. */
  dateTime(iso: string): string;
}

const defaultLocale = "en-GB";

export function councilFormat(council: { locale: string; currency: string }): CouncilFormat {
  const locale = council.locale || defaultLocale;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const monthShort = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  return {
    money: (minor) => formatMoney(minor, council.currency, locale),
    date: (iso) => formatDate(iso, locale),
    month: (iso) => month.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`)),
    monthShort: (iso) => monthShort.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
  };
}

/** Pages outside a council (the mailbox, invitations) use the platform's default locale. */
export const platformFormat: CouncilFormat = councilFormat({ locale: defaultLocale, currency: "GBP" });

/** "approved a change" → "Approved a change": words that open a sentence or a table cell. */
export function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
