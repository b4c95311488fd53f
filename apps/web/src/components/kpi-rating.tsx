import { type KpiRating, kpiRatingLabels } from "@steward/domain";

/** A PR24 reg 39(5) rating as a tag: Good, Approaching target, Requires improvement, Inadequate, Other. */
export function RatingTag(props: { rating: KpiRating }) {
  return <span class={`tag tag--rating-${props.rating}`}>{kpiRatingLabels[props.rating]}</span>;
}
