import { A } from "@solidjs/router";
import type { ImprovementPlanTrigger } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations } from "../../council-query.ts";

const fieldIds = { title: "improvement-plan-title", reason: "improvement-plan-reason" };

/**
 * 004 §5: "Improvement plans should be used where a contract is failing before a formal change or
 * termination". A button that opens a plan from where the failure shows: a Red month of the RAG tracker
 * (`trigger="red_month"`, `month` its first day), an Inadequate KPI (`trigger="inadequate_kpi"`, `kpiId`), or
 * anywhere else (`trigger="other"`). Shown only to those who may write performance records.
 */
export function OpenImprovementPlan(props: {
  contractId: string;
  trigger: ImprovementPlanTrigger;
  /** The Red month's first day (YYYY-MM-01). */
  month?: string;
  kpiId?: string;
  /** The KPI's name, for the dialog's words. */
  kpiName?: string;
}) {
  const { can, council, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [open, setOpen] = createSignal(false);
  const [opened, setOpened] = createSignal(false);
  const [title, setTitle] = createSignal("");
  const [reason, setReason] = createSignal("");

  const cause = () => {
    if (props.trigger === "red_month" && props.month)
      return `the Red status of ${format().month(props.month)}`;
    if (props.trigger === "inadequate_kpi") return `the Inadequate rating of ${props.kpiName ?? "a KPI"}`;
    return null;
  };
  const start = () => {
    setTitle(
      props.trigger === "red_month" && props.month
        ? `Recover from ${format().month(props.month)}`
        : props.trigger === "inadequate_kpi" && props.kpiName
          ? `Bring ${props.kpiName} back to target`
          : "",
    );
    setReason("");
    setOpened(false);
    setOpen(true);
  };
  const save = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.improvementPlans.open({
            contractId: props.contractId,
            trigger: props.trigger,
            triggerMonth: props.month ?? null,
            triggerKpiId: props.kpiId ?? null,
            title: title(),
            reason: reason(),
            idempotencyKey: key.current(),
          }),
        ["improvementPlans", "board", "rag", "contracts"],
      ),
    );
    if (!result.ok) return;
    key.renew();
    setOpen(false);
    setOpened(true);
  };
  return (
    <Show when={can("performance:write")}>
      <div class="open-improvement-plan">
        <button type="button" class="button button--secondary" onClick={start}>
          Open an improvement plan
        </button>
        <div role="status" aria-live="polite">
          <Show when={opened()}>
            <p class="notice notice--success">
              The improvement plan is open. Add its actions, owners and dates on the{" "}
              <A href={`/t/${council().slug}/contracts/${props.contractId}?tab=improvement-plans`}>
                Improvement plans tab
              </A>
              .
            </p>
          </Show>
        </div>
        <FormDialog
          title="Open an improvement plan"
          open={open()}
          onClose={() => setOpen(false)}
          submission={submission}
          fieldIds={fieldIds}
          onSubmit={() => void save()}
          submitLabel="Open the plan"
          intro={
            <p class="hint">
              004 §5: an improvement plan is used where a contract is failing, before a formal change or
              termination.
              <Show when={cause()}>{(words) => <> It is opened from {words()}.</>}</Show>
            </p>
          }
        >
          <Field
            id="improvement-plan-title"
            name="title"
            label="Title"
            value={title()}
            onInput={(event) => setTitle(event.currentTarget.value)}
            error={submission.fieldError("title")}
          />
          <TextareaField
            id="improvement-plan-reason"
            name="reason"
            label="How is the contract failing?"
            hint="What the data shows and what must improve. The supplier's and the council's actions are added next."
            value={reason()}
            onInput={(event) => setReason(event.currentTarget.value)}
            error={submission.fieldError("reason")}
          />
        </FormDialog>
      </div>
    </Show>
  );
}
