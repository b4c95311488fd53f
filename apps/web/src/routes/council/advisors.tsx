import {
  type EngagementScope,
  engagementScopeLabels,
  engagementScopes,
  engagementStatusLabels,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, formText } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";

type Engagement = Answer<Client["engagements"]["list"]>[number];

/**
 * `/t/:slug/advisors`: the council's engagements of advisors of the advisory service (issue 9 §7). The admin
 * engages an advisor for a period and a scope and can revoke it; while it is active, the advisor reads the
 * council's data (never changes it) and every read is in the audit log.
 */
export function Advisors() {
  const council = useCouncil();
  return (
    <>
      <PageHeading title="Advisors" caption={council.council().name} />
      <Show
        when={council.can("users:manage")}
        fallback={
          <p>Only the council's admins engage advisors. Ask one of them if something needs changing.</p>
        }
      >
        <p>
          An advisor of the inter-municipal advisory service sees the council's contracts read-only while
          their engagement lasts, and can add notes and performance reviews if you allow it. Every read they
          make is written to the audit log. Revoking an engagement ends their access at once.
        </p>
        <EngagementList />
        <GrantForm />
      </Show>
    </>
  );
}

function EngagementList() {
  const { format } = useCouncil();
  const engagements = councilQuery((procedures) => procedures.engagements.list());
  const mutate = councilMutations();
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  const confirmRevoke = (engagement: Engagement) =>
    setConfirmation({
      title: `Revoke ${engagement.advisorName}'s engagement?`,
      description: (
        <p>
          {engagement.advisorName} will no longer see anything of the council from their next request. Their
          notes and reviews stay. You can engage them again later.
        </p>
      ),
      confirmLabel: "Revoke engagement",
      destructive: true,
      run: async () => {
        await mutate(
          (procedures) => procedures.engagements.revoke({ engagementId: engagement.id }),
          ["engagements"],
        );
        setAnnouncement(`${engagement.advisorName}'s engagement has been revoked.`);
      },
    });
  return (
    <section aria-labelledby="engagements-heading">
      <h2 id="engagements-heading">Engagements</h2>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Query query={engagements} loading="Loading engagements…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>The council has not engaged an advisor yet.</p>}>
            <TableWrap label="Engagements">
              <table class="table">
                <caption class="visually-hidden">The council's engagements of advisors</caption>
                <thead>
                  <tr>
                    <th scope="col">Advisor</th>
                    <th scope="col">May</th>
                    <th scope="col">From</th>
                    <th scope="col">Until</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(engagement) => (
                      <tr>
                        <th scope="row">
                          {engagement.advisorName}
                          <span class="cell-meta">{engagement.advisorEmail}</span>
                        </th>
                        <td>{engagement.scopes.map((scope) => engagementScopeLabels[scope]).join(", ")}</td>
                        <td>{format().date(engagement.startsOn)}</td>
                        <td>{format().date(engagement.endsOn)}</td>
                        <td>{engagementStatusLabels[engagement.status]}</td>
                        <td>
                          <Show when={engagement.status === "active" || engagement.status === "scheduled"}>
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              onClick={() => confirmRevoke(engagement)}
                            >
                              Revoke
                              <span class="visually-hidden"> {engagement.advisorName}'s engagement</span>
                            </button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </section>
  );
}

const grantFieldIds = {
  advisorEmail: "engagement-email",
  scopes: "engagement-scope-read_portfolio",
  startsOn: "engagement-starts",
  endsOn: "engagement-ends",
};

function GrantForm() {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [scopes, setScopes] = createSignal<EngagementScope[]>([...engagementScopes]);
  const [granted, setGranted] = createSignal<string | null>(null);
  const toggle = (scope: EngagementScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((each) => each !== scope)));

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const advisorEmail = formText(form, "advisorEmail");
    setGranted(null);
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.engagements.grant({
            advisorEmail,
            scopes: scopes(),
            startsOn: formText(form, "startsOn"),
            endsOn: formText(form, "endsOn"),
            idempotencyKey: key.current(),
          }),
        ["engagements"],
      ),
    );
    if (result.ok) {
      key.renew();
      form.reset();
      setScopes([...engagementScopes]);
      setGranted(advisorEmail.trim());
    }
  };

  return (
    <section aria-labelledby="grant-heading" class="panel">
      <h2 id="grant-heading">Engage an advisor</h2>
      <p>The advisor signs in with their own Steward account; enter the address they use.</p>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={grantFieldIds} />}
      </Show>
      <Show when={granted()}>
        {(email) => (
          <p class="notice notice--success" role="status">
            {email()} is engaged.
          </p>
        )}
      </Show>
      <form novalidate onSubmit={onSubmit}>
        <Field
          id={grantFieldIds.advisorEmail}
          name="advisorEmail"
          label="Advisor's email address"
          type="email"
          autocomplete="off"
          spellcheck={false}
          error={submission.fieldError("advisorEmail")}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">The advisor may</legend>
          <Show when={submission.fieldError("scopes")}>
            {(message) => <p class="field-error">{message()}</p>}
          </Show>
          <For each={engagementScopes}>
            {(scope) => (
              <CheckboxField
                id={`engagement-scope-${scope}`}
                label={engagementScopeLabels[scope]}
                checked={scopes().includes(scope)}
                onChange={(on) => toggle(scope, on)}
              />
            )}
          </For>
        </fieldset>
        <div class="form-row">
          <Field
            id={grantFieldIds.startsOn}
            name="startsOn"
            label="From"
            type="date"
            class="input input--date"
            error={submission.fieldError("startsOn")}
          />
          <Field
            id={grantFieldIds.endsOn}
            name="endsOn"
            label="Until (included)"
            type="date"
            class="input input--date"
            error={submission.fieldError("endsOn")}
          />
        </div>
        <button type="submit" class="button" disabled={submission.pending()}>
          {submission.pending() ? "Engaging…" : "Engage advisor"}
        </button>
      </form>
    </section>
  );
}
