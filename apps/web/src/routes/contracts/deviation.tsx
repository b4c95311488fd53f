import { type DeviationGround, deviationGroundLabels, deviationGrounds } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import { type Choice, ChoiceSelect } from "../../components/choice-select.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations } from "../../council-query.ts";
import type { ContractDetail } from "./contract-detail.ts";

const groundChoices: Choice<DeviationGround>[] = deviationGrounds.map((value) => ({
  value,
  label: deviationGroundLabels[value],
}));

const fieldIds = {
  "deviation.ground": "deviation-ground-trigger",
  "deviation.reason": "deviation-reason",
  "deviation.reportedOn": "deviation-reported-on",
  "deviation.reportReference": "deviation-report-reference",
};

/**
 * SCM regulation 36 (South Africa): a deviation from the official procurement processes, its reasons, and the
 * council meeting it was reported to. Until it is reported the contract owes that report.
 */
export function DeviationPanel(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const [editing, setEditing] = createSignal(false);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  let editButton: HTMLButtonElement | undefined;
  const deviation = () => props.detail.deviation;
  const writable = () => can("contracts:write") && !props.detail.contract.archivedAt;
  const remove = () =>
    setConfirmation({
      title: "Remove the recorded deviation?",
      description: (
        <p>Only remove it if the contract was procured through the official processes after all.</p>
      ),
      confirmLabel: "Remove the deviation",
      destructive: true,
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.contracts.setDeviation({
              contractId: props.detail.contract.id,
              version: props.detail.contract.version,
              deviation: null,
            }),
          ["contracts"],
        );
        props.announce("The deviation has been removed.");
      },
    });
  return (
    <section aria-labelledby="deviation-heading" class="panel">
      <h2 id="deviation-heading">Deviation from procurement processes</h2>
      <Show
        when={deviation()}
        fallback={<p>No deviation is recorded: the contract was procured through the official processes.</p>}
      >
        {(found) => (
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt>Ground (SCM regulation 36)</dt>
              <dd>{deviationGroundLabels[found().ground]}</dd>
            </div>
            <div class="summary-list__row">
              <dt>Reasons</dt>
              <dd class="pre-line">{found().reason}</dd>
            </div>
            <div class="summary-list__row">
              <dt>Reported to council</dt>
              <dd>
                <Show
                  when={found().reportedOn}
                  fallback={
                    <span class="tag tag--obligation-due_soon">
                      Not yet: report it to the next council meeting
                    </span>
                  }
                >
                  {(reportedOn) => (
                    <>
                      {format().date(reportedOn())}, {found().reportReference}
                    </>
                  )}
                </Show>
              </dd>
            </div>
          </dl>
        )}
      </Show>
      <Show when={writable()}>
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary"
            ref={editButton}
            onClick={() => setEditing(true)}
          >
            {deviation() ? "Edit the deviation" : "Record a deviation"}
          </button>
          <Show when={deviation()}>
            <button type="button" class="button button--secondary" onClick={remove}>
              Remove the deviation
            </button>
          </Show>
        </div>
      </Show>
      <Show when={editing()}>
        <DeviationDialog
          detail={props.detail}
          onClose={() => {
            setEditing(false);
            editButton?.focus();
          }}
          onSaved={() => props.announce("The deviation has been saved.")}
        />
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </section>
  );
}

function DeviationDialog(props: { detail: ContractDetail; onClose: () => void; onSaved: () => void }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const current = props.detail.deviation;
  const [ground, setGround] = createSignal<DeviationGround | null>(current?.ground ?? null);
  const [reason, setReason] = createSignal(current?.reason ?? "");
  const [reportedOn, setReportedOn] = createSignal(current?.reportedOn ?? "");
  const [reportReference, setReportReference] = createSignal(current?.reportReference ?? "");
  const save = async () => {
    const result = await submission.submit(async () => {
      const chosen = ground();
      if (chosen === null) {
        throw new FormProblem("Choose the ground for the deviation.", {
          "deviation.ground": "Choose the ground in SCM regulation 36 for the deviation.",
        });
      }
      return mutate(
        (procedures) =>
          procedures.contracts.setDeviation({
            contractId: props.detail.contract.id,
            version: props.detail.contract.version,
            deviation: {
              ground: chosen,
              reason: reason(),
              reportedOn: reportedOn() || null,
              reportReference: reportReference() || null,
            },
          }),
        ["contracts"],
      );
    });
    if (!result.ok) return;
    props.onSaved();
    props.onClose();
  };
  return (
    <FormDialog
      title="Deviation from procurement processes"
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel="Save the deviation"
      intro={
        <p>
          SCM regulation 36(2): record the reasons for the deviation and report them to the next meeting of
          the council.
        </p>
      }
    >
      <ChoiceSelect
        id="deviation-ground"
        inDialog
        label="Ground"
        choices={groundChoices}
        value={ground()}
        placeholder="Choose a ground"
        onChange={setGround}
        error={submission.fieldError("deviation.ground")}
      />
      <TextareaField
        id="deviation-reason"
        name="reason"
        label="Reasons"
        value={reason()}
        onInput={(event) => setReason(event.currentTarget.value)}
        error={submission.fieldError("deviation.reason")}
      />
      <fieldset class="fieldset fieldset--plain">
        <legend class="fieldset__legend">Reported to council</legend>
        <p class="hint">Leave both empty until it has been reported.</p>
        <Field
          id="deviation-reported-on"
          name="reportedOn"
          label="Date of the council meeting"
          type="date"
          class="input input--date"
          value={reportedOn()}
          onInput={(event) => setReportedOn(event.currentTarget.value)}
          error={submission.fieldError("deviation.reportedOn")}
        />
        <Field
          id="deviation-report-reference"
          name="reportReference"
          label="Item or resolution reference"
          class="input"
          value={reportReference()}
          onInput={(event) => setReportReference(event.currentTarget.value)}
          error={submission.fieldError("deviation.reportReference")}
        />
      </fieldset>
    </FormDialog>
  );
}
