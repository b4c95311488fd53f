import { type Tier, tierLabels } from "@steward/domain";

/** A contract's tier as a coloured tag; the word carries the meaning, the colour only repeats it. */
export function TierBadge(props: { tier: Tier }) {
  return <span class={`tag tag--tier tag--tier-${props.tier}`}>{tierLabels[props.tier]}</span>;
}
