import { A } from "@solidjs/router";
import { roleLabels } from "@steward/domain";
import { Show } from "solid-js";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";

const jurisdictionNames: Record<string, string> = {
  "GB-ENG": "England",
  ZA: "South Africa",
};

/** The council's front page: where you are, and as whom. */
export function Overview() {
  const { council, role, can, format } = useCouncil();
  const base = () => `/t/${council().slug}`;
  return (
    <>
      <PageHeading title={`Welcome to ${council().name}`} caption="Welcome to">
        {council().name}
      </PageHeading>
      <p class="lead">
        You are signed in to this council as <strong>{roleLabels[role()]}</strong>.
      </p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>Council</dt>
          <dd>{council().name}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Jurisdiction</dt>
          <dd>
            {jurisdictionNames[council().jurisdiction] ?? council().jurisdiction}{" "}
            <span class="muted">({council().jurisdiction})</span>
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Your role</dt>
          <dd>{roleLabels[role()]}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Money and dates</dt>
          <dd>
            Shown as {format().money(123456)} and {format().date(new Date().toISOString())}
          </dd>
        </div>
      </dl>
      <h2>What you can do here</h2>
      <ul class="link-list">
        <li>
          <A href={`${base()}/contracts`}>Open the contract register</A>
        </li>
        <Show when={can("users:manage")}>
          <li>
            <A href={`${base()}/members`}>Manage members and invitations</A>
          </li>
        </Show>
        <Show when={can("audit:read")}>
          <li>
            <A href={`${base()}/audit`}>Read the audit log</A>
          </li>
        </Show>
      </ul>
    </>
  );
}
