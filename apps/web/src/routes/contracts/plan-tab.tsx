import {
  type MonitoringAssessment,
  monitoringAssessmentLabels,
  monitoringAssessments,
} from "@steward/domain";
import { createSignal, For, Index, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { Attachments } from "../../components/attachments.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Scope } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { todayIso } from "./invoice-form.tsx";

type PlanAnswer = Answer<Client["plans"]["get"]>;
type Plan = NonNullable<PlanAnswer["plan"]>;
type Report = Answer<Client["plans"]["reports"]>[number];
type Milestone = { title: string; dueOn: string; doneOn: string };

/** A plan, its reviews or a report changes the contract's obligations and the board's reviews due. */
const planChanges: Scope[] = ["plans", "contracts", "board"];

const planFieldIds: Record<string, string> = {
  "plan.monitoring": "plan-monitoring",
  "plan.governance": "plan-governance",
  "plan.paymentSchedule": "plan-payments",
  "plan.escalation": "plan-escalation",
  "plan.exitPlan": "plan-exit",
  "plan.agreedOn": "plan-agreed",
};

/**
 * The contract management plan (004 §5–6: monitoring, governance, milestones, payment schedule, escalation and
 * exit), its review log with the next review date, and, for High tier contracts, the supplier's monitoring
 * reports as they are received and assessed.
 */
export function PlanTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const contractId = () => props.detail.contract.id;
  const plan = councilQuery((procedures) => procedures.plans.get({ contractId: contractId() }));
  const [editing, setEditing] = createSignal(false);
  const [reviewing, setReviewing] = createSignal(false);

  return (
    <>
      <h2>Contract management plan</h2>
      <Query query={plan} loading="Loading the plan…">
        {(found) => (
          <>
            <p class="hint">
              {found().planRequired
                ? `${found().tier === "high" ? "High" : "Medium"} tier contracts keep a plan and review it at least every ${found().tier === "high" ? "six months" : "year"} (004 §5).`
                : "Low tier contracts do not need a plan (004 §5), but may keep one."}
            </p>
            <Show
              when={found().plan && !editing()}
              fallback={
                <Show
                  when={can("performance:write")}
                  fallback={<p class="empty">No contract management plan has been written.</p>}
                >
                  <PlanForm
                    contractId={contractId()}
                    plan={found().plan}
                    onSaved={(message) => {
                      setEditing(false);
                      props.announce(message);
                    }}
                    onCancel={found().plan ? () => setEditing(false) : undefined}
                  />
                </Show>
              }
            >
              {(_) => {
                const current = () => found().plan as Plan;
                return (
                  <>
                    <PlanView plan={current()} />
                    <Show when={can("performance:write")}>
                      <div class="button-row">
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => setEditing(true)}
                        >
                          Edit the plan
                        </button>
                        <button type="button" class="button" onClick={() => setReviewing(true)}>
                          Record a review
                        </button>
                      </div>
                    </Show>
                    <h3>Reviews</h3>
                    <p>
                      {current().nextReviewOn
                        ? `Next review due by ${format().date(current().nextReviewOn ?? "")}.`
                        : "This contract's tier sets no review date."}
                    </p>
                    <Show
                      when={found().reviews.length > 0}
                      fallback={<p class="empty">The plan has not been reviewed yet.</p>}
                    >
                      <TableWrap label="Plan reviews table">
                        <table class="table">
                          <caption class="visually-hidden">Reviews of the plan, latest first</caption>
                          <thead>
                            <tr>
                              <th scope="col">Reviewed</th>
                              <th scope="col">By</th>
                              <th scope="col">What was found or changed</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={found().reviews}>
                              {(review) => (
                                <tr>
                                  <td class="cell-nowrap">{format().date(review.reviewedOn)}</td>
                                  <td>{review.reviewerName}</td>
                                  <td>{review.note ?? "—"}</td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </TableWrap>
                    </Show>
                    <Attachments
                      ownerType="management_plan"
                      ownerId={contractId()}
                      contractId={contractId()}
                      title="Files attached to the plan"
                    />
                    <ReviewDialog
                      contractId={contractId()}
                      version={current().version}
                      open={reviewing()}
                      onClose={() => setReviewing(false)}
                      onReviewed={(message) => {
                        setReviewing(false);
                        props.announce(message);
                      }}
                    />
                  </>
                );
              }}
            </Show>
            <Show when={found().monitoringReportsRequired}>
              <MonitoringReports contractId={contractId()} announce={props.announce} />
            </Show>
          </>
        )}
      </Query>
    </>
  );
}

function PlanView(props: { plan: Plan }) {
  const { format } = useCouncil();
  const section = (title: string, text: string | null) => (
    <div class="summary-list__row">
      <dt>{title}</dt>
      <dd class="pre-line">{text ?? "Not written yet"}</dd>
    </div>
  );
  return (
    <>
      <dl class="summary-list">
        {section("Agreed", format().date(props.plan.agreedOn))}
        {section("Monitoring arrangements", props.plan.monitoring)}
        {section("Governance", props.plan.governance)}
        {section("Payment schedule", props.plan.paymentSchedule)}
        {section("Escalation of concerns", props.plan.escalation)}
        {section("Exit arrangements", props.plan.exitPlan)}
      </dl>
      <h3>Milestones and tasks</h3>
      <Show when={props.plan.milestones.length > 0} fallback={<p class="empty">No milestones are set.</p>}>
        <TableWrap label="Milestones table">
          <table class="table">
            <caption class="visually-hidden">Milestones and tasks of the plan</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Due</th>
                <th scope="col">Done</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.plan.milestones}>
                {(milestone) => (
                  <tr>
                    <th scope="row">{milestone.title}</th>
                    <td class="cell-nowrap">{format().date(milestone.dueOn)}</td>
                    <td class="cell-nowrap">
                      {milestone.doneOn ? format().date(milestone.doneOn) : "Not yet"}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
    </>
  );
}

function PlanForm(props: {
  contractId: string;
  plan: Plan | null;
  onSaved: (message: string) => void;
  onCancel: (() => void) | undefined;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [monitoring, setMonitoring] = createSignal(props.plan?.monitoring ?? "");
  const [governance, setGovernance] = createSignal(props.plan?.governance ?? "");
  const [payments, setPayments] = createSignal(props.plan?.paymentSchedule ?? "");
  const [escalation, setEscalation] = createSignal(props.plan?.escalation ?? "");
  const [exitPlan, setExitPlan] = createSignal(props.plan?.exitPlan ?? "");
  const [agreedOn, setAgreedOn] = createSignal(props.plan?.agreedOn ?? todayIso());
  const [milestones, setMilestones] = createSignal<Milestone[]>(
    (props.plan?.milestones ?? []).map((each) => ({ ...each, doneOn: each.doneOn ?? "" })),
  );
  const error = (name: string) => submission.fieldError(`plan.${name}`);
  const setMilestone = (index: number, change: Partial<Milestone>) =>
    setMilestones((list) => list.map((each, at) => (at === index ? { ...each, ...change } : each)));
  const fieldIds = () => ({
    ...planFieldIds,
    ...Object.fromEntries(
      milestones().flatMap((_, index) => [
        [`plan.milestones.${index}.title`, `milestone-${index}-title`],
        [`plan.milestones.${index}.dueOn`, `milestone-${index}-due`],
        [`plan.milestones.${index}.doneOn`, `milestone-${index}-done`],
      ]),
    ),
  });

  const save = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.plans.save({
            contractId: props.contractId,
            version: props.plan?.version ?? null,
            plan: {
              monitoring: monitoring(),
              governance: governance(),
              paymentSchedule: payments(),
              escalation: escalation(),
              exitPlan: exitPlan(),
              agreedOn: agreedOn(),
              milestones: milestones().map((each) => ({ ...each, doneOn: each.doneOn || null })),
            },
          }),
        planChanges,
      ),
    );
    // Version 1 is the plan's first save (the page's copy of the plan is already the new one by now).
    if (result.ok) {
      props.onSaved(
        result.value.version === 1 ? "The contract management plan is written." : "The plan has been saved.",
      );
    }
  };

  return (
    <section class="panel" aria-labelledby="plan-form-heading">
      <h3 id="plan-form-heading">{props.plan ? "Edit the plan" : "Write the plan"}</h3>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds()} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextareaField
          id="plan-monitoring"
          name="monitoring"
          label="Monitoring arrangements"
          hint="Meetings, reports and KPIs, how often, and who looks at them."
          value={monitoring()}
          onInput={(event) => setMonitoring(event.currentTarget.value)}
          error={error("monitoring")}
        />
        <TextareaField
          id="plan-governance"
          name="governance"
          label="Governance"
          hint="Who is accountable and where decisions are taken."
          value={governance()}
          onInput={(event) => setGovernance(event.currentTarget.value)}
          error={error("governance")}
        />
        <TextareaField
          id="plan-payments"
          name="paymentSchedule"
          label="Payment schedule (optional)"
          value={payments()}
          onInput={(event) => setPayments(event.currentTarget.value)}
          error={error("paymentSchedule")}
        />
        <TextareaField
          id="plan-escalation"
          name="escalation"
          label="Escalation of concerns (optional)"
          value={escalation()}
          onInput={(event) => setEscalation(event.currentTarget.value)}
          error={error("escalation")}
        />
        <TextareaField
          id="plan-exit"
          name="exitPlan"
          label="Exit arrangements (optional)"
          value={exitPlan()}
          onInput={(event) => setExitPlan(event.currentTarget.value)}
          error={error("exitPlan")}
        />
        <Field
          id="plan-agreed"
          name="agreedOn"
          label="Agreed on"
          type="date"
          class="input input--date"
          value={agreedOn()}
          onInput={(event) => setAgreedOn(event.currentTarget.value)}
          error={error("agreedOn")}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Milestones and tasks</legend>
          <Show when={milestones().length === 0}>
            <p class="hint">No milestones yet.</p>
          </Show>
          <Index each={milestones()}>
            {(milestone, index) => (
              <div class="field-grid">
                <Field
                  id={`milestone-${index}-title`}
                  name={`milestone-${index}-title`}
                  label={`Milestone ${index + 1}`}
                  value={milestone().title}
                  onInput={(event) => setMilestone(index, { title: event.currentTarget.value })}
                  error={error(`milestones.${index}.title`)}
                />
                <Field
                  id={`milestone-${index}-due`}
                  name={`milestone-${index}-due`}
                  label="Due"
                  type="date"
                  class="input input--date"
                  value={milestone().dueOn}
                  onInput={(event) => setMilestone(index, { dueOn: event.currentTarget.value })}
                  error={error(`milestones.${index}.dueOn`)}
                />
                <Field
                  id={`milestone-${index}-done`}
                  name={`milestone-${index}-done`}
                  label="Done (optional)"
                  type="date"
                  class="input input--date"
                  value={milestone().doneOn}
                  onInput={(event) => setMilestone(index, { doneOn: event.currentTarget.value })}
                  error={error(`milestones.${index}.doneOn`)}
                />
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => setMilestones((list) => list.filter((_, at) => at !== index))}
                >
                  Remove<span class="visually-hidden"> milestone {index + 1}</span>
                </button>
              </div>
            )}
          </Index>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setMilestones((list) => [...list, { title: "", dueOn: "", doneOn: "" }])}
          >
            Add a milestone
          </button>
        </fieldset>
        <div class="button-row">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Saving…" : "Save the plan"}
          </button>
          <Show when={props.onCancel}>
            {(cancel) => (
              <button type="button" class="button button--secondary" onClick={() => cancel()()}>
                Cancel
              </button>
            )}
          </Show>
        </div>
      </form>
    </section>
  );
}

