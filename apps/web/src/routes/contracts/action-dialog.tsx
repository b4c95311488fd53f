import { actionStatusLabels, type OwnerParty, ownerParties, ownerPartyLabels } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import type { Confirmation } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { MemberSelect } from "../../components/member-select.tsx";
import { RadioGroup } from "../../components/radio-group.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { councilMutations } from "../../council-query.ts";
import type { Scope } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";

const fieldIds = {
  "action.description": "action-description",
  "action.ownerUserId": "action-owner-member-trigger",
  "action.ownerName": "action-owner-name",
  "action.dueOn": "action-due-on",
};
const partyChoices = ownerParties.map((party) => ({ value: party, label: ownerPartyLabels[party] }));

/** What a change to an action makes out of date: the log, the plans' progress, the home and the board. */
export const actionChanges: Scope[] = ["actions", "improvementPlans", "board", "contracts"];

export type Action = Answer<Client["actions"]["list"]>["actions"][number];
export type ActionStatusChange = "done" | "cancelled" | "open";

/**
 * The confirmation before an action's status changes (marked done, cancelled or reopened), for the action log of
 * a meeting and the items of an improvement plan alike; `noun` names it as the tab does ("action", "item").
 */
export function actionStatusConfirmation(props: {
  action: Action;
  status: ActionStatusChange;
  noun: string;
  mutate: ReturnType<typeof councilMutations>;
  announce: (message: string) => void;
}): Confirmation {
  const { action, status, noun } = props;
  return {
    title:
      status === "done"
        ? `Mark this ${noun} done?`
        : status === "cancelled"
          ? `Cancel this ${noun}?`
          : `Reopen this ${noun}?`,
    description: <p>{action.description}</p>,
    confirmLabel: status === "done" ? "Mark done" : status === "cancelled" ? `Cancel the ${noun}` : "Reopen",
    destructive: status === "cancelled",
    run: async () => {
      await props.mutate(
        (procedures) =>
          procedures.actions.setStatus({ actionId: action.id, version: action.version, status }),
        actionChanges,
      );
      props.announce(`The ${noun} is ${actionStatusLabels[status].toLowerCase()}.`);
    },
  };
}

/**
 * 004 §9 action log: adds an action to the contract, agreed at a meeting (`meetingId`) or an item of an
 * improvement plan (`improvementPlanId`). The owner is a council member or a person at the supplier.
 */
export function AddActionDialog(props: {
  contractId: string;
  meetingId?: string;
  improvementPlanId?: string;
  title: string;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [description, setDescription] = createSignal("");
  const [party, setParty] = createSignal<OwnerParty>("supplier");
  const [ownerUserId, setOwnerUserId] = createSignal<string | null>(null);
  const [ownerName, setOwnerName] = createSignal("");
  const [dueOn, setDueOn] = createSignal("");
  const save = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.actions.add({
            contractId: props.contractId,
            meetingId: props.meetingId ?? null,
            improvementPlanId: props.improvementPlanId ?? null,
            action: {
              description: description(),
              ownerParty: party(),
              ownerUserId: party() === "council" ? ownerUserId() : null,
              ownerName: party() === "supplier" ? ownerName() : null,
              dueOn: dueOn(),
            },
            idempotencyKey: key.current(),
          }),
        actionChanges,
      ),
    );
    if (!result.ok) return;
    key.renew();
    setDescription("");
    setDueOn("");
    props.onAdded();
    props.onClose();
  };
  return (
    <FormDialog
      title={props.title}
      open={props.open}
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel="Add the action"
    >
      <TextareaField
        id="action-description"
        name="description"
        label="What is to be done"
        rows={3}
        value={description()}
        onInput={(event) => setDescription(event.currentTarget.value)}
        error={submission.fieldError("action.description")}
      />
      <RadioGroup
        name="action-party"
        legend="Who owns it"
        choices={partyChoices}
        value={party()}
        onChange={setParty}
      />
      <Show
        when={party() === "council"}
        fallback={
          <Field
            id="action-owner-name"
            name="ownerName"
            label="Name of the person at the supplier"
            value={ownerName()}
            onInput={(event) => setOwnerName(event.currentTarget.value)}
            error={submission.fieldError("action.ownerName")}
          />
        }
      >
        <MemberSelect
          id="action-owner-member"
          label="Council member"
          noneLabel="Choose a member"
          value={ownerUserId()}
          onChange={setOwnerUserId}
          error={submission.fieldError("action.ownerUserId")}
          inDialog
        />
      </Show>
      <Field
        id="action-due-on"
        name="dueOn"
        label="Due on"
        type="date"
        class="input input--date"
        value={dueOn()}
        onInput={(event) => setDueOn(event.currentTarget.value)}
        error={submission.fieldError("action.dueOn")}
      />
    </FormDialog>
  );
}
