import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { type Accessor, createMemo, type JSX, Show } from "solid-js";
import { CouncilSwitcher } from "../../components/council-switcher.tsx";
import { IncludedModule } from "../../components/included-module.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { PublicLayout } from "../../components/public-layout.tsx";
import { UserMenu } from "../../components/user-menu.tsx";
import { CouncilProvider, createCouncilValue, useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { RequireSession } from "../../require-session.tsx";
import type { Council, Me } from "../../trpc.ts";

/** `/t/:slug`: the council named by the URL, if the signed-in person is a member of it. */
export function CouncilShell(props: RouteSectionProps) {
  return (
    <RequireSession>
      {(me) => {
        const council = createMemo(() => me().councils.find((each) => each.slug === props.params.slug));
        return (
          <Show when={council()} fallback={<NotAMember />}>
            {(found) => (
              <Show
                when={found().unavailable}
                fallback={
                  <Shell me={me} council={found}>
                    {props.children}
                  </Shell>
                }
              >
                {(reason) => <NotOpen name={found().name} reason={reason()} />}
              </Show>
            )}
          </Show>
        );
      }}
    </RequireSession>
  );
}

function Shell(props: { me: Accessor<Me>; council: Accessor<Council>; children: JSX.Element }) {
  const value = createCouncilValue(props.council, () => props.me().user.id);
  const base = () => `/t/${props.council().slug}`;
  return (
    <CouncilProvider value={value}>
      <header class="masthead">
        <div class="masthead__inner">
          <A href="/" class="brand">
            Steward
          </A>
          <p class="masthead__council">
            <span class="visually-hidden">Council: </span>
            {props.council().name}
          </p>
          <div class="masthead__actions">
            <Show when={props.council().role === "advisor"}>
              <A href="/advisor" class="masthead__link">
                Your portfolio
              </A>
            </Show>
            <Show when={props.me().councils.length > 1}>
              <CouncilSwitcher councils={props.me().councils} current={props.council()} />
            </Show>
            <UserMenu name={props.me().user.name} email={props.me().user.email} />
          </div>
        </div>
      </header>
      <nav class="section-nav" aria-label="Council sections">
        <ul class="section-nav__list">
          <li>
            <A href={base()} end class="section-nav__link">
              Overview
            </A>
          </li>
          <li>
            <A href={`${base()}/contracts`} class="section-nav__link">
              Register
            </A>
          </li>
          <li>
            <A href={`${base()}/suppliers`} class="section-nav__link">
              Suppliers
            </A>
          </li>
          <li>
            <A href={`${base()}/compliance`} class="section-nav__link">
              Compliance
            </A>
          </li>
          <li>
            <A href={`${base()}/board`} class="section-nav__link">
              Assurance board
            </A>
          </li>
          <IncludedModule module="benchmarking">
            <li>
              <A href={`${base()}/benchmarks`} class="section-nav__link">
                Benchmarks
              </A>
            </li>
          </IncludedModule>
          <li>
            <A href={`${base()}/lessons`} class="section-nav__link">
              Lessons learned
            </A>
          </li>
          <Show when={value.can("training:learn")}>
            <IncludedModule module="training">
              <li>
                <A href={`${base()}/training`} class="section-nav__link">
                  Training
                </A>
              </li>
            </IncludedModule>
          </Show>
          <Show when={value.can("advisory:read")}>
            <IncludedModule module="advisor_access">
              <li>
                <A href={`${base()}/advice`} class="section-nav__link">
                  Advice
                </A>
              </li>
            </IncludedModule>
          </Show>
          <Show when={value.can("users:manage")}>
            <li>
              <A href={`${base()}/members`} class="section-nav__link">
                Members
              </A>
            </li>
            <li>
              <A href={`${base()}/advisors`} class="section-nav__link">
                Advisors
              </A>
            </li>
          </Show>
          <Show when={value.can("audit:read")}>
            <li>
              <A href={`${base()}/audit`} class="section-nav__link">
                Audit log
              </A>
            </li>
          </Show>
          <li>
            <A href={`${base()}/settings`} class="section-nav__link">
              Settings
            </A>
          </li>
          <Show when={value.can("billing:manage")}>
            <li>
              <A href={`${base()}/billing`} class="section-nav__link">
                Billing
              </A>
            </li>
          </Show>
        </ul>
      </nav>
      <main id="main" tabindex="-1" class="main">
        <LicenceBanner billingHref={`${base()}/billing`} />
        {props.children}
      </main>
    </CouncilProvider>
  );
}

/**
 * Past due or read-only, on every page of the council but the Billing page, which says it itself (issue 11 §4):
 * the server refuses what the licence does not allow whatever the page shows; this says why before anyone tries.
 */
function LicenceBanner(props: { billingHref: string }) {
  const { format, can } = useCouncil();
  const location = useLocation();
  const status = councilQuery((procedures) => procedures.billing.status());
  const standing = () =>
    status.isSuccess && location.pathname !== props.billingHref ? status.data.standing : null;
  const payHint = () =>
    can("billing:manage") ? (
      <>
        {" "}
        Pay or renew on the <A href={props.billingHref}>Billing page</A>.
      </>
    ) : (
      " Tell your council's admin."
    );
  return (
    <Show when={standing()?.kind !== "good" ? standing() : null}>
      {(found) => (
        <p class="notice notice--error" role="note">
          {found().kind === "grace" ? (
            <>
              A payment is overdue: Steward keeps working until{" "}
              {format().date((found() as { graceEndsOn: string }).graceEndsOn)}, then turns read-only until it
              is paid.{payHint()}
            </>
          ) : (
            (found() as { reason: string }).reason
          )}
        </p>
      )}
    </Show>
  );
}

function NotAMember() {
  return (
    <PublicLayout>
      <PageHeading title="You cannot open this council" />
      <p>
        You are not a member of this council, or your membership has ended. If you think you should be, ask
        the council's admin to invite you.
      </p>
      <p>
        <A href="/">Go to your councils</A>
      </p>
    </PublicLayout>
  );
}

/** An engaged council whose plan does not include advisor access (issue 11): named, with the reason. */
function NotOpen(props: { name: string; reason: string }) {
  return (
    <PublicLayout>
      <PageHeading title={`${props.name} is not open to you`} />
      <p>{props.reason}</p>
      <p>
        <A href="/advisor">Go to your portfolio</A>
      </p>
    </PublicLayout>
  );
}