function ReviewDialog(props: {
  contractId: string;
  version: number;
  open: boolean;
  onClose: () => void;
  onReviewed: (message: string) => void;
}) {
  const mutate = councilMutations();
  const { format } = useCouncil();
  const submission = createSubmission();
  const [reviewedOn, setReviewedOn] = createSignal(todayIso());
  const [note, setNote] = createSignal("");
  const save = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.plans.review({
            contractId: props.contractId,
            version: props.version,
            reviewedOn: reviewedOn(),
            note: note(),
          }),
        planChanges,
      ),
    );
    if (!result.ok) return;
    setNote("");
    const next = result.value.nextReviewOn;
    props.onReviewed(`The review is recorded.${next ? ` The next is due by ${format().date(next)}.` : ""}`);
  };
  return (
    <FormDialog
      title="Record a review of the plan"
      open={props.open}
      onClose={props.onClose}
      submission={submission}
      fieldIds={{ reviewedOn: "review-date", note: "review-note" }}
      onSubmit={() => void save()}
      submitLabel="Record the review"
    >
      <Field
        id="review-date"
        name="reviewedOn"
        label="Reviewed on"
        type="date"
        class="input input--date"
        value={reviewedOn()}
        onInput={(event) => setReviewedOn(event.currentTarget.value)}
        error={submission.fieldError("reviewedOn")}
      />
      <TextareaField
        id="review-note"
        name="note"
        label="What was found or changed (optional)"
        value={note()}
        onInput={(event) => setNote(event.currentTarget.value)}
        error={submission.fieldError("note")}
      />
    </FormDialog>
  );
}

