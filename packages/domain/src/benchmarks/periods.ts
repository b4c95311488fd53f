/**
 * Benchmark periods (issue 9 §4): calendar months, the cadence of the monthly RAG and of most KPIs. Periods do
 * not overlap, so two periods' cells hold different measurements and cannot be subtracted from one another.
 * Each is published once, after it has ended.
 */
export interface BenchmarkPeriod {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** The day after the last, YYYY-MM-DD (periods are half-open). */
  end: string;
}

function monthStarting(year: number, monthIndex: number): BenchmarkPeriod {
  const start = new Date(Date.UTC(year, monthIndex, 1));
  const end = new Date(Date.UTC(year, monthIndex + 1, 1));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** The last month that has ended on `today` (YYYY-MM-DD): on 2026-12-01, November 2026. */
export function latestCompletePeriod(today: string): BenchmarkPeriod {
  return monthStarting(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2);
}

/** A period written as `2026-11`; null when it is not one. */
export function parsePeriod(text: string): BenchmarkPeriod | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text.trim());
  return match ? monthStarting(Number(match[1]), Number(match[2]) - 1) : null;
}

/** `2026-11`, for the command line and the job's key. */
export function periodCode(period: BenchmarkPeriod): string {
  return period.start.slice(0, 7);
}

/** The period `months` before. */
export function previousPeriod(period: BenchmarkPeriod, months = 1): BenchmarkPeriod {
  return monthStarting(Number(period.start.slice(0, 4)), Number(period.start.slice(5, 7)) - 1 - months);
}
