import { describe, expect, test } from "vitest";
import {
  formatKpiValue,
  measuredValue,
  periodsBetween,
  type RatedKpi,
  ratePeriod,
  rateValue,
} from "./ratings.ts";

const gb = { locale: "en-GB", currency: "GBP" };

// Repairs completed on time: higher is better, target 95%, within 2 points is close, 85% or less is inadequate.
const repairsOnTime: RatedKpi = {
  unit: "percent",
  unitLabel: null,
  direction: "higher_is_better",
  target: 95,
  tolerance: 2,
  inadequateAt: 85,
};

// Missed bins per 100,000 collections: lower is better, target 30, within 10 is close, 80 or more is inadequate.
const missedBins: RatedKpi = {
  unit: "per_100000",
  unitLabel: null,
  direction: "lower_is_better",
  target: 30,
  tolerance: 10,
  inadequateAt: 80,
};

describe("rateValue, higher is better (PR24 reg 39(5))", () => {
  test.each([
    { value: 100, rating: "good", reason: "100% is at or above the target of 95%." },
    { value: 95, rating: "good", reason: "95% is at or above the target of 95%." },
    {
      value: 94.99,
      rating: "approaching_target",
      reason: "94.99% misses the target of 95% by 0.01%, within the tolerance of 2%.",
    },
    {
      value: 93,
      rating: "approaching_target",
      reason: "93% misses the target of 95% by 2%, within the tolerance of 2%.",
    },
    {
      value: 92.99,
      rating: "requires_improvement",
      reason: "92.99% misses the target of 95% by 2.01%, more than the tolerance of 2%.",
    },
    {
      value: 85.01,
      rating: "requires_improvement",
      reason: "85.01% misses the target of 95% by 9.99%, more than the tolerance of 2%.",
    },
    {
      value: 85,
      rating: "inadequate",
      reason: "85% is at or below the Inadequate line of 85% (target 95%).",
    },
    { value: 0, rating: "inadequate", reason: "0% is at or below the Inadequate line of 85% (target 95%)." },
  ] as const)("$value% → $rating", ({ value, rating, reason }) => {
    expect(rateValue(repairsOnTime, value, gb)).toEqual({ rating, reason });
  });
});

describe("rateValue, lower is better (PR24 reg 39(5))", () => {
  test.each([
    { value: 0, rating: "good", reason: "0 per 100,000 is at or below the target of 30 per 100,000." },
    { value: 30, rating: "good", reason: "30 per 100,000 is at or below the target of 30 per 100,000." },
    {
      value: 30.01,
      rating: "approaching_target",
      reason:
        "30.01 per 100,000 misses the target of 30 per 100,000 by 0.01 per 100,000, within the tolerance of 10 per 100,000.",
    },
    {
      value: 40,
      rating: "approaching_target",
      reason:
        "40 per 100,000 misses the target of 30 per 100,000 by 10 per 100,000, within the tolerance of 10 per 100,000.",
    },
    {
      value: 40.01,
      rating: "requires_improvement",
      reason:
        "40.01 per 100,000 misses the target of 30 per 100,000 by 10.01 per 100,000, more than the tolerance of 10 per 100,000.",
    },
    { value: 79.99, rating: "requires_improvement" },
    {
      value: 80,
      rating: "inadequate",
      reason: "80 per 100,000 is at or above the Inadequate line of 80 per 100,000 (target 30 per 100,000).",
    },
    { value: 500, rating: "inadequate" },
  ] as const)("$value → $rating", (row) => {
    const result = rateValue(missedBins, row.value, gb);
    expect(result.rating).toBe(row.rating);
    if ("reason" in row) expect(result.reason).toBe(row.reason);
  });
});

describe("rateValue edge cases", () => {
  test.each([
    { value: null, label: "no value" },
    { value: Number.NaN, label: "NaN" },
    { value: Number.POSITIVE_INFINITY, label: "Infinity" },
  ])("$label → Other with the reason", ({ value }) => {
    expect(rateValue(repairsOnTime, value, gb)).toEqual({
      rating: "other",
      reason: "No value was recorded for this period, so it cannot be rated.",
    });
  });

  test("no Inadequate line: far below the target only requires improvement", () => {
    const kpi = { ...repairsOnTime, inadequateAt: null };
    expect(rateValue(kpi, 0, gb).rating).toBe("requires_improvement");
  });

  test("no tolerance: just short of the target requires improvement, on it is good", () => {
    const kpi = { ...repairsOnTime, tolerance: 0 };
    expect(rateValue(kpi, 95, gb).rating).toBe("good");
    expect(rateValue(kpi, 94.9, gb).rating).toBe("requires_improvement");
  });

  test("the tolerance band wins over an Inadequate line drawn inside it", () => {
    const kpi = { ...repairsOnTime, inadequateAt: 94 };
    expect(rateValue(kpi, 94, gb).rating).toBe("approaching_target");
  });
});

describe("formatKpiValue", () => {
  test.each([
    { unit: "percent", value: 94.456, shown: "94.46%" },
    { unit: "per_1000", value: 2.5, shown: "2.5 per 1,000" },
    { unit: "count", value: 3095, shown: "3,095" },
    { unit: "days", value: 1, shown: "1 day" },
    { unit: "days", value: 2, shown: "2 days" },
    { unit: "minutes", value: 3.5, shown: "3.5 minutes" },
    { unit: "money", value: 66.28, shown: "£66.28" },
    { unit: "score", value: 67, shown: "a score of 67" },
  ] as const)("$unit $value → $shown", ({ unit, value, shown }) => {
    expect(formatKpiValue({ unit, unitLabel: null }, value, gb)).toBe(shown);
  });

  test("other names its own unit; money follows the council's currency and locale", () => {
    expect(formatKpiValue({ unit: "other", unitLabel: "kg per household" }, 410, gb)).toBe(
      "410 kg per household",
    );
    expect(
      formatKpiValue({ unit: "money", unitLabel: null }, 1250.5, { locale: "en-ZA", currency: "ZAR" }),
    ).toBe(new Intl.NumberFormat("en-ZA", { style: "currency", currency: "ZAR" }).format(1250.5));
  });
});

