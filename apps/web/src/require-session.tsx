import { Navigate, useLocation } from "@solidjs/router";
import { type Accessor, type JSX, Match, Switch } from "solid-js";
import { Loading, ProblemNotice } from "./components/async.tsx";
import { PublicLayout } from "./components/public-layout.tsx";
import { answer } from "./query.ts";
import { useSession } from "./session.tsx";
import type { Me } from "./trpc.ts";

/** Renders its content for a signed-in person; anyone else goes to sign in and comes back here after. */
export function RequireSession(props: { children: (me: Accessor<Me>) => JSX.Element }) {
  const session = useSession();
  const location = useLocation();
  const signedIn = () => answer(session.me) ?? null;
  return (
    <Switch
      fallback={
        <PublicLayout>
          <Loading label="Loading your account…" />
        </PublicLayout>
      }
    >
      <Match when={session.me.isError}>
        <PublicLayout>
          <ProblemNotice error={session.me.error} retry={() => void session.refresh()} />
        </PublicLayout>
      </Match>
      <Match when={signedIn()}>{(me) => props.children(me)}</Match>
      <Match when={session.me.isSuccess && session.me.data === null}>
        <Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} />
      </Match>
    </Switch>
  );
}
