import { type KpiRating, kpiRatings } from "@steward/domain";

/**
 * A colour and a marker shape for each PR24 reg 39(5) rating, so a chart reads without colour too. Each colour
 * has at least 3:1 contrast with white (WCAG 1.4.11 for graphics).
 */
export const ratingColours: Record<KpiRating, string> = {
  good: "#00703c",
  approaching_target: "#8a5a00",
  requires_improvement: "#d4351c",
  inadequate: "#5c0f06",
  other: "#505a5f",
};

export const ratingOrder: readonly KpiRating[] = kpiRatings;
