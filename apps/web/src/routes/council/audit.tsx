import { auditActionInWords, auditEntityLabels, roleLabels } from "@steward/domain";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { Query } from "../../components/async.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { sentenceCase } from "../../format.ts";
import type { Answer, Client } from "../../trpc.ts";

type Verification = Answer<Client["audit"]["verify"]>;
type AuditEvent = Answer<Client["audit"]["list"]>[number];

const who = (event: AuditEvent) =>
  event.actorName ?? (event.actorUserId === null ? "Steward" : "A former member");

/** The action in words; a role change says from what to what. */
function action(event: AuditEvent): string {
  const words = sentenceCase(auditActionInWords(event.action));
  return event.action === "member.role_changed"
    ? `${words}: ${roleLabels[event.before.role]} to ${roleLabels[event.after.role]}`
    : words;
}

/** The entity by name, as the server resolved it: "Contract WST-2023-01", "Member Fiona Reid". */
function entity(event: AuditEvent): string {
  const label = auditEntityLabels[event.entityType];
  const name = event.entityName ?? (event.action === "invitation.sent" ? event.after.email : null);
  if (event.entityType === "invitation") return name ? `${label} to ${name}` : label;
  return name ? `${label} ${name}` : label;
}

/** Recent audit events of this council, newest first; admins can check the hash chain (DESIGN §3.8). */
export function AuditLog() {
  const { council, can, format } = useCouncil();
  const events = councilQuery((procedures) => procedures.audit.list({ limit: 100 }));
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
      <Query query={events} loading="Loading the audit log…">
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
                        <td>{who(event)}</td>
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
      </Query>
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
