import { changeReasonLabels, changeReasons, roleLabels, roleSchema } from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";
import { ChangeForm } from "./change-form.tsx";
import { ChangeTestResult } from "./change-test.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { changeStatusLabels, changeTypeLabels, oneOf } from "./labels.ts";
import { Section116Steps } from "./section-116-steps.tsx";

type Change = Answer<Client["changes"]["list"]>[number];

/**
 * Changes to the contract with their change test and decision; record, approve, reject, withdraw. The
 * council's jurisdiction selects the rule pack: PA23 s.74–75 in England, MFMA s.116(3) in South Africa.
 */
export function ChangesTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { council, can, format } = useCouncil();
  const mutate = councilMutations();
  const england = () => council().jurisdiction === "GB-ENG";
  const changes = councilQuery((procedures) =>
    procedures.changes.list({ contractId: props.detail.contract.id }),
  );
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const signed = (minor: number) =>
    minor === 0 ? "None" : `${minor > 0 ? "+" : "−"}${format().money(Math.abs(minor))}`;
  const days = (count: number) =>
    count === 0
      ? "None"
      : `${count > 0 ? "+" : "−"}${Math.abs(count)} day${Math.abs(count) === 1 ? "" : "s"}`;

  const decide = (change: Change, decision: "approve" | "reject" | "withdraw") => {
    const [note, setNote] = createSignal("");
    const words = {
      approve: {
        title: "Approve this change?",
        label: "Approve change",
        done: "The change has been approved and the contract updated.",
      },
      reject: { title: "Reject this change?", label: "Reject change", done: "The change has been rejected." },
      withdraw: {
        title: "Withdraw this change?",
        label: "Withdraw change",
        done: "The change has been withdrawn.",
      },
    }[decision];
    setConfirmation({
      title: words.title,
      description: (
        <>
          <p>{change.description}</p>
          <Show when={decision === "approve"}>
            <p>The contract's value and end date are updated now; the values as awarded are kept.</p>
          </Show>
          <TextareaField
            id="decision-note"
            name="note"
            label="Note (optional)"
            hint="Recorded with the decision."
            rows={3}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </>
      ),
      confirmLabel: words.label,
      destructive: decision !== "approve",
      run: async () => {
        const input = { changeId: change.id, version: change.version, note: note().trim() || undefined };
        // A decision can change the contract's value and end date, and so the register and its figures.
        await mutate<unknown>((procedures) => procedures.changes[decision](input), ["changes", "contracts"]);
        props.announce(words.done);
      },
    });
  };

  return (
    <>
      <h2>Changes</h2>
      <Show
        when={england()}
        fallback={
          <p>
            A contract is amended only after the reasons have been tabled in the council and the local
            community has had reasonable notice and been invited to make representations (MFMA s.116(3)).
            Record both steps on the change; it can be approved once they are done.
          </p>
        }
      >
        <p>
          Each change is tested when it is requested against the Procurement Act 2023 (s.74–75): no Contract
          Change Notice is needed where the change on its own moves the value by 10% or less (goods and
          services) or 15% or less (works), or the term by 10% or less of the maximum term on award. Earlier
          changes count when you say they could reasonably have been made together with it.
        </p>
      </Show>
      <Query query={changes} loading="Loading changes…">
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">No changes have been recorded.</p>}>
            <ol class="change-list">
              <For each={[...list()].reverse()}>
                {(change) => {
                  const reason = oneOf(changeReasons, change.reason);
                  const decidedRole = roleSchema.safeParse(change.decidedByRole);
                  const decider = () =>
                    [change.decidedByName, decidedRole.success ? roleLabels[decidedRole.data] : null]
                      .filter(Boolean)
                      .join(", ");
                  return (
                    <li class="change">
                      <h3 class="change__title">
                        {changeTypeLabels[change.type]} change:{" "}
                        {reason ? changeReasonLabels[reason] : change.reason}
                        <span class={`tag tag--change-${change.status}`}>
                          {changeStatusLabels[change.status]}
                        </span>
                      </h3>
                      <p class="pre-line">{change.description}</p>
                      <dl class="summary-list summary-list--compact">
                        <div class="summary-list__row">
                          <dt>Value</dt>
                          <dd>{signed(change.valueDeltaMinor)}</dd>
                        </div>
                        <div class="summary-list__row">
                          <dt>Term</dt>
                          <dd>{days(change.termDeltaDays)}</dd>
                        </div>
                        <Show when={change.newSupplierName}>
                          {(name) => (
                            <div class="summary-list__row">
                              <dt>New supplier</dt>
                              <dd>{name()}</dd>
                            </div>
                          )}
                        </Show>
                        <Show when={change.thresholdTest.rulePack === "PA23"}>
                          <div class="summary-list__row">
                            <dt>Contract Change Notice</dt>
                            <dd>{change.thresholdTest.headline}</dd>
                          </div>
                        </Show>
                        <Show when={change.relatedChangeIds.length > 0}>
                          <div class="summary-list__row">
                            <dt>Taken together with</dt>
                            <dd>
                              {change.relatedChangeIds.length === 1
                                ? "1 earlier change"
                                : `${change.relatedChangeIds.length} earlier changes`}
                              {change.relatedChangesReason ? `: ${change.relatedChangesReason}` : ""}
                            </dd>
                          </div>
                        </Show>
                        <div class="summary-list__row">
                          <dt>Requested</dt>
                          <dd>
                            {format().date(change.createdAt)} by {change.requestedByName}
                          </dd>
                        </div>
                        <div class="summary-list__row">
                          <dt>{change.status === "requested" ? "To be approved by" : "Approver"}</dt>
                          <dd>{change.approver.label}</dd>
                        </div>
                        <Show when={change.decidedAt}>
                          {(decidedAt) => (
                            <div class="summary-list__row">
                              <dt>Decision</dt>
                              <dd>
                                {changeStatusLabels[change.status]} on {format().date(decidedAt())}
                                {decider() ? ` by ${decider()}` : ""}
                                {change.decisionNote ? `: ${change.decisionNote}` : ""}
                              </dd>
                            </div>
                          )}
                        </Show>
                      </dl>
                      <details class="details">
                        <summary>
                          {change.thresholdTest.rulePack === "PA23"
                            ? "Change test when requested"
                            : "The rule for amending a contract"}
                        </summary>
                        <ChangeTestResult test={change.thresholdTest} />
                      </details>
                      <Show when={!england()}>
                        <Section116Steps change={change} announce={props.announce} />
                      </Show>
                      <Show when={change.status === "requested"}>
                        <Show when={can("changes:approve") && change.approvalRefusal}>
                          {(refusal) => <p class="hint">{refusal()}</p>}
                        </Show>
                        <div class="button-row">
                          <Show when={change.canApprove && can("changes:approve")}>
                            <button
                              type="button"
                              class="button button--small"
                              onClick={() => decide(change, "approve")}
                            >
                              Approve
                            </button>
                          </Show>
                          <Show when={change.canReject && can("changes:approve")}>
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              onClick={() => decide(change, "reject")}
                            >
                              Reject
                            </button>
                          </Show>
                          <Show when={change.canWithdraw}>
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              onClick={() => decide(change, "withdraw")}
                            >
                              Withdraw
                            </button>
                          </Show>
                        </div>
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ol>
          </Show>
        )}
      </Query>
      <Show when={can("changes:request") && !props.detail.contract.archivedAt}>
        <ChangeForm
          detail={props.detail}
          earlierChanges={(answer(changes) ?? [])
            .filter((change) => change.status === "approved")
            .map((change) => ({
              id: change.id,
              summary: `${changeTypeLabels[change.type]}: ${signed(change.valueDeltaMinor)}, ${days(change.termDeltaDays)} (${format().date(change.createdAt)}) — ${change.description.slice(0, 80)}`,
            }))}
          announce={props.announce}
        />
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}
