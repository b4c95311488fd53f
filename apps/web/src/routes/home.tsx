import { A, Navigate } from "@solidjs/router";
import { roleLabels } from "@steward/domain";
import { For, Match, Show, Switch } from "solid-js";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { UserMenu } from "../components/user-menu.tsx";
import { RequireSession } from "../require-session.tsx";

/**
 * `/`: straight to the one council, a chooser for several, a clear message for none; the platform operator,
 * who is in no council, to the operator's console; an advisor, engaged by councils rather than a member of
 * them, to their portfolio.
 */
export function Home() {
  return (
    <RequireSession>
      {(me) => (
        <Switch>
          <Match
            when={me().councils.length > 0 && me().councils.every((council) => council.role === "advisor")}
          >
            <Navigate href="/advisor" />
          </Match>
          <Match when={me().councils.length === 1 ? me().councils[0] : undefined}>
            {(only) => <Navigate href={`/t/${only().slug}`} />}
          </Match>
          <Match when={me().councils.length === 0 && me().user.platformRole === "operator"}>
            <Navigate href="/operator" />
          </Match>
          <Match when={me().councils.length === 0}>
            <PublicLayout account={<UserMenu name={me().user.name} email={me().user.email} />}>
              <PageHeading title="You are not in a council yet" />
              <p>
                You are signed in as {me().user.email}, but no council has given you access. Ask your
                council's admin to invite you; the invitation arrives by email.
              </p>
            </PublicLayout>
          </Match>
          <Match when={me().councils.length > 1}>
            <PublicLayout account={<UserMenu name={me().user.name} email={me().user.email} />}>
              <PageHeading title="Choose a council" />
              <p>You work in {me().councils.length} councils. Which one do you want to open?</p>
              <ul class="choice-list">
                <For each={me().councils}>
                  {(council) => (
                    <li>
                      <Show
                        when={council.unavailable}
                        fallback={
                          <A href={`/t/${council.slug}`} class="choice">
                            <span class="choice__title">{council.name}</span>
                            <span class="choice__meta">{roleLabels[council.role]}</span>
                          </A>
                        }
                      >
                        {(reason) => (
                          <p class="choice choice--unavailable">
                            <span class="choice__title">{council.name}</span>
                            <span class="choice__meta">Not open to you: {reason()}</span>
                          </p>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </PublicLayout>
          </Match>
        </Switch>
      )}
    </RequireSession>
  );
}
