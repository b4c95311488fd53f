import { A, type RouteSectionProps } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { PageHeading } from "../../components/page-heading.tsx";
import { PublicLayout } from "../../components/public-layout.tsx";
import { UserMenu } from "../../components/user-menu.tsx";
import { RequireSession } from "../../require-session.tsx";

/**
 * The console's sections. Each part of the platform adds its operator page here and its route under
 * `/operator` in app.tsx (the course catalogue, the KPI library).
 */
const sections: { href: string; label: string; end?: boolean }[] = [
  { href: "/operator", label: "Councils", end: true },
  { href: "/operator/kpi-library", label: "KPI library" },
  { href: "/operator/courses", label: "Courses" },
  { href: "/operator/audit", label: "Audit log" },
];

/**
 * `/operator`: the platform operator's console (issue 11 §6). Only for a signed-in user whose platform role is
 * operator; the server's operator rung refuses everyone else whatever this page shows.
 */
export function OperatorShell(props: RouteSectionProps) {
  return (
    <RequireSession>
      {(me) => (
        <Show when={me().user.platformRole === "operator"} fallback={<NotTheOperator />}>
          <Console name={me().user.name} email={me().user.email}>
            {props.children}
          </Console>
        </Show>
      )}
    </RequireSession>
  );
}

function Console(props: { name: string; email: string; children: JSX.Element }) {
  return (
    <>
      <header class="masthead">
        <div class="masthead__inner">
          <A href="/operator" class="brand">
            Steward
          </A>
          <p class="masthead__council">Platform operator</p>
          <div class="masthead__actions">
            <UserMenu name={props.name} email={props.email} />
          </div>
        </div>
      </header>
      <nav class="section-nav" aria-label="Operator console sections">
        <ul class="section-nav__list">
          <For each={sections}>
            {(section) => (
              <li>
                <A href={section.href} end={section.end ?? false} class="section-nav__link">
                  {section.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" tabindex="-1" class="main">
        {props.children}
      </main>
    </>
  );
}

function NotTheOperator() {
  return (
    <PublicLayout>
      <PageHeading title="This console is for the platform operator" />
      <p>
        The operator's console runs the platform: councils, their licences and the shared catalogues. Your
        account is not the platform operator's.
      </p>
      <p>
        <A href="/">Go to your councils</A>
      </p>
    </PublicLayout>
  );
}
