import { describe, expect, test } from "vitest";
import { kpiTrends, noServiceArea, ragCountsBy } from "./board.ts";
import { type KpiRating, kpiRatings } from "./vocabulary.ts";

describe("ragCountsBy", () => {
  test("counts every tier, and service areas largest first, with no status as not set", () => {
    const counts = ragCountsBy([
      { tier: "high", serviceArea: "Waste", status: "red", contracts: 2 },
      { tier: "high", serviceArea: "Waste", status: "green", contracts: 3 },
      { tier: "medium", serviceArea: "Housing", status: null, contracts: 1 },
      { tier: "medium", serviceArea: " ", status: "amber", contracts: 1 },
      { tier: "medium", serviceArea: null, status: "green", contracts: 1 },
    ]);
    expect(counts.total).toEqual({ green: 4, amber: 1, red: 2, notSet: 1 });
    expect(counts.byTier).toEqual([
      { tier: "high", counts: { green: 3, amber: 0, red: 2, notSet: 0 } },
      { tier: "medium", counts: { green: 1, amber: 1, red: 0, notSet: 1 } },
      { tier: "low", counts: { green: 0, amber: 0, red: 0, notSet: 0 } },
    ]);
    expect(counts.byServiceArea).toEqual([
      { serviceArea: "Waste", counts: { green: 3, amber: 0, red: 2, notSet: 0 } },
      { serviceArea: noServiceArea, counts: { green: 1, amber: 1, red: 0, notSet: 0 } },
      { serviceArea: "Housing", counts: { green: 0, amber: 0, red: 0, notSet: 1 } },
    ]);
  });
});

/** Counts by rating, nought where not given. */
const rated = (counts: Partial<Record<KpiRating, number>>): Record<KpiRating, number> =>
  Object.fromEntries(kpiRatings.map((rating) => [rating, counts[rating] ?? 0])) as Record<KpiRating, number>;

describe("kpiTrends", () => {
  test("each month's share at or close to target, Other left out of the share, empty months null", () => {
    const trends = kpiTrends(
      [
        {
          contractId: "c",
          periodStart: "2026-01-01",
          counts: rated({ good: 2, approaching_target: 1, inadequate: 1 }),
        },
        // One of four rated Other: measured, but in neither count.
        {
          contractId: "c",
          periodStart: "2026-02-01",
          counts: rated({ good: 1, requires_improvement: 1, inadequate: 1, other: 1 }),
        },
        { contractId: "d", periodStart: "2026-02-01", counts: rated({ other: 1 }) },
        // A month whose measurements all moved to another period keeps its row, at nought.
        { contractId: "d", periodStart: "2026-01-01", counts: rated({}) },
      ],
      ["2025-12-01", "2026-01-01", "2026-02-01"],
    );
    expect(trends.get("c")).toEqual([
      { month: "2025-12-01", measured: 0, onTarget: 0, belowTarget: 0, onTargetPercent: null },
      { month: "2026-01-01", measured: 4, onTarget: 3, belowTarget: 1, onTargetPercent: 75 },
      { month: "2026-02-01", measured: 4, onTarget: 1, belowTarget: 2, onTargetPercent: 33 },
    ]);
    expect(trends.get("d")?.[2]?.onTargetPercent).toBeNull();
    expect(trends.get("d")?.[1]).toEqual({
      month: "2026-01-01",
      measured: 0,
      onTarget: 0,
      belowTarget: 0,
      onTargetPercent: null,
    });
    expect(trends.get("other")).toBeUndefined();
  });
});
