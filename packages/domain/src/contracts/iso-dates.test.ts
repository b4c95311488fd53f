import { describe, expect, test } from "vitest";
import { addDays, addMonths, daysBetween, firstOfMonth, isRealDate } from "./iso-dates.ts";

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