function MonitoringReports(props: { contractId: string; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const reports = councilQuery((procedures) => procedures.plans.reports({ contractId: props.contractId }));
  const [recording, setRecording] = createSignal(false);
  const [assessing, setAssessing] = createSignal<Report | null>(null);
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Supplier monitoring reports</h2>
      <p class="hint">
        High tier contracts receive a monitoring report from the supplier, with social value results, for each
        account management meeting (004 §5), and assess it.
      </p>
      <Query query={reports} loading="Loading the monitoring reports…">
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={<p class="empty">No monitoring report has been received.</p>}
          >
            <TableWrap label="Monitoring reports table">
              <table class="table">
                <caption class="visually-hidden">Monitoring reports, latest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    <th scope="col">Received</th>
                    <th scope="col">Summary</th>
                    <th scope="col">Assessment</th>
                    <Show when={can("performance:write")}>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(report) => (
                      <tr>
                        <td class="cell-nowrap">
                          {format().date(report.periodStart)} to {format().date(report.periodEnd)}
                        </td>
                        <td class="cell-nowrap">{format().date(report.receivedOn)}</td>
                        <td>{report.summary ?? "—"}</td>
                        <td>
                          <Show when={report.assessment} fallback="Not assessed yet">
                            {(assessment) => (
                              <>
                                {monitoringAssessmentLabels[assessment()]}
                                <span class="cell-meta">
                                  {report.assessorName}, {format().date(report.assessedOn ?? "")}
                                  {report.assessmentNote ? `: ${report.assessmentNote}` : ""}
                                </span>
                              </>
                            )}
                          </Show>
                        </td>
                        <Show when={can("performance:write")}>
                          <td class="cell-actions">
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              onClick={() => setAssessing(report)}
                            >
                              Assess
                              <span class="visually-hidden">
                                {" "}
                                the report received {format().date(report.receivedOn)}
                              </span>
                            </button>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
            <For each={found()}>
              {(report) => (
                <Attachments
                  ownerType="monitoring_report"
                  ownerId={report.id}
                  contractId={props.contractId}
                  title={`Files of the report received ${format().date(report.receivedOn)}`}
                />
              )}
            </For>
          </Show>
        )}
      </Query>
      <Show when={can("performance:write")}>
        <div class="button-row">
          <button type="button" class="button button--secondary" onClick={() => setRecording(true)}>
            Record a report received
          </button>
        </div>
        <RecordReportDialog
          contractId={props.contractId}
          open={recording()}
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            props.announce("The monitoring report is recorded.");
          }}
        />
        <AssessDialog
          report={assessing()}
          onClose={() => setAssessing(null)}
          onAssessed={() => {
            setAssessing(null);
            props.announce("The assessment is recorded.");
          }}
        />
      </Show>
    </section>
  );
}

