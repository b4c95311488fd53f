import { describe, expect, test } from "vitest";
import { isPublicContractByValue, publicContractThreshold } from "./thresholds.ts";

describe("publicContractThreshold (PA23 Schedule 1, sub-central authority rows)", () => {
  test.each([
    { category: "services", lightTouch: false, on: "2025-12-31", amount: 21_490_400 },
    { category: "goods", lightTouch: false, on: "2026-01-01", amount: 20_772_000 },
    { category: "works", lightTouch: false, on: "2025-12-31", amount: 537_260_900 },
    { category: "works", lightTouch: false, on: "2026-01-01", amount: 519_300_000 },
    { category: "services", lightTouch: true, on: "2025-06-01", amount: 66_354_000 },
    { category: "services", lightTouch: true, on: "2026-06-01", amount: 66_354_000 },
    // Before the first table: the earliest the register knows.
    { category: "services", lightTouch: false, on: "2020-01-01", amount: 21_490_400 },
  ] as const)("$category (light touch $lightTouch) on $on → $amount", ({ on, amount, ...contract }) => {
    const threshold = publicContractThreshold(contract, on);
    expect(threshold.amountMinor).toBe(amount);
    expect(threshold.source).toMatch(/^PA23 Schedule 1/);
  });
});

describe("isPublicContractByValue (the register's default)", () => {
  const contract = {
    jurisdiction: "GB-ENG",
    category: "services",
    lightTouch: false,
    awardDate: "2026-02-01",
    startDate: null,
  } as const;
  test.each([
    { name: "one penny under the threshold", changes: { totalValueMinor: 20_771_999 }, expected: false },
    { name: "at the threshold", changes: { totalValueMinor: 20_772_000 }, expected: true },
    { name: "no value recorded", changes: { totalValueMinor: null }, expected: false },
    {
      name: "awarded in 2025, under that year's higher threshold",
      changes: { totalValueMinor: 21_000_000, awardDate: "2025-06-01" },
      expected: false,
    },
    {
      name: "no award date: the start date decides the table",
      changes: { totalValueMinor: 21_000_000, awardDate: null, startDate: "2026-03-01" },
      expected: true,
    },
    {
      name: "a South African council",
      changes: { totalValueMinor: 999_999_999, jurisdiction: "ZA" as const },
      expected: false,
    },
  ])("$name → $expected", ({ changes, expected }) => {
    expect(isPublicContractByValue({ ...contract, ...changes }, "2026-06-01")).toBe(expected);
  });
});
