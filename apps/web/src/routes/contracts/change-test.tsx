import { For, Show } from "solid-js";

/** The below-threshold test as stored on a change or answered by the preview (Procurement Act s.74–75). */
export interface ThresholdTest {
  changeNoticeRequired: boolean;
  withinThreshold: boolean;
  reasons: string[];
  /** The register lacks the value or term to measure against: a notice is presumed needed. */
  unavailable: boolean;
}

/** A stored test is JSON: read it field by field rather than trust its shape. */
export function readThresholdTest(value: unknown): ThresholdTest | null {
  if (typeof value !== "object" || value === null) return null;
  const reasons: unknown = Reflect.get(value, "reasons");
  const required: unknown = Reflect.get(value, "changeNoticeRequired");
  const within: unknown = Reflect.get(value, "withinThreshold");
  return {
    changeNoticeRequired: required === true,
    withinThreshold: within === true,
    reasons: Array.isArray(reasons) ? reasons.filter((reason) => typeof reason === "string") : [],
    unavailable: Reflect.get(value, "unavailable") === true,
  };
}

export function ThresholdResult(props: { test: ThresholdTest; approver?: string }) {
  return (
    <div class="threshold" classList={{ "threshold--notice": props.test.changeNoticeRequired }}>
      <p class="threshold__verdict">
        <strong>
          {props.test.changeNoticeRequired
            ? "A Contract Change Notice is needed before the change."
            : "Below threshold: no Contract Change Notice is needed."}
        </strong>
      </p>
      <ul class="reasons">
        <For each={props.test.reasons}>{(reason) => <li>{reason}</li>}</For>
      </ul>
      <Show when={props.approver}>
        <p>
          Approved by: <strong>{props.approver}</strong> (scheme of delegation)
        </p>
      </Show>
    </div>
  );
}
