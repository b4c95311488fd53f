import { A, useLocation } from "@solidjs/router";
import type { CreateQueryResult } from "@tanstack/solid-query";
import { type Accessor, type JSX, Match, Show, Switch } from "solid-js";
import { isRetryable } from "../query.ts";
import { describeProblem, isSignedOut } from "../trpc.ts";

export function Loading(props: { label: string }) {
  return (
    <p class="loading" role="status">
      {props.label}
    </p>
  );
}

/**
 * A failed load, said as a sentence, with a way forward. The one place a query's failure is shown: a fault
 * on the server's side carries the support reference in its sentence (see describeProblem).
 */
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
 * Loading, failure and content for one query. The content stays on screen while the query refreshes after a
 * change (invalidation), so focus and scroll position are not lost.
 */
export function Query<T>(props: {
  query: CreateQueryResult<T>;
  loading: string;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  return (
    <Switch fallback={<Loading label={props.loading} />}>
      <Match when={props.query.isError}>
        <ProblemNotice error={props.query.error} retry={() => void props.query.refetch()} />
      </Match>
      <Match when={props.query.isSuccess}>{props.children(() => props.query.data as T)}</Match>
    </Switch>
  );
}
