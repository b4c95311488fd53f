import {
  type ChangeReason,
  type ChangeType,
  changeReasonLabels,
  changeReasons,
  changeTypes,
} from "@steward/domain";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { readMoneyText } from "../../components/money.ts";
import { MoneyField } from "../../components/money-field.tsx";
import { type SupplierChoice, SupplierPicker } from "../../components/supplier-picker.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { ChangeTestResult } from "./change-test.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { changeTypeLabels } from "./labels.ts";

const fieldIds = {
  "change.type": "change-type-trigger",
  "change.reason": "change-reason-trigger",
  "change.description": "change-description",
  "change.valueDeltaMinor": "change-value",
  "change.termDeltaDays": "change-term",
  "change.newSupplierId": "change-new-supplier-input",
  "change.relatedChangeIds": "change-related",
  "change.relatedChangesReason": "change-related-reason",
};

/** An approved earlier change the officer can name as belonging with this one (PA23 s.75(4)). */
export interface EarlierChange {
  id: string;
  summary: string;
}

const typeChoices = changeTypes.map((type) => ({ value: type, label: changeTypeLabels[type] }));
const reasonChoices = changeReasons.map((reason) => ({ value: reason, label: changeReasonLabels[reason] }));

function readDays(text: string): number | null {
  const trimmed = text.trim().replace(/^[−–]/, "-");
  if (trimmed === "") return 0;
  return /^[-+]?\d+$/.test(trimmed) ? Number.parseInt(trimmed, 10) : null;
}

/**
 * Records a change request (004 §12.1). While it is typed, the preview runs the council's change test and
 * names who must approve, so an English council's officer knows before asking whether a Contract Change
 * Notice is needed (PA23 s.75), and can name earlier changes that could reasonably have been made with it.
 */
