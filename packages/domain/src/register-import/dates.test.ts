import { describe, expect, test } from "vitest";
import { readDate } from "./dates.ts";

/** The date read, as ISO YYYY-MM-DD, or null when the text is not one. */
function isoDate(text: string): string | null {
  const reading = readDate(text);
  return reading.kind === "date" ? reading.iso : null;
}

describe("readDate: day first, always", () => {
  test.each([
    ["2025-04-01", "2025-04-01"],
    ["2025/4/1", "2025-04-01"],
    ["2025-01-23T00:00:00Z", "2025-01-23"],
    ["2025-04-03T00:00:00+01:00", "2025-04-03"], // the date as written, not shifted to UTC (2 April)
    ["2025-04-23T23:59:59+01:00", "2025-04-23"],
    ["2025-04-23 10:30:00.123Z", "2025-04-23"],
    ["01/04/2025", "2025-04-01"],
    ["1/4/25", "2025-04-01"],
    ["31/03/99", "1999-03-31"],
    ["31/3/69", "2069-03-31"],
    ["01-04-2025", "2025-04-01"],
    ["01.04.2025", "2025-04-01"],
    ["01/04/2025 00:00", "2025-04-01"],
    ["01/04/2025 09:15:00", "2025-04-01"],
    ["1 April 2025", "2025-04-01"],
    ["1st April 2025", "2025-04-01"],
    ["Tuesday 1 April 2025", "2025-04-01"],
    ["01-Apr-2025", "2025-04-01"],
    ["1-Apr-25", "2025-04-01"],
    ["23 Sept 2025", "2025-09-23"],
    ["April 1, 2025", "2025-04-01"],
    ["45748", "2025-04-01"], // Excel serial
    ["45748.5", "2025-04-01"],
    ["20250401", "2025-04-01"],
    ["29/02/2024", "2024-02-29"],
    ["'01/04/2025", "2025-04-01"],
  ])("%s → %s", (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test.each([
    "",
    "  ",
    "31/02/2025",
    "29/02/2025",
    "04/13/2025",
    "2025",
    "next spring",
    "13",
    "1 Foo 2025",
    "TBC",
  ])("%j is not a date", (text) => {
    expect(isoDate(text)).toBeNull();
  });

  test("readDate says why", () => {
    expect(readDate("")).toEqual({ kind: "blank" });
    expect(readDate("TBC")).toEqual({ kind: "placeholder", text: "TBC" });
    expect(readDate("31/02/2025")).toEqual({ kind: "invalid", reason: "not-a-real-date" });
    // Month-first is reported, never used.
    expect(readDate("04/13/2025")).toEqual({
      kind: "invalid",
      reason: "not-a-real-date",
      monthFirst: "2025-04-13",
    });
    expect(readDate("2025")).toEqual({ kind: "invalid", reason: "year-only" });
    expect(readDate("next spring")).toEqual({ kind: "invalid", reason: "unrecognised" });
    expect(readDate("45748")).toEqual({ kind: "date", iso: "2025-04-01", format: "spreadsheet-serial" });
    expect(readDate("2025-04-23T23:59:59+01:00")).toEqual({
      kind: "date",
      iso: "2025-04-23",
      format: "iso-with-time",
    });
  });

  test("a date valid both ways is read day first", () => {
    expect(isoDate("04/05/2025")).toBe("2025-05-04");
  });
});
