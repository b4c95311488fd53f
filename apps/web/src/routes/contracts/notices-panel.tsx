import { type ContractNoticeKind, contractNoticeKinds, contractNoticeLabels } from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Choice, ChoiceSelect } from "../../components/choice-select.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { todayIso } from "./invoice-form.tsx";

const kindChoices: Choice<ContractNoticeKind>[] = contractNoticeKinds.map((value) => ({
  value,
  label: contractNoticeLabels[value],
}));

/**
 * PA23 s.71 and s.80 (England): the Contract Performance and Termination Notices the council published for the
 * contract on the Central Digital Platform. Recording one tracks the duty that asks for it on the table above.
 */
export function NoticesPanel(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const contractId = () => props.detail.contract.id;
  const notices = councilQuery((procedures) => procedures.notices.list({ contractId: contractId() }));
  const [recording, setRecording] = createSignal(false);
  let recordButton: HTMLButtonElement | undefined;
  // The s.80 duty is not applicable exactly when the contract is not a public one: the engine decides it.
  const publishes = () =>
    props.detail.obligations.some(
      (obligation) => obligation.key === "termination_notice" && obligation.status !== "not_applicable",
    );
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">Published notices</h2>
      <p class="hint">
        Contract Performance Notices (PA23 s.71: at least every 12 months for a contract with KPIs set under
        s.52, and when it ends) and the Contract Termination Notice (s.80: within 30 days of it ending), as
        published on the Central Digital Platform.
      </p>
      <Query query={notices} loading="Loading the notices…">
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={
              <p class="empty">
                {publishes()
                  ? "No notice has been recorded for this contract."
                  : "This is not a public contract: it publishes neither notice."}
              </p>
            }
          >
            <TableWrap label="Published notices table">
              <table class="table">
                <caption class="visually-hidden">Notices published for this contract, latest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Notice</th>
                    <th scope="col">Published</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Recorded by</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(notice) => (
                      <tr>
                        <th scope="row">{contractNoticeLabels[notice.kind]}</th>
                        <td class="cell-nowrap">{format().date(notice.publishedOn)}</td>
                        <td>{notice.reference ?? "—"}</td>
                        <td>{notice.recordedByName}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
      <Show when={publishes() && can("contracts:write") && !props.detail.contract.archivedAt}>
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary"
            ref={recordButton}
            onClick={() => setRecording(true)}
          >
            Record a published notice
          </button>
        </div>
        <RecordNoticeDialog
          contractId={contractId()}
          open={recording()}
          onClose={() => {
            setRecording(false);
            recordButton?.focus();
          }}
          onRecorded={() => props.announce("The notice is recorded.")}
        />
      </Show>
    </section>
  );
}

function RecordNoticeDialog(props: {
  contractId: string;
  open: boolean;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [kind, setKind] = createSignal<ContractNoticeKind | null>(null);
  const [publishedOn, setPublishedOn] = createSignal(todayIso());
  const [reference, setReference] = createSignal("");
  const save = async () => {
    const result = await submission.submit(async () => {
      const chosen = kind();
      if (chosen === null) {
        throw new FormProblem("Choose which notice was published.", {
          kind: "Choose which notice was published.",
        });
      }
      return mutate(
        (procedures) =>
          procedures.notices.record({
            contractId: props.contractId,
            kind: chosen,
            publishedOn: publishedOn(),
            reference: reference(),
            idempotencyKey: key.current(),
          }),
        // The obligations are derived from the notices: the contract's page reads them again.
        ["notices", "contracts"],
      );
    });
    if (!result.ok) return;
    key.renew();
    setKind(null);
    setReference("");
    props.onRecorded();
    props.onClose();
  };
  return (
    <FormDialog
      title="Record a published notice"
      open={props.open}
      onClose={props.onClose}
      submission={submission}
      fieldIds={{
        kind: "notice-kind-trigger",
        publishedOn: "notice-published-on",
        reference: "notice-reference",
      }}
      onSubmit={() => void save()}
      submitLabel="Record the notice"
      intro={<p>Record a notice once it is published on the Central Digital Platform.</p>}
    >
      <ChoiceSelect
        id="notice-kind"
        inDialog
        label="Notice"
        choices={kindChoices}
        value={kind()}
        placeholder="Choose a notice"
        onChange={setKind}
        error={submission.fieldError("kind")}
      />
      <Field
        id="notice-published-on"
        name="publishedOn"
        label="Published on"
        type="date"
        class="input input--date"
        value={publishedOn()}
        onInput={(event) => setPublishedOn(event.currentTarget.value)}
        error={submission.fieldError("publishedOn")}
      />
      <Field
        id="notice-reference"
        name="reference"
        label="Notice identifier (optional)"
        hint="As the Central Digital Platform shows it."
        class="input"
        value={reference()}
        onInput={(event) => setReference(event.currentTarget.value)}
        error={submission.fieldError("reference")}
      />
    </FormDialog>
  );
}
