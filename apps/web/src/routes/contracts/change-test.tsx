import type { StoredChangeTest } from "@steward/domain";
import { For, Show } from "solid-js";

/**
 * A change test as the rule pack decided it: PA23 s.74–75 (whether a Contract Change Notice is needed, and
 * the provision that decided it) or MFMA s.116(3) (council tabling and community notice first).
 */
export function ChangeTestResult(props: { test: StoredChangeTest; approver?: string }) {
  return (
    <div class="threshold" classList={{ "threshold--notice": props.test.noticeRequired }}>
      <p class="threshold__verdict">
        <strong>{props.test.headline}</strong>
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