function RecordReportDialog(props: {
  contractId: string;
  open: boolean;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [periodStart, setPeriodStart] = createSignal("");
  const [periodEnd, setPeriodEnd] = createSignal("");
  const [receivedOn, setReceivedOn] = createSignal(todayIso());
  const [summary, setSummary] = createSignal("");
  const error = (name: string) => submission.fieldError(`report.${name}`);
  const save = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.plans.recordReport({
            contractId: props.contractId,
            report: {
              periodStart: periodStart(),
              periodEnd: periodEnd(),
              receivedOn: receivedOn(),
              summary: summary(),
            },
            idempotencyKey: key.current(),
          }),
        planChanges,
      ),
    );
    if (!result.ok) return;
    key.renew();
    for (const clear of [setPeriodStart, setPeriodEnd, setSummary]) clear("");
    props.onRecorded();
  };
  return (
    <FormDialog
      title="Record a monitoring report"
      open={props.open}
      onClose={props.onClose}
      submission={submission}
      fieldIds={{
        "report.periodStart": "report-start",
        "report.periodEnd": "report-end",
        "report.receivedOn": "report-received",
        "report.summary": "report-summary",
      }}
      onSubmit={() => void save()}
      submitLabel="Record the report"
    >
      <div class="field-grid">
        <Field
          id="report-start"
          name="periodStart"
          label="Period from"
          type="date"
          class="input input--date"
          value={periodStart()}
          onInput={(event) => setPeriodStart(event.currentTarget.value)}
          error={error("periodStart")}
        />
        <Field
          id="report-end"
          name="periodEnd"
          label="Period to"
          type="date"
          class="input input--date"
          value={periodEnd()}
          onInput={(event) => setPeriodEnd(event.currentTarget.value)}
          error={error("periodEnd")}
        />
        <Field
          id="report-received"
          name="receivedOn"
          label="Received on"
          type="date"
          class="input input--date"
          value={receivedOn()}
          onInput={(event) => setReceivedOn(event.currentTarget.value)}
          error={error("receivedOn")}
        />
      </div>
      <TextareaField
        id="report-summary"
        name="summary"
        label="What it reports, with the social value results (optional)"
        value={summary()}
        onInput={(event) => setSummary(event.currentTarget.value)}
        error={error("summary")}
      />
    </FormDialog>
  );
}

