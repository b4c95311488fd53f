import { describe, expect, test } from "vitest";
import { readMoney } from "./amounts.ts";

/** The amount read, in minor units, or null when the text is not one. */
function minorUnits(text: string): number | null {
  const reading = readMoney(text);
  return reading.kind === "amount" ? reading.minor : null;
}

describe("readMoney", () => {
  test.each([
    ["£1,234.56", 123_456],
    ["1234", 123_400],
    ["1,234", 123_400],
    ["1234.5", 123_450],
    ["5259392.96", 525_939_296],
    [" GBP 1 234 567.89 ", 123_456_789],
    ["£1.2m", 120_000_000],
    ["£250k", 25_000_000],
    ["2.5 million", 250_000_000],
    ["£1bn", 100_000_000_000],
    ["R 1 000,50", 100_050], // South African decimal comma
    ["1.234,56", 123_456],
    ["€1.234.567,89", 123_456_789],
    ["0", 0],
    ["£0.00", 0],
    ["'1234", 123_400],
    [".5", 50],
  ])("%s → %i minor units", (text, minor) => {
    expect(minorUnits(text)).toBe(minor);
  });

  test.each(["", "TBC", "N/A", "abc", "1,23,456", "1,2345", "-50", "(1,234.00)", "£1.2.3", "12 34"])(
    "%j is not an amount",
    (text) => {
      expect(minorUnits(text)).toBeNull();
    },
  );

  test("readMoney says why and flags rounded figures", () => {
    expect(readMoney("")).toEqual({ kind: "blank" });
    expect(readMoney("TBC")).toEqual({ kind: "placeholder", text: "TBC" });
    expect(readMoney("-50")).toEqual({ kind: "invalid", reason: "negative" });
    expect(readMoney("(1,234.00)")).toEqual({ kind: "invalid", reason: "negative" });
    expect(readMoney("lots")).toEqual({ kind: "invalid", reason: "unrecognised" });
    expect(readMoney("99999999999999999")).toEqual({ kind: "invalid", reason: "too-large" });
    expect(readMoney("£1.2m")).toEqual({
      kind: "amount",
      minor: 120_000_000,
      abbreviated: true,
      rounded: false,
    });
    expect(readMoney("1234.565")).toEqual({
      kind: "amount",
      minor: 123_457,
      abbreviated: false,
      rounded: true,
    });
    expect(readMoney("1234.564")).toEqual({
      kind: "amount",
      minor: 123_456,
      abbreviated: false,
      rounded: true,
    });
  });

  test("exact for amounts a float would get wrong", () => {
    expect(minorUnits("0.29")).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(minorUnits("1.005")).toBe(101);
  });
});
