import { describe, expect, it } from "vitest";
import { benchmarkPosition, distributionOf, quantile, valueBands } from "./statistics.ts";

describe("quantile (as PostgreSQL's percentile_cont)", () => {
  it.each([
    [[1], 0.5, 1],
    [[1, 2], 0.5, 1.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[10, 20, 30, 40, 50], 0.5, 30],
    [[10, 20, 30, 40, 50], 0.25, 20],
  ])("%o at %s → %s", (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 10);
  });
});

describe("valueBands (min and max only as bands)", () => {
  it.each([
    [81.3, 98.7, 80, 100],
    [80, 100, 75, 105],
    [2.4, 3.1, 2.2, 3.2],
    [0.2, 0.9, 0, 1],
    [120, 480, 100, 500],
  ])("%s–%s → %s–%s", (min, max, low, high) => {
    expect(valueBands(min, max)).toEqual({ lowBand: low, highBand: high });
  });

  it("keeps bands within the unit's limits", () => {
    expect(valueBands(0, 100, { floor: 0, ceiling: 100 })).toEqual({ lowBand: 0, highBand: 100 });
    expect(valueBands(0, 0, { floor: 0 })).toEqual({ lowBand: 0, highBand: 0.5 });
    expect(valueBands(87, 99, { floor: 0, ceiling: 100 })).toEqual({ lowBand: 85, highBand: 100 });
  });

  it("never publishes a council's exact value as a band edge", () => {
    for (const [min, max] of [
      [80, 100],
      [5, 5],
      [0, 10],
    ] as const) {
      const { lowBand, highBand } = valueBands(min, max);
      expect(lowBand).toBeLessThan(min);
      expect(highBand).toBeGreaterThan(max);
    }
  });
});

describe("distributionOf", () => {
  it("gives count, median, quartiles and bands over one value per council", () => {
    expect(distributionOf([94, 88, 97, 91, 85])).toEqual({
      councilCount: 5,
      median: 91,
      lowerQuartile: 88,
      upperQuartile: 94,
      lowBand: 80,
      highBand: 100,
    });
  });
});

describe("benchmarkPosition", () => {
  const cell = { lowerQuartile: 80, median: 85, upperQuartile: 90 };
  it.each([
    [95, "higher_is_better", "best_quarter"],
    [87, "higher_is_better", "above_median"],
    [85, "higher_is_better", "at_median"],
    [85, "lower_is_better", "at_median"],
    [82, "higher_is_better", "below_median"],
    [70, "higher_is_better", "worst_quarter"],
    [70, "lower_is_better", "best_quarter"],
    [82, "lower_is_better", "above_median"],
    [87, "lower_is_better", "below_median"],
    [95, "lower_is_better", "worst_quarter"],
  ] as const)("%s, %s → %s", (own, direction, position) => {
    expect(benchmarkPosition(own, cell, direction)).toBe(position);
  });

  it.each([
    // Both shown as 43.7%: level, not "better" by a difference the page does not show.
    [43.74, { lowerQuartile: 42.5, median: 43.66, upperQuartile: 45 }, "at_median"],
    [43.76, { lowerQuartile: 42.5, median: 43.66, upperQuartile: 45 }, "above_median"],
    // Shown as 45%, the upper quartile: not beyond it.
    [45.04, { lowerQuartile: 42.5, median: 43.7, upperQuartile: 45 }, "above_median"],
  ] as const)("as shown: %s against %o → %s", (own, shownCell, position) => {
    expect(benchmarkPosition(own, shownCell, "higher_is_better")).toBe(position);
  });
});
