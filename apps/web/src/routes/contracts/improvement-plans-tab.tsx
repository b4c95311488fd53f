import {
  type ImprovementPlanOutcome,
  improvementPlanOutcomeLabels,
  improvementPlanOutcomes,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { Attachments } from "../../components/attachments.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { RadioGroup } from "../../components/radio-group.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { type Answer, type Client, describeProblem } from "../../trpc.ts";
import {
  type Action,
  type ActionStatusChange,
  AddActionDialog,
  actionStatusConfirmation,
} from "./action-dialog.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { ActionTable } from "./meetings-tab.tsx";
import { OpenImprovementPlan } from "./open-improvement-plan.tsx";
import styles from "./performance-records.module.css";

type Plan = Answer<Client["improvementPlans"]["list"]>[number];

const planChanges = ["improvementPlans", "board", "rag", "contracts"] as const;
const outcomeChoices = improvementPlanOutcomes.map((outcome) => ({
  value: outcome,
  label: improvementPlanOutcomeLabels[outcome],
}));
const statusWords = { open: "Open", escalated: "Escalated to the SRO", closed: "Closed" } as const;

/**
 * 004 §5: improvement plans, "used where a contract is failing before a formal change or termination": each
 * with its items (actions with owners and dates) and progress, escalation to the SRO (004 §9) and closure with
 * its outcome.
 */
export function ImprovementPlansTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const contractId = () => props.detail.contract.id;
  const plans = councilQuery((procedures) => procedures.improvementPlans.list({ contractId: contractId() }));
  // The items' owners' names and overdue marks come from the action log.
  const actions = councilQuery((procedures) => procedures.actions.list({ contractId: contractId() }));
  const [addingTo, setAddingTo] = createSignal<string | null>(null);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const writable = () => can("performance:write") && props.detail.contract.archivedAt === null;
  const itemsOf = (plan: Plan): Action[] =>
    (answer(actions)?.actions ?? []).filter((action) => action.improvementPlanId === plan.id);

  const escalate = (plan: Plan) => {
    const [note, setNote] = createSignal("");
    const [errors, setErrors] = createSignal<Record<string, string>>({});
    setConfirmation({
      title: "Escalate the plan to the Senior Responsible Officer?",
      description: (
        <>
          <p>
            004 §9: escalate to the SRO so further support and guidance can be given. The escalation is
            recorded.
          </p>
          <TextareaField
            id="escalation-note"
            name="note"
            label="What do you need from the SRO?"
            value={note()}
            error={errors().note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </>
      ),
      confirmLabel: "Escalate",
      run: async () => {
        try {
          await mutate(
            (procedures) =>
              procedures.improvementPlans.escalate({
                improvementPlanId: plan.id,
                version: plan.version,
                note: note(),
              }),
            planChanges,
          );
        } catch (error) {
          setErrors(describeProblem(error).fieldErrors);
          throw error;
        }
        props.announce("The plan is escalated to the Senior Responsible Officer.");
      },
    });
  };

  const close = (plan: Plan) => {
    const [outcome, setOutcome] = createSignal<ImprovementPlanOutcome>("recovered");
    const [note, setNote] = createSignal("");
    setConfirmation({
      title: `Close the improvement plan "${plan.title}"?`,
      description: (
        <>
          <p>
            A closed plan takes no new items.
            <Show when={plan.progress.open > 0}>
              {" "}
              {plan.progress.open === 1 ? "1 item is" : `${plan.progress.open} items are`} still open and stay
              in the action log.
            </Show>
          </p>
          <RadioGroup
            name="plan-outcome"
            legend="Outcome"
            choices={outcomeChoices}
            value={outcome()}
            onChange={setOutcome}
          />
          <TextareaField
            id="plan-outcome-note"
            name="outcomeNote"
            label="What happened (optional)"
            value={note()}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </>
      ),
      confirmLabel: "Close the plan",
      destructive: true,
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.improvementPlans.close({
              improvementPlanId: plan.id,
              version: plan.version,
              closure: { outcome: outcome(), outcomeNote: note() },
            }),
          planChanges,
        );
        props.announce("The improvement plan is closed.");
      },
    });
  };

  const setStatus = (action: Action, status: ActionStatusChange) =>
    setConfirmation(
      actionStatusConfirmation({ action, status, noun: "item", mutate, announce: props.announce }),
    );

  return (
    <>
      <h2>Improvement plans</h2>
      <p class="hint">
        004 §5: used where a contract is failing, before a formal change or termination. Plans open from a Red
        month on the Monthly RAG tab, an Inadequate KPI on the KPIs tab, or here.
      </p>
      <Show when={props.detail.contract.archivedAt === null}>
        <OpenImprovementPlan contractId={contractId()} trigger="other" />
      </Show>
      <Query query={plans} loading="Loading improvement plans…">
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={<p class="empty">No improvement plan has been opened for this contract.</p>}
          >
            <For each={found()}>
              {(plan) => (
                <section class={styles.record} aria-labelledby={`plan-${plan.id}`}>
                  <h3 id={`plan-${plan.id}`}>{plan.title}</h3>
                  <p>
                    <strong>{statusWords[plan.status]}</strong>. Opened {format().date(plan.openedOn)}
                    <Show when={plan.trigger === "red_month" && plan.triggerMonth}>
                      {(month) => <> from the Red status of {format().month(month())}</>}
                    </Show>
                    <Show when={plan.trigger === "inadequate_kpi"}> from an Inadequate KPI</Show>.
                  </p>
                  <p>{plan.reason}</p>
                  <p>
                    Progress: {plan.progress.done} of {plan.progress.total} items done
                    <Show when={plan.progress.overdue > 0}>
                      , <span class="tag tag--warning">{plan.progress.overdue} overdue</span>
                    </Show>
                    .
                  </p>
                  <Show when={plan.escalatedOn}>
                    {(on) => (
                      <p>
                        Escalated to the SRO on {format().date(on())}: {plan.escalationNote}
                      </p>
                    )}
                  </Show>
                  <Show when={plan.outcome}>
                    {(outcome) => (
                      <p>
                        Closed {plan.closedOn ? format().date(plan.closedOn) : ""}:{" "}
                        {improvementPlanOutcomeLabels[outcome()]}
                        <Show when={plan.outcomeNote}>. {plan.outcomeNote}</Show>
                      </p>
                    )}
                  </Show>
                  <ActionTable
                    actions={itemsOf(plan)}
                    caption={`Items of ${plan.title}`}
                    empty="No items yet: add the actions, owners and dates that will bring the contract back on track."
                    onStatus={writable() && plan.status !== "closed" ? setStatus : undefined}
                  />
                  <Show when={writable() && plan.status !== "closed"}>
                    <div class="button-row">
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => setAddingTo(plan.id)}
                      >
                        Add an item<span class="visually-hidden"> to {plan.title}</span>
                      </button>
                      <Show when={plan.status === "open"}>
                        <button type="button" class="button button--secondary" onClick={() => escalate(plan)}>
                          Escalate to the SRO
                        </button>
                      </Show>
                      <button type="button" class="button button--secondary" onClick={() => close(plan)}>
                        Close the plan
                      </button>
                    </div>
                  </Show>
                  <Attachments
                    ownerType="improvement_plan"
                    ownerId={plan.id}
                    contractId={contractId()}
                    title="Files of the plan"
                  />
                </section>
              )}
            </For>
          </Show>
        )}
      </Query>
      <Show when={addingTo()} keyed>
        {(planId) => (
          <AddActionDialog
            contractId={contractId()}
            improvementPlanId={planId}
            title="Add an item to the improvement plan"
            open
            onClose={() => setAddingTo(null)}
            onAdded={() => props.announce("The item is added to the plan.")}
          />
        )}
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}