export function ChangeForm(props: {
  detail: ContractDetail;
  earlierChanges: EarlierChange[];
  announce: (message: string) => void;
}) {
  const { council } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [type, setType] = createSignal<ChangeType | null>(null);
  const [reason, setReason] = createSignal<ChangeReason | null>(null);
  const [description, setDescription] = createSignal("");
  const [valueText, setValueText] = createSignal("");
  const [termText, setTermText] = createSignal("");
  const [newSupplier, setNewSupplier] = createSignal<SupplierChoice | null>(null);
  const [related, setRelated] = createSignal<string[]>([]);
  const [relatedReason, setRelatedReason] = createSignal("");
  const england = () => council().jurisdiction === "GB-ENG";

  // The preview follows the amounts a moment after typing stops.
  const [deltas, setDeltas] = createSignal({ valueDeltaMinor: 0, termDeltaDays: 0 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const schedulePreview = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const value = readMoneyText(valueText(), { allowNegative: true });
      const days = readDays(termText());
      if (value.ok && days !== null) setDeltas({ valueDeltaMinor: value.minor ?? 0, termDeltaDays: days });
    }, 400);
  };
  const previewWanted = () =>
    deltas().valueDeltaMinor !== 0 || deltas().termDeltaDays !== 0 || type() === "novation";
  const preview = councilQuery(
    (procedures) =>
      previewWanted()
        ? procedures.changes.preview({
            contractId: props.detail.contract.id,
            ...deltas(),
            type: type() ?? "value",
            relatedChangeIds: related(),
          })
        : null,
    { keepPrevious: true },
  );

  const submit = async (form: HTMLFormElement) => {
    const result = await submission.submit(async () => {
      const fieldErrors: Record<string, string> = {};
      const value = readMoneyText(valueText(), { allowNegative: true });
      const days = readDays(termText());
      const chosenType = type();
      const chosenReason = reason();
      if (!chosenType)
        fieldErrors["change.type"] =
          "Choose whether the change is to the value, the term, the scope or the supplier.";
      if (!chosenReason) fieldErrors["change.reason"] = "Choose the reason for the change.";
      if (!value.ok) fieldErrors["change.valueDeltaMinor"] = value.message;
      if (days === null)
        fieldErrors["change.termDeltaDays"] =
          "Enter a whole number of days, with a minus sign to shorten the term.";
      if (!chosenType || !chosenReason || !value.ok || days === null) {
        throw new FormProblem("Some answers need correcting: see the marked fields.", fieldErrors);
      }
      return mutate(
        (procedures) =>
          procedures.changes.request({
            contractId: props.detail.contract.id,
            change: {
              type: chosenType,
              reason: chosenReason,
              description: description(),
              valueDeltaMinor: value.minor ?? 0,
              termDeltaDays: days,
              newSupplierId: chosenType === "novation" ? (newSupplier()?.id ?? null) : null,
              relatedChangeIds: related(),
              relatedChangesReason: related().length > 0 ? relatedReason() : null,
            },
            idempotencyKey: key.current(),
          }),
        // A request can ask for the tier to be reviewed (the contract page's notice).
        ["changes", "contracts"],
      );
    });
    if (!result.ok) return;
    key.renew();
    form.reset();
    setType(null);
    setReason(null);
    setDescription("");
    setValueText("");
    setTermText("");
    setNewSupplier(null);
    setRelated([]);
    setRelatedReason("");
    setDeltas({ valueDeltaMinor: 0, termDeltaDays: 0 });
    props.announce(`The change has been recorded. ${result.value.test.headline}.`);
  };

  return (
    <section class="panel" aria-labelledby="record-change-heading">
      <h2 id="record-change-heading">Record a change</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <div class="field-grid">
          <ChoiceSelect
            id="change-type"
            label="Type of change"
            choices={typeChoices}
            value={type()}
            onChange={setType}
            placeholder="Choose a type"
            error={submission.fieldError("change.type")}
          />
          <ChoiceSelect
            id="change-reason"
            label="Reason"
            choices={reasonChoices}
            value={reason()}
            onChange={setReason}
            placeholder="Choose a reason"
            error={submission.fieldError("change.reason")}
          />
        </div>
        <TextareaField
          id="change-description"
          name="description"
          label="Description"
          hint="What changes, and why now."
          value={description()}
          onInput={(event) => setDescription(event.currentTarget.value)}
          error={submission.fieldError("change.description")}
        />
        <div class="field-grid">
          <MoneyField
            id="change-value"
            name="valueDelta"
            label="Change in total value"
            hint="With a minus sign for a reduction, for example -2,500. Leave blank for none."
            currency={props.detail.contract.currency}
            value={valueText()}
            onInput={(event) => {
              setValueText(event.currentTarget.value);
              schedulePreview();
            }}
            error={submission.fieldError("change.valueDeltaMinor")}
          />
          <Field
            id="change-term"
            name="termDelta"
            label="Change in term, in days"
            hint="How far the end date moves; negative to shorten. Leave blank for none."
            class="input input--short"
            inputmode="numeric"
            autocomplete="off"
            value={termText()}
            onInput={(event) => {
              setTermText(event.currentTarget.value);
              schedulePreview();
            }}
            error={submission.fieldError("change.termDeltaDays")}
          />
        </div>
        <Show when={type() === "novation"}>
          <SupplierPicker
            id="change-new-supplier"
            label="Supplier taking the contract over"
            hint="The successor on a corporate restructuring (a takeover, merger or insolvency)."
            value={newSupplier()}
            onChange={(supplier) => setNewSupplier(supplier?.id ? supplier : null)}
            noneLabel="Choose a supplier"
            error={submission.fieldError("change.newSupplierId")}
          />
        </Show>
        <Show when={england() && props.earlierChanges.length > 0}>
          <fieldset class="fieldset" id="change-related" tabindex="-1" aria-describedby="change-related-hint">
            <legend class="fieldset__legend">Earlier changes made for the same need</legend>
            <p class="hint" id="change-related-hint">
              Tick any approved change that could reasonably have been made together with this one. The test
              then takes them as one change (Procurement Act 2023 s.75(4)–(5)).
            </p>
            <Show when={submission.fieldError("change.relatedChangeIds")}>
              {(message) => <p class="field-error">{message()}</p>}
            </Show>
            <For each={props.earlierChanges}>
              {(earlier) => (
                <CheckboxField
                  id={`change-related-${earlier.id}`}
                  label={earlier.summary}
                  checked={related().includes(earlier.id)}
                  onChange={(checked) =>
                    setRelated((current) =>
                      checked ? [...current, earlier.id] : current.filter((id) => id !== earlier.id),
                    )
                  }
                />
              )}
            </For>
            <Show when={related().length > 0}>
              <TextareaField
                id="change-related-reason"
                name="relatedChangesReason"
                label="Why they could have been made together"
                rows={2}
                value={relatedReason()}
                onInput={(event) => setRelatedReason(event.currentTarget.value)}
                error={submission.fieldError("change.relatedChangesReason")}
              />
            </Show>
          </fieldset>
        </Show>
        <div class="preview-box" aria-live="polite" aria-busy={preview.isFetching ? "true" : undefined}>
          <h3 class="preview-box__title">{england() ? "Change test and approval" : "Rule and approval"}</h3>
          <Show
            when={previewWanted() ? answer(preview) : undefined}
            fallback={
              <p class="hint">
                {england()
                  ? "Enter a change in value or term to see whether a Contract Change Notice is needed and who approves it."
                  : "Enter a change in value or term to see who approves it."}
              </p>
            }
          >
            {(result) => <ChangeTestResult test={result().test} approver={result().approver.label} />}
          </Show>
          <Show when={preview.isError}>
            <p class="field-error">
              The test could not be run just now; it runs again when you record the change.
            </p>
          </Show>
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Recording…" : "Record the change"}
          </button>
        </div>
      </form>
    </section>
  );
}
