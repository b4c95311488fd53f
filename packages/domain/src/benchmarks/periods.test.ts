import { describe, expect, it } from "vitest";
import { latestCompletePeriod, parsePeriod, periodCode, previousPeriod } from "./periods.ts";

describe("benchmark periods (calendar months, published once ended)", () => {
  it.each([
    ["2026-12-01", "2026-11-01", "2026-12-01"],
    ["2026-12-31", "2026-11-01", "2026-12-01"],
    ["2026-01-15", "2025-12-01", "2026-01-01"],
    ["2024-03-01", "2024-02-01", "2024-03-01"],
  ])("on %s the latest complete period is %s to %s", (today, start, end) => {
    expect(latestCompletePeriod(today)).toEqual({ start, end });
  });

  it("reads and writes a period's code", () => {
    expect(parsePeriod("2026-11")).toEqual({ start: "2026-11-01", end: "2026-12-01" });
    expect(parsePeriod("2026-13")).toBeNull();
    expect(parsePeriod("2026-Q3")).toBeNull();
    expect(periodCode({ start: "2025-10-01", end: "2025-11-01" })).toBe("2025-10");
  });

  it("steps back across a year", () => {
    expect(previousPeriod({ start: "2026-01-01", end: "2026-02-01" })).toEqual({
      start: "2025-12-01",
      end: "2026-01-01",
    });
    expect(previousPeriod({ start: "2026-07-01", end: "2026-08-01" }, 12)).toEqual({
      start: "2025-07-01",
      end: "2025-08-01",
    });
  });
});
