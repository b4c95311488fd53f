import { changeReasonLabels, changeReasons, roleLabels, roleSchema } from "@steward/domain";
import { createResource, createSignal, For, Show } from "solid-js";
import { Async } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import type { Answer, Client } from "../../trpc.ts";
import { ChangeForm } from "./change-form.tsx";
import { readThresholdTest, ThresholdResult } from "./change-test.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { changeStatusLabels, changeTypeLabels, oneOf } from "./labels.ts";

type Change = Answer<Client["changes"]["list"]>[number];

/** Changes to the contract with their threshold test and decision; record, approve, reject, withdraw. */
export function ChangesTab(props: {
  detail: ContractDetail;
  onChanged: () => Promise<void>;
  announce: (message: string) => void;
}) {
  const { api, council, can, format } = useCouncil();
  const [changes, { refetch }] = createResource(
    () => ({ tenantId: council().tenantId, contractId: props.detail.contract.id }),
    ({ contractId }) => api().changes.list.query({ contractId }),
  );
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const signed = (minor: number) =>
    minor === 0 ? "None" : `${minor > 0 ? "+" : "−"}${format().money(Math.abs(minor))}`;
  const days = (count: number) =>
    count === 0
      ? "None"
      : `${count > 0 ? "+" : "−"}${Math.abs(count)} day${Math.abs(count) === 1 ? "" : "s"}`;
  const afterDecision = async (message: string) => {
    await Promise.all([refetch(), props.onChanged()]);
    props.announce(message);
  };

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
        if (decision === "approve") await api().changes.approve.mutate(input);
        else if (decision === "reject") await api().changes.reject.mutate(input);
        else await api().changes.withdraw.mutate(input);
        await afterDecision(words.done);
      },
    });
  };

  return (
    <>
      <h2>Changes</h2>
      <p>
        Each change is tested against the Procurement Act 2023 threshold (s.74–75) when it is requested: value
        ±10% for goods and services or ±15% for works, term ±10% of the maximum term, counting earlier
        approved changes.
      </p>
      <Async resource={changes} loading="Loading changes…" retry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">No changes have been recorded.</p>}>
            <ol class="change-list">
              <For each={[...list()].reverse()}>
                {(change) => {
                  const test = readThresholdTest(change.thresholdTest);
                  const reason = oneOf(changeReasons, change.reason);
                  const decidedRole = roleSchema.safeParse(change.decidedByRole);
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
                        <div class="summary-list__row">
                          <dt>Contract Change Notice</dt>
                          <dd>
                            {change.changeNoticeRequired
                              ? "Needed before the change"
                              : "Not needed (below threshold)"}
                          </dd>
                        </div>
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
                                {decidedRole.success ? ` by the ${roleLabels[decidedRole.data]}` : ""}
                                {change.decisionNote ? `: ${change.decisionNote}` : ""}
                              </dd>
                            </div>
                          )}
                        </Show>
                      </dl>
                      <Show when={test}>
                        {(known) => (
                          <details class="details">
                            <summary>Threshold test when requested</summary>
                            <ThresholdResult test={known()} />
                          </details>
                        )}
                      </Show>
                      <Show when={change.status === "requested"}>
                        <div class="button-row">
                          <Show when={change.canDecide && can("changes:approve")}>
                            <button
                              type="button"
                              class="button button--small"
                              onClick={() => decide(change, "approve")}
                            >
                              Approve
                            </button>
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
      </Async>
      <Show when={can("changes:request") && !props.detail.contract.archivedAt}>
        <ChangeForm
          detail={props.detail}
          onRecorded={async (message) => {
            await afterDecision(message);
          }}
        />
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}
