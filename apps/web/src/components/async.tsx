import { A, useLocation } from "@solidjs/router";
import { type Accessor, type JSX, Match, type Resource, Show, Switch } from "solid-js";
import { describeProblem, isSignedOut } from "../trpc.ts";

export function Loading(props: { label: string }) {
  return (
    <p class="loading" role="status">
      {props.label}
    </p>
  );
}

/** Asking again helps after a lost connection or a server fault, not after a refusal. */
function isRetryable(error: unknown): boolean {
  const code = describeProblem(error).code;
  return (
    code === null || code === "INTERNAL_SERVER_ERROR" || code === "TIMEOUT" || code === "TOO_MANY_REQUESTS"
  );
}

/** A failed load, said as a sentence, with a way forward. */
export function ProblemNotice(props: { error: unknown; retry?: (() => void) | undefined }) {
  const location = useLocation();
  return (
    <div class="notice notice--error" role="alert">
      <Show
        when={!isSignedOut(props.error)}
        fallback={
          <p>
            Your session has ended.{" "}
            <A href={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>Sign in again</A> to carry on.
          </p>
        }
      >
        <p>{describeProblem(props.error).message}</p>
        <Show when={isRetryable(props.error) && props.retry}>
          {(retry) => (
            <button type="button" class="button button--secondary" onClick={() => retry()()}>
              Try again
            </button>
          )}
        </Show>
      </Show>
    </div>
  );
}

/**
 * Loading, failure and content for one resource. The content stays on screen while the resource refreshes
 * after a change, so focus and scroll position are not lost.
 */
export function Async<T>(props: {
  resource: Resource<T>;
  loading: string;
  retry?: () => void;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  const ready = () => props.resource.state === "ready" || props.resource.state === "refreshing";
  return (
    <Switch fallback={<Loading label={props.loading} />}>
      <Match when={props.resource.state === "errored"}>
        <ProblemNotice error={props.resource.error} retry={props.retry} />
      </Match>
      <Match when={ready()}>{props.children(() => props.resource.latest as T)}</Match>
    </Switch>
  );
}
