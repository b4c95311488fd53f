import type { KpiDirection } from "../performance/vocabulary.ts";

/**
 * The statistics of a benchmark cell (issue 9 §4): over one figure per council, the median and quartiles as
 * PostgreSQL's `percentile_cont` computes them (linear interpolation), and min and max only as bands.
 */

/** The p-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation between the closest ranks. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (rank - below);
}

/**
 * The band width for a cell's spread: a quarter of it (or of the value itself, when every council has one value),
 * rounded up to 1, 2 or 5 times a power of ten.
 */
export function bandWidth(low: number, high: number): number {
  const span = high - low || Math.abs(high) || 1;
  const rough = span / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/**
 * The lowest and highest values as bands: the lower rounded down and the upper rounded up to the band width,
 * so neither says exactly what any one council measured (issue 9 §4 "min/max only as bands").
 */
export function valueBands(
  min: number,
  max: number,
  bounds: { floor?: number; ceiling?: number } = {},
): { lowBand: number; highBand: number } {
  const width = bandWidth(min, max);
  const round = (value: number) => Number(value.toPrecision(12));
  let lowBand = round(Math.floor(min / width) * width);
  let highBand = round(Math.ceil(max / width) * width);
  if (lowBand === min) lowBand = round(lowBand - width);
  if (highBand === max) highBand = round(highBand + width);
  // A measure's own limits (a percentage lies in 0–100; no measure here is below zero) hold the bands in.
  if (bounds.floor !== undefined && min >= bounds.floor) lowBand = Math.max(lowBand, bounds.floor);
  if (bounds.ceiling !== undefined && max <= bounds.ceiling) highBand = Math.min(highBand, bounds.ceiling);
  return { lowBand, highBand };
}

/** The limits a unit's values lie within: percentages 0–100, everything else from zero up. */
export function unitBounds(unit: string): { floor: number; ceiling?: number } {
  return unit === "percent" ? { floor: 0, ceiling: 100 } : { floor: 0 };
}

export interface Distribution {
  councilCount: number;
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  lowBand: number;
  highBand: number;
}

/** A cell's distribution over one value per council. */
export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    councilCount: sorted.length,
    median: quantile(sorted, 0.5),
    lowerQuartile: quantile(sorted, 0.25),
    upperQuartile: quantile(sorted, 0.75),
    ...valueBands(sorted[0] as number, sorted[sorted.length - 1] as number),
  };
}

export type BenchmarkPosition =
  | "best_quarter"
  | "above_median"
  | "at_median"
  | "below_median"
  | "worst_quarter";

/** A benchmark figure as the pages show it: to one decimal place. */
export const benchmarkFigureShown = (value: number) => Math.round(value * 10) / 10;

/**
 * Where a council's own figure stands in a published distribution, given which way is better: in the best
 * quarter (beyond the better quartile), better than the median, on it, worse than it, or in the worst quarter.
 * Compared as shown (`benchmarkFigureShown`), so a figure the page prints the same as the median is level with it.
 */
export function benchmarkPosition(
  ownFigure: number,
  cell: Pick<Distribution, "median" | "lowerQuartile" | "upperQuartile">,
  direction: KpiDirection,
): BenchmarkPosition {
  const own = benchmarkFigureShown(ownFigure);
  const median = benchmarkFigureShown(cell.median);
  const better = (a: number, b: number) => (direction === "higher_is_better" ? a > b : a < b);
  const bestQuartile = benchmarkFigureShown(
    direction === "higher_is_better" ? cell.upperQuartile : cell.lowerQuartile,
  );
  const worstQuartile = benchmarkFigureShown(
    direction === "higher_is_better" ? cell.lowerQuartile : cell.upperQuartile,
  );
  if (own === median) return "at_median";
  if (better(own, bestQuartile)) return "best_quarter";
  if (better(worstQuartile, own)) return "worst_quarter";
  return better(median, own) ? "below_median" : "above_median";
}

export const benchmarkPositionLabels: Record<BenchmarkPosition, string> = {
  best_quarter: "In the best quarter of councils",
  above_median: "Better than the median council",
  at_median: "Level with the median council",
  below_median: "Worse than the median council",
  worst_quarter: "In the worst quarter of councils",
};
