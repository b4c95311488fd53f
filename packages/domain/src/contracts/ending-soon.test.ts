import { describe, expect, it } from "vitest";
import { endingWindow, nextEndingDate } from "./ending-soon.ts";

describe("endingWindow", () => {
  it.each([
    [30, "2026-12-31"],
    [90, "2027-03-01"],
    [180, "2027-05-30"],
  ] as const)("%i days from 1 December 2026 ends on %s", (days, to) => {
    expect(endingWindow("2026-12-01", days)).toEqual({ from: "2026-12-01", to });
  });
});

describe("nextEndingDate", () => {
  const window = endingWindow("2026-12-01", 30);
  it.each([
    ["end date the day before the window", { endDate: "2026-11-30", noticeDate: null }, null],
    [
      "end date on the first day",
      { endDate: "2026-12-01", noticeDate: null },
      { date: "2026-12-01", kind: "end" },
    ],
    [
      "end date on the last day",
      { endDate: "2026-12-31", noticeDate: null },
      { date: "2026-12-31", kind: "end" },
    ],
    ["end date the day after", { endDate: "2027-01-01", noticeDate: null }, null],
    [
      "notice date on the last day, end later",
      { endDate: "2027-06-30", noticeDate: "2026-12-31" },
      { date: "2026-12-31", kind: "notice" },
    ],
    [
      "notice date passed, end in the window",
      { endDate: "2026-12-20", noticeDate: "2026-11-01" },
      { date: "2026-12-20", kind: "end" },
    ],
    [
      "both in the window: the earlier",
      { endDate: "2026-12-20", noticeDate: "2026-12-05" },
      { date: "2026-12-05", kind: "notice" },
    ],
    ["no dates", { endDate: null, noticeDate: null }, null],
  ] as const)("%s", (_, contract, expected) => {
    expect(nextEndingDate(contract, window)).toEqual(expected);
  });
});