function AssessDialog(props: { report: Report | null; onClose: () => void; onAssessed: () => void }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [assessment, setAssessment] = createSignal<MonitoringAssessment>("satisfactory");
  const [note, setNote] = createSignal("");
  const [assessedOn, setAssessedOn] = createSignal(todayIso());
  const save = async (report: Report) => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.plans.assessReport({
            reportId: report.id,
            version: report.version,
            assessment: assessment(),
            assessmentNote: note(),
            assessedOn: assessedOn(),
          }),
        planChanges,
      ),
    );
    if (!result.ok) return;
    setNote("");
    props.onAssessed();
  };
  return (
    <FormDialog
      title="Assess the monitoring report"
      open={props.report !== null}
      onClose={props.onClose}
      submission={submission}
      fieldIds={{
        assessment: "assessment-satisfactory",
        assessmentNote: "assessment-note",
        assessedOn: "assessed-on",
      }}
      onSubmit={() => {
        const report = props.report;
        if (report) void save(report);
      }}
      submitLabel="Record the assessment"
    >
      <fieldset class="fieldset fieldset--plain">
        <legend class="fieldset__legend">Is the contract on track, on this report?</legend>
        <For each={monitoringAssessments}>
          {(choice) => (
            <div class="radio">
              <input
                class="radio__input"
                type="radio"
                id={`assessment-${choice}`}
                name="assessment"
                checked={assessment() === choice}
                onChange={() => setAssessment(choice)}
              />
              <label class="radio__label" for={`assessment-${choice}`}>
                {monitoringAssessmentLabels[choice]}
              </label>
            </div>
          )}
        </For>
      </fieldset>
      <TextareaField
        id="assessment-note"
        name="assessmentNote"
        label="What the concerns are (needed unless satisfactory)"
        value={note()}
        onInput={(event) => setNote(event.currentTarget.value)}
        error={submission.fieldError("assessmentNote")}
      />
      <Field
        id="assessed-on"
        name="assessedOn"
        label="Assessed on"
        type="date"
        class="input input--date"
        value={assessedOn()}
        onInput={(event) => setAssessedOn(event.currentTarget.value)}
        error={submission.fieldError("assessedOn")}
      />
    </FormDialog>
  );
}
