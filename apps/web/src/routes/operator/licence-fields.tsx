import type { PlanId } from "@steward/domain";
import type { Setter } from "solid-js";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { Field } from "../../components/field.tsx";
import type { Submission } from "../../components/forms.ts";

export const planChoices: { value: PlanId; label: string }[] = [
  { value: "essentials", label: "Essentials (register and tracker)" },
  { value: "professional", label: "Professional (+ training, public portal)" },
  { value: "partnership", label: "Partnership (+ benchmarking, advisor access)" },
];

export interface LicenceDraft {
  plan: PlanId;
  seats: string;
  startsOn: string;
  endsOn: string;
  poNumber: string;
}

export const licenceFieldIds = (prefix: string) => ({
  "licence.plan": `${prefix}-plan-trigger`,
  "licence.seats": `${prefix}-seats`,
  "licence.startsOn": `${prefix}-starts`,
  "licence.endsOn": `${prefix}-ends`,
  "licence.poNumber": `${prefix}-po`,
});

export const licenceInput = (draft: LicenceDraft) => ({
  plan: draft.plan,
  seats: Number(draft.seats),
  interval: "year" as const,
  startsOn: draft.startsOn,
  endsOn: draft.endsOn || null,
  poNumber: draft.poNumber || null,
});

/** Plan, seats and dates, assigned by hand (offline mode, issue 11 §5). */
export function LicenceFields(props: {
  prefix: string;
  draft: LicenceDraft;
  setDraft: Setter<LicenceDraft>;
  submission: Submission;
  inDialog?: boolean;
}) {
  const ids = licenceFieldIds(props.prefix);
  const set = (field: keyof LicenceDraft) => (event: { currentTarget: HTMLInputElement }) =>
    props.setDraft((draft) => ({ ...draft, [field]: event.currentTarget.value }));
  const error = (field: string) => props.submission.fieldError(`licence.${field}`);
  return (
    <>
      <ChoiceSelect
        id={`${props.prefix}-plan`}
        label="Plan"
        choices={planChoices}
        value={props.draft.plan}
        onChange={(plan) => props.setDraft((draft) => ({ ...draft, plan }))}
        error={error("plan")}
        inDialog={props.inDialog ?? false}
      />
      <Field
        id={ids["licence.seats"]}
        name="seats"
        label="Seats"
        hint="Members in a council role and open invitations; advisors take none."
        inputmode="numeric"
        value={props.draft.seats}
        onInput={set("seats")}
        error={error("seats")}
      />
      <Field
        id={ids["licence.startsOn"]}
        name="startsOn"
        label="Starts on"
        type="date"
        value={props.draft.startsOn}
        onInput={set("startsOn")}
        error={error("startsOn")}
      />
      <Field
        id={ids["licence.endsOn"]}
        name="endsOn"
        label="Ends on (optional)"
        hint="A fixed-term licence turns the council read-only after this day."
        type="date"
        value={props.draft.endsOn}
        onInput={set("endsOn")}
        error={error("endsOn")}
      />
      <Field
        id={ids["licence.poNumber"]}
        name="poNumber"
        label="Purchase order number (optional)"
        value={props.draft.poNumber}
        onInput={set("poNumber")}
        error={error("poNumber")}
      />
    </>
  );
}
