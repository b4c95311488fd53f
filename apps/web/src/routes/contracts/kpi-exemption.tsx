import { createSignal, Show } from "solid-js";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations } from "../../council-query.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { ObligationStatusTag } from "./obligations-tab.tsx";

const fieldIds = { reason: "kpi-exemption-reason" };

/**
 * PA23 s.52(1): a public contract over £5 million needs at least three KPIs "unless the authority considers that
 * the supplier's performance under the contract could not appropriately be assessed by reference to key
 * performance indicators". Shown while the duty applies or an exemption is recorded; the council records its
 * reason here, or withdraws it.
 */
export function KpiDutyPanel(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can } = useCouncil();
  const mutate = councilMutations();
  const [recording, setRecording] = createSignal(false);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  let recordButton: HTMLButtonElement | undefined;
  const duty = () => props.detail.obligations.find((obligation) => obligation.key === "kpis_set");
  const exemption = () => props.detail.contract.kpiExemptionReason;
  const shown = () => {
    const found = duty();
    return found !== undefined && (found.status !== "not_applicable" || exemption() !== null);
  };
  const writable = () => can("performance:write") && !props.detail.contract.archivedAt;
  const withdraw = () =>
    setConfirmation({
      title: "Withdraw the exemption?",
      description: <p>The contract will need at least three KPIs again (PA23 s.52(1)).</p>,
      confirmLabel: "Withdraw the exemption",
      destructive: true,
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.kpis.setExemption({
              contractId: props.detail.contract.id,
              version: props.detail.contract.version,
              reason: null,
            }),
          ["contracts"],
        );
        props.announce("The exemption is withdrawn.");
      },
    });
  return (
    <Show when={shown() && duty()}>
      {(found) => (
        <section class="panel" aria-labelledby="kpi-duty-heading">
          <h3 id="kpi-duty-heading">
            At least three KPIs (PA23 s.52) <ObligationStatusTag status={found().status} />
          </h3>
          <p>{found().detail}</p>
          <Show when={writable()}>
            <div class="button-row">
              <Show
                when={exemption() !== null}
                fallback={
                  <button
                    type="button"
                    class="button button--secondary"
                    ref={recordButton}
                    onClick={() => setRecording(true)}
                  >
                    KPIs cannot measure this contract
                  </button>
                }
              >
                <button type="button" class="button button--secondary" onClick={withdraw}>
                  Withdraw the exemption
                </button>
              </Show>
            </div>
          </Show>
          <Show when={recording()}>
            <ExemptionDialog
              detail={props.detail}
              onClose={() => {
                setRecording(false);
                recordButton?.focus();
              }}
              onSaved={() => props.announce("The exemption is recorded.")}
            />
          </Show>
          <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
        </section>
      )}
    </Show>
  );
}

function ExemptionDialog(props: { detail: ContractDetail; onClose: () => void; onSaved: () => void }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [reason, setReason] = createSignal("");
  const save = async () => {
    const result = await submission.submit(() => {
      if (reason().trim() === "") {
        throw new FormProblem("Say why KPIs could not appropriately assess this contract.", {
          reason: "Say why KPIs could not appropriately assess the supplier's performance.",
        });
      }
      return mutate(
        (procedures) =>
          procedures.kpis.setExemption({
            contractId: props.detail.contract.id,
            version: props.detail.contract.version,
            reason: reason(),
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
      title="KPIs cannot measure this contract"
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel="Record the exemption"
      intro={
        <p>
          PA23 s.52(1) lets the council set no KPIs when it considers the supplier's performance could not
          appropriately be assessed by them, for example a one-off delivery. The reason is kept in the
          contract's history.
        </p>
      }
    >
      <TextareaField
        id="kpi-exemption-reason"
        name="reason"
        label="Why KPIs could not appropriately assess the supplier's performance"
        value={reason()}
        onInput={(event) => setReason(event.currentTarget.value)}
        error={submission.fieldError("reason")}
      />
    </FormDialog>
  );
}
