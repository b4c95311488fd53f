import { trackedLabel } from "@steward/domain";
import { Show } from "solid-js";

/**
 * A compliance score (share of tracked obligations not overdue) with a word for its band, not colour alone,
 * and, when given, what it is over: "3 of 9 duties tracked".
 */
export function ComplianceScore(props: {
  score: number | null;
  tracked?: { tracked: number; owed: number } | null;
}) {
  const band = (score: number) => (score >= 80 ? "good" : score >= 50 ? "fair" : "poor");
  return (
    <>
      {props.score === null ? (
        <span class="muted">
          —<span class="visually-hidden">no score: no duty is tracked here yet</span>
        </span>
      ) : (
        <span class={`score score--${band(props.score)}`}>
          {props.score}%<span class="visually-hidden"> of tracked duties not overdue</span>
        </span>
      )}
      <Show when={props.tracked}>
        {(tracked) => <span class="score__tracked">{trackedLabel(tracked())}</span>}
      </Show>
    </>
  );
}
