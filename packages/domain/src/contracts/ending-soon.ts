import { addDays } from "./iso-dates.ts";

/**
 * The register's "ending soon" windows (issue 7 §3): contracts whose end date, or whose notice date (the
 * last day to give notice to end or extend, or to use a break clause), falls within the next 30, 90 or
 * 180 days. Acting in time needs the earlier of the two: a notice date passed is a decision lost.
 */
export const endingWindows = [30, 90, 180] as const;
export type EndingWindow = (typeof endingWindows)[number];

/** Today up to today plus `days`, both included, as YYYY-MM-DD. */
export function endingWindow(today: string, days: EndingWindow): { from: string; to: string } {
  return { from: today, to: addDays(today, days) };
}

export interface EndingDates {
  endDate: string | null;
  noticeDate: string | null;
}

/** The first date of the contract that falls in the window and what it is, or null when neither does. */
export function nextEndingDate(
  contract: EndingDates,
  window: { from: string; to: string },
): { date: string; kind: "notice" | "end" } | null {
  const within = (date: string | null): date is string =>
    date !== null && date >= window.from && date <= window.to;
  const candidates = [
    ...(within(contract.noticeDate) ? [{ date: contract.noticeDate, kind: "notice" as const }] : []),
    ...(within(contract.endDate) ? [{ date: contract.endDate, kind: "end" as const }] : []),
  ];
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}
