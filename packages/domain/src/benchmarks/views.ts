import type { KpiDirection } from "../performance/vocabulary.ts";
import { suppressionMessage } from "./privacy.ts";
import { type BenchmarkPosition, benchmarkPosition } from "./statistics.ts";
import type { SuppressionReason } from "./vocabulary.ts";

/** A published cell as a page reads it (issue 9 §5). */
export interface CellFigures {
  suppressionReason: SuppressionReason | null;
  councilCount: number | null;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  lowBand: number | null;
  highBand: number | null;
}

export type BenchmarkView =
  | { state: "none"; own: number | null; message: string }
  | { state: "suppressed"; own: number | null; reason: SuppressionReason; message: string }
  | {
      state: "published";
      own: number | null;
      position: BenchmarkPosition | null;
      councilCount: number;
      median: number;
      lowerQuartile: number;
      upperQuartile: number;
      lowBand: number;
      highBand: number;
    };

/**
 * What a page shows for one measure: the distribution with the council's own position, or plainly why there is
 * none. A council that measured nothing in the period still sees the distribution, without a position.
 */
export function benchmarkView(
  cell: CellFigures | undefined,
  own: number | null,
  direction: KpiDirection,
  k: number,
): BenchmarkView {
  if (!cell) return { state: "none", own, message: "No council in the pool measured this in the period." };
  if (cell.suppressionReason !== null) {
    return {
      state: "suppressed",
      own,
      reason: cell.suppressionReason,
      message: suppressionMessage(cell.suppressionReason, k),
    };
  }
  const figures = {
    councilCount: cell.councilCount ?? 0,
    median: cell.median ?? 0,
    lowerQuartile: cell.lowerQuartile ?? 0,
    upperQuartile: cell.upperQuartile ?? 0,
    lowBand: cell.lowBand ?? 0,
    highBand: cell.highBand ?? 0,
  };
  return {
    state: "published",
    own,
    position: own === null ? null : benchmarkPosition(own, figures, direction),
    ...figures,
  };
}