describe("measuredValue (004 §10: a rate is derived from the actual numbers)", () => {
  test.each([
    { unit: "percent", numerator: 190, denominator: 200, value: null, expected: 95 },
    { unit: "per_100000", numerator: 31, denominator: 100_000, value: null, expected: 31 },
    { unit: "per_1000", numerator: 3, denominator: 2_000, value: 999, expected: 1.5 },
    { unit: "percent", numerator: null, denominator: 200, value: 95, expected: null },
    { unit: "percent", numerator: 5, denominator: 0, value: null, expected: null },
    { unit: "days", numerator: null, denominator: null, value: 4.5, expected: 4.5 },
    { unit: "count", numerator: 3, denominator: 4, value: null, expected: null },
  ] as const)("$unit $numerator/$denominator value $value → $expected", ({ unit, expected, ...m }) => {
    expect(measuredValue(unit, m)).toBe(expected);
  });
});

describe("periodsBetween", () => {
  test.each([
    { frequency: "monthly", from: "2025-04-01", to: "2026-03-01", periods: 12 },
    { frequency: "monthly", from: "2025-04-01", to: "2025-04-01", periods: 1 },
    { frequency: "quarterly", from: "2025-04-01", to: "2026-01-01", periods: 4 },
    { frequency: "annually", from: "2025-04-01", to: "2026-03-01", periods: 1 },
    { frequency: "monthly", from: "2025-04-01", to: "2025-03-01", periods: 0 },
  ] as const)("$frequency $from to $to → $periods", ({ frequency, from, to, periods }) => {
    expect(periodsBetween(frequency, from, to)).toBe(periods);
  });
});

describe("ratePeriod (PA23 s.71(2): the assessment over a period)", () => {
  const year = { from: "2025-04-01", to: "2026-03-01" };
  const monthly = { ...repairsOnTime, frequency: "monthly" as const };
  const month = (index: number) =>
    `${2025 + Math.floor((3 + index) / 12)}-${String(((3 + index) % 12) + 1).padStart(2, "0")}-01`;

  test("a rate pools numerators over denominators, so a big month weighs more", () => {
    // 11 small good months (100 of 100) and one big poor month (800 of 1,000): pooled 1,900 of 2,100 = 90.48%.
    const measurements = Array.from({ length: 12 }, (_, index) => ({
      periodStart: month(index),
      value: null,
      numerator: index === 11 ? 800 : 100,
      denominator: index === 11 ? 1_000 : 100,
    }));
    const result = ratePeriod(monthly, measurements, year, gb);
    expect(result.rating).toBe("requires_improvement");
    expect(result.value).toBeCloseTo(90.476, 2);
    expect(result).toMatchObject({ expected: 12, measured: 12 });
    expect(result.reasons).toEqual([
      "90.48% misses the target of 95% by 4.52%, more than the tolerance of 2%.",
      "Pooled over the period: 1,900 of 2,100.",
      "12 of 12 periods measured. Periods rated: Good 11, Inadequate 1.",
    ]);
  });

  test("other units take the mean of the values; measurements outside the period are left out", () => {
    const kpi = {
      unit: "days" as const,
      unitLabel: null,
      direction: "lower_is_better" as const,
      target: 2,
      tolerance: 1,
      inadequateAt: 5,
      frequency: "quarterly" as const,
    };
    const measurements = [
      { periodStart: "2025-01-01", value: 40, numerator: null, denominator: null },
      { periodStart: "2025-04-01", value: 2, numerator: null, denominator: null },
      { periodStart: "2025-07-01", value: 3, numerator: null, denominator: null },
      { periodStart: "2025-10-01", value: 4, numerator: null, denominator: null },
      { periodStart: "2026-01-01", value: 3, numerator: null, denominator: null },
    ];
    const result = ratePeriod(kpi, measurements, year, gb);
    expect(result).toMatchObject({ rating: "approaching_target", value: 3, expected: 4, measured: 4 });
    expect(result.reasons[1]).toBe("The mean of the period's values.");
  });

  test("nothing measured → Other with the reason", () => {
    expect(ratePeriod(monthly, [], year, gb)).toEqual({
      rating: "other",
      value: null,
      expected: 12,
      measured: 0,
      reasons: ["Nothing was measured in this period."],
    });
  });

  test("half the periods measured is enough; fewer is Other with the reason", () => {
    const good = (index: number) => ({
      periodStart: month(index),
      value: null,
      numerator: 99,
      denominator: 100,
    });
    const six = Array.from({ length: 6 }, (_, index) => good(index));
    expect(ratePeriod(monthly, six, year, gb)).toMatchObject({ rating: "good", measured: 6, expected: 12 });
    expect(ratePeriod(monthly, six.slice(0, 5), year, gb)).toEqual({
      rating: "other",
      value: null,
      expected: 12,
      measured: 5,
      reasons: [
        "Only 5 of 12 periods measured. Fewer than half the periods is too little to rate the whole.",
      ],
    });
  });

  test("a measurement without the numbers it needs counts as not measured", () => {
    const measurements = [{ periodStart: "2025-04-01", value: 99, numerator: null, denominator: null }];
    expect(ratePeriod({ ...monthly, frequency: "annually" }, measurements, year, gb).rating).toBe("other");
  });
});
