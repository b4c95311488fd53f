import { describe, expect, test } from "vitest";
import {
  addDays,
  addMonths,
  dayNumberOf,
  daysBetween,
  firstOfMonth,
  isoDateOfDay,
  isRealDate,
} from "./iso-dates.ts";

describe("isRealDate", () => {
  test.each([
    { date: "2025-01-31", real: true },
    { date: "2024-02-29", real: true },
    { date: "2025-02-29", real: false },
    { date: "2025-02-30", real: false },
    { date: "2025-13-01", real: false },
    { date: "2025-1-01", real: false },
    { date: "2025-01-01T00:00:00Z", real: false },
  ])("$date → $real", ({ date, real }) => {
    expect(isRealDate(date)).toBe(real);
  });
});

describe("date arithmetic", () => {
  test.each([
    { date: "2025-01-31", months: 1, expected: "2025-02-28" },
    { date: "2024-01-31", months: 1, expected: "2024-02-29" },
    { date: "2025-03-31", months: -1, expected: "2025-02-28" },
    { date: "2025-11-15", months: 3, expected: "2026-02-15" },
    { date: "2025-01-15", months: -1, expected: "2024-12-15" },
    { date: "2024-01-01", months: 36, expected: "2027-01-01" },
  ])("addMonths($date, $months) → $expected", ({ date, months, expected }) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test.each([
    { date: "2025-03-30", days: 2, expected: "2025-04-01" },
    { date: "2025-03-01", days: -1, expected: "2025-02-28" },
    { date: "2025-10-25", days: 7, expected: "2025-11-01" },
  ])("addDays($date, $days) → $expected", ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test.each([
    { from: "2025-01-01", to: "2025-12-31", days: 364 },
    { from: "2025-12-31", to: "2025-01-01", days: -364 },
    { from: "2024-01-01", to: "2025-01-01", days: 366 },
  ])("daysBetween($from, $to) → $days", ({ from, to, days }) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test.each([
    { date: "2025-06-15", months: 0, expected: "2025-06-01" },
    { date: "2025-01-31", months: -1, expected: "2024-12-01" },
    { date: "2025-12-31", months: 1, expected: "2026-01-01" },
  ])("firstOfMonth($date, $months) → $expected", ({ date, months, expected }) => {
    expect(firstOfMonth(date, months)).toBe(expected);
  });
});

describe("day numbers", () => {
  test.each([
    { date: "1970-01-01", day: 0 },
    { date: "1969-12-31", day: -1 },
    { date: "2000-02-29", day: 11_016 },
    { date: "2024-02-29", day: 19_782 },
    { date: "2026-12-01", day: 20_788 },
    { date: "0100-03-01", day: -682_944 },
    { date: "9999-12-31", day: 2_932_896 },
  ])("$date ↔ $day", ({ date, day }) => {
    expect(dayNumberOf(date)).toBe(day);
    expect(isoDateOfDay(day)).toBe(date);
  });

  test.each([
    "2025-1-01",
    "2025-13-01",
    "2025-00-10",
    "2025-02-32",
    "2026-12-01T10:00:00Z",
    "",
    "0099-12-31",
  ])("%j is not read as a strict date", (date) => {
    expect(dayNumberOf(date)).toBeNull();
  });

  test("a day past the month's end runs on, as Date.parse reads it", () => {
    expect(isoDateOfDay(dayNumberOf("2025-02-30") ?? Number.NaN)).toBe("2025-03-02");
  });

  test("every day around the century rules (1899–1901, 1999–2101) agrees with Date", () => {
    const dayMs = 86_400_000;
    const disagreeing: string[] = [];
    for (const [from, to] of [
      ["1899-01-01", "1901-12-31"],
      ["1999-01-01", "2101-12-31"],
    ] as const) {
      for (let day = Date.parse(from) / dayMs; day <= Date.parse(to) / dayMs; day += 1) {
        const iso = new Date(day * dayMs).toISOString().slice(0, 10);
        if (isoDateOfDay(day) !== iso || dayNumberOf(iso) !== day) disagreeing.push(iso);
      }
    }
    expect(disagreeing).toEqual([]);
  });
});

describe("the arithmetic gives what Date gave, strict dates or not", () => {
  const dayMs = 86_400_000;
  const byDate = {
    addDays: (date: string, days: number) =>
      new Date(Date.parse(date) + days * dayMs).toISOString().slice(0, 10),
    addMonths: (date: string, months: number) => {
      const start = new Date(Date.parse(date));
      const year = start.getUTCFullYear();
      const month = start.getUTCMonth() + months;
      const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), last))).toISOString().slice(0, 10);
    },
    daysBetween: (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs),
  };
  const dates = [
    "2024-01-31",
    "2024-02-29",
    "2025-02-28",
    "2025-02-30",
    "2025-04-31",
    "2025-12-31",
    "1999-12-31",
    "2100-02-28",
    "2000-02-29",
    "0100-01-01",
    "2025-1-01",
    "2026-12-01T10:00:00Z",
    "2026-12-01T23:30:00-05:00",
  ];
  const steps = [0, 1, -1, 2, 3, -3, 6, -6, 11, 12, -12, 13, 24, 29, 36, 59, 365, -365, 1.5];
  test.each(dates)("%s", (date) => {
    for (const step of steps) {
      expect(addDays(date, step)).toBe(byDate.addDays(date, step));
      expect(addMonths(date, step)).toBe(byDate.addMonths(date, step));
      for (const other of dates) expect(daysBetween(date, other)).toBe(byDate.daysBetween(date, other));
    }
  });
});
