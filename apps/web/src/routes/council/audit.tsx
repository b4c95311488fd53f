import { roleLabels, roleSchema } from "@steward/domain";
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { Async } from "../../components/async.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import type { Answer, Client } from "../../trpc.ts";

type Verification = Answer<Client["audit"]["verify"]>;
type AuditEvent = Answer<Client["audit"]["list"]>[number];

/** What the audit actions mean, in words; an action not listed here is shown as recorded. */
const actionLabels: Record<string, string> = {
  "invitation.sent": "Invitation sent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "member.role_changed": "Role changed",
  "member.deactivated": "Member deactivated",
  "member.reactivated": "Member reactivated",
};

const entityLabels: Record<string, string> = {
  membership: "Membership",
  invitation: "Invitation",
  contract: "Contract",
};

/** A string field of an event's before/after record (JSON, so checked rather than trusted). */
function field(record: unknown, name: string): string | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const value: unknown = Reflect.get(record, name);
  return typeof value === "string" ? value : undefined;
}

function roleName(role: string | undefined): string | undefined {
  const known = roleSchema.safeParse(role);
  return known.success ? roleLabels[known.data] : role;
}

/** Recent audit events of this council, newest first; admins can check the hash chain (DESIGN §3.8). */
export function AuditLog() {
  const { api, council, can, format } = useCouncil();
  const [events, { refetch }] = createResource(
    () => council().tenantId,
    () => api().audit.list.query({ limit: 100 }),
  );
  // Names for actor ids: every role that reads the audit log may read the member list.
  const [members] = createResource(
    () => council().tenantId,
    () => api().members.list.query(),
  );
  const names = createMemo(() => {
    const map = new Map<string, string>();
    if (members.state === "ready") for (const member of members()) map.set(member.userId, member.name);
    return map;
  });
  const who = (userId: string | null) =>
    userId === null ? "Steward" : (names().get(userId) ?? `User ${userId.slice(0, 8)}`);
  const action = (event: AuditEvent) => {
    const label = actionLabels[event.action] ?? event.action;
    const from = roleName(field(event.before, "role"));
    const to = roleName(field(event.after, "role"));
    return event.action === "member.role_changed" && from && to ? `${label}: ${from} to ${to}` : label;
  };
  const entity = (event: AuditEvent) => {
    const type = event.entityType;
    const id = event.entityId;
    const label = entityLabels[type] ?? type;
    const email = field(event.after, "email");
    if (type === "invitation" && email) return `${label} to ${email}`;
    if (id === null) return label;
    const name = type === "membership" ? names().get(id) : undefined;
    return name ? `${label} of ${name}` : `${label} ${id.slice(0, 8)}`;
  };

  return (
    <>
      <PageHeading title="Audit log" caption={council().name} />
      <p>
        Every change in this council is recorded here, with who made it and when. Records cannot be edited.
      </p>
      <Show when={can("audit:verify")}>
        <VerifyChain />
      </Show>
      <h2>Recent events</h2>
      <Async resource={events} loading="Loading the audit log…" retry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">Nothing has been recorded yet.</p>}>
            <div class="table-wrap">
              <table class="table">
                <caption class="visually-hidden">The {list().length} most recent audit events</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Entity</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(event) => (
                      <tr>
                        <td class="cell-nowrap">
                          <time datetime={event.createdAt}>{format().dateTime(event.createdAt)}</time>
                        </td>
                        <td>{who(event.actorUserId)}</td>
                        <td>{action(event)}</td>
                        <td>{entity(event)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Async>
    </>
  );
}

function VerifyChain() {
  const { api } = useCouncil();
  const submission = createSubmission();
  const [verification, setVerification] = createSignal<Verification | null>(null);
  const verify = async () => {
    setVerification(null);
    const outcome = await submission.submit(() => api().audit.verify.query());
    if (outcome.ok) setVerification(outcome.value);
  };
  return (
    <section class="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Check the audit chain</h2>
      <p>
        Each event carries a hash of the one before it. Checking the chain shows whether any event was edited,
        removed or put out of order.
      </p>
      <button type="button" class="button" disabled={submission.pending()} onClick={() => void verify()}>
        {submission.pending() ? "Checking…" : "Verify the audit chain"}
      </button>
      <div aria-live="polite" class="verify-result">
        <Switch>
          <Match when={submission.problem()}>
            {(problem) => (
              <p class="notice notice--error" role="alert">
                {problem().message}
              </p>
            )}
          </Match>
          <Match when={verification()}>
            {(checked) => (
              <Show
                when={checked().ok}
                fallback={
                  <div class="notice notice--error">
                    <p>
                      <strong>The chain has problems.</strong> {checked().problems.length} found in{" "}
                      {checked().checked} events. Tell your platform operator.
                    </p>
                    <ul>
                      <For each={checked().problems}>
                        {(problem) => (
                          <li>
                            Event {problem.seq}: {problem.problem}
                          </li>
                        )}
                      </For>
                    </ul>
                  </div>
                }
              >
                <p class="notice notice--success">
                  <strong>The chain is intact.</strong> All {checked().checked} events match their hashes and
                  follow on from each other.
                </p>
              </Show>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
}
