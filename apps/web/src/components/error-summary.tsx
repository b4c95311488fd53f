import { For, onMount, Show } from "solid-js";
import type { Problem } from "../trpc.ts";

/**
 * The problem with a form, above it: announced (role="alert") and focused when it appears, with a link to
 * each field that needs correcting (GOV.UK error summary pattern).
 */
export function ErrorSummary(props: {
  problem: Problem;
  /** Input field name → the id of its input, for the fields this form shows. */
  fieldIds: Record<string, string>;
  title?: string;
}) {
  let box: HTMLDivElement | undefined;
  onMount(() => box?.focus());
  const linked = () =>
    Object.entries(props.problem.fieldErrors).flatMap(([name, message]) => {
      const id = props.fieldIds[name];
      return id ? [{ id, message }] : [];
    });
  const unlinked = () =>
    Object.entries(props.problem.fieldErrors)
      .filter(([name, message]) => !props.fieldIds[name] && message !== props.problem.message)
      .map(([, message]) => message);
  const focusField = (event: MouseEvent, id: string) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    <div class="error-summary" role="alert" tabindex="-1" ref={box}>
      <h2 class="error-summary__title">{props.title ?? "There is a problem"}</h2>
      <p>{props.problem.message}</p>
      <Show when={linked().length + unlinked().length > 0}>
        <ul class="error-summary__list">
          <For each={linked()}>
            {(item) => (
              <li>
                <a href={`#${item.id}`} on:click={(event) => focusField(event, item.id)}>
                  {item.message}
                </a>
              </li>
            )}
          </For>
          <For each={unlinked()}>{(message) => <li>{message}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
