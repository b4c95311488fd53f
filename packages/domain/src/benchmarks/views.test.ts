import { describe, expect, it } from "vitest";
import { benchmarkView } from "./views.ts";

const published = {
  suppressionReason: null,
  councilCount: 8,
  median: 40,
  lowerQuartile: 35,
  upperQuartile: 48,
  lowBand: 25,
  highBand: 65,
};

describe("benchmarkView (issue 9 §5)", () => {
  it("places the council's own figure in a published distribution", () => {
    expect(benchmarkView(published, 30, "lower_is_better", 5)).toEqual({
      state: "published",
      own: 30,
      position: "best_quarter",
      councilCount: 8,
      median: 40,
      lowerQuartile: 35,
      upperQuartile: 48,
      lowBand: 25,
      highBand: 65,
    });
    expect(benchmarkView(published, null, "lower_is_better", 5)).toMatchObject({ position: null });
  });

  it("says plainly why a suppressed cell shows nothing, and keeps the council's own figure", () => {
    const suppressed = {
      ...published,
      suppressionReason: "too_few_councils" as const,
      councilCount: null,
      median: null,
    };
    expect(benchmarkView(suppressed, 41, "higher_is_better", 5)).toEqual({
      state: "suppressed",
      own: 41,
      reason: "too_few_councils",
      message: "Fewer than 5 councils measure this; nothing can be shown.",
    });
  });

  it("says when nothing was measured", () => {
    expect(benchmarkView(undefined, null, "higher_is_better", 5)).toMatchObject({ state: "none" });
  });
});
