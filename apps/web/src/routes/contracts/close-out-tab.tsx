import { type ExitChecklistEntry, kpiRatingLabels, kpiRatings } from "@steward/domain";
import { createSignal, For, Index, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { Attachments } from "../../components/attachments.tsx";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Scope } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";
import styles from "./close-out-tab.module.css";
import type { ContractDetail } from "./contract-detail.ts";

type CloseOutAnswer = Answer<Client["closeOut"]["get"]>;

/** Completing a close-out closes the contract: its page, the register and the compliance figures change. */
const closeOutChanges: Scope[] = ["closeOut", "contracts", "board"];

/**
 * Close-out (004 §6 "Contract close", 001 §8): the exit checklist, the final evaluation written from the KPIs'
 * record over the contract's life, and the lessons learned. Completing it sets the contract's lifecycle stage
 * to Closed.
 */
export function CloseOutTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const contractId = () => props.detail.contract.id;
  const closeOut = councilQuery((procedures) => procedures.closeOut.get({ contractId: contractId() }));
  return (
    <>
      <h2>Close-out</h2>
      <Query query={closeOut} loading="Loading the close-out…">
        {(found) => (
          <>
            <KpiEvaluation evaluation={found().evaluation} />
            <CloseOutForm contractId={contractId()} found={found()} announce={props.announce} />
            <Show when={found().closeOut}>
              <Attachments
                ownerType="close_out"
                ownerId={contractId()}
                contractId={contractId()}
                title="Files attached to the close-out"
              />
            </Show>
          </>
        )}
      </Query>
      <Lessons contractId={contractId()} announce={props.announce} />
    </>
  );
}

function KpiEvaluation(props: { evaluation: CloseOutAnswer["evaluation"] }) {
  const summary = () => props.evaluation;
  return (
    <section aria-labelledby="evaluation-heading">
      <h3 id="evaluation-heading">Performance against the KPIs</h3>
      <Show
        when={summary().kpis.length > 0}
        fallback={<p class="empty">This contract has no KPIs to evaluate it against.</p>}
      >
        <p>
          {summary().measured} of {summary().kpis.length} KPIs measured; {summary().endedGood} ended rated
          Good.
          <Show when={summary().percentGood !== null}>
            {" "}
            {summary().percentGood}% of the periods measured were Good.
          </Show>
        </p>
        <TableWrap label="KPI evaluation table">
          <table class="table">
            <caption class="visually-hidden">Each KPI's ratings over the contract's life</caption>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col" class="cell-numeric">
                  Periods
                </th>
                <For each={kpiRatings}>
                  {(rating) => (
                    <th scope="col" class="cell-numeric">
                      {kpiRatingLabels[rating]}
                    </th>
                  )}
                </For>
                <th scope="col">Last period</th>
              </tr>
            </thead>
            <tbody>
              <For each={summary().kpis}>
                {(kpi) => (
                  <tr>
                    <th scope="row">{kpi.name}</th>
                    <td class="cell-numeric">{kpi.periods}</td>
                    <For each={kpiRatings}>
                      {(rating) => <td class="cell-numeric">{kpi.ratings[rating] ?? 0}</td>}
                    </For>
                    <td>{kpi.latestRating ? kpiRatingLabels[kpi.latestRating] : "Never measured"}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
    </section>
  );
}

function CloseOutForm(props: {
  contractId: string;
  found: CloseOutAnswer;
  announce: (message: string) => void;
}) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const stored = () => props.found.closeOut;
  const completed = () => stored()?.completedOn ?? null;
  const [checklist, setChecklist] = createSignal<ExitChecklistEntry[]>(
    stored()?.checklist ?? props.found.suggestedChecklist,
  );
  const [evaluation, setEvaluation] = createSignal(stored()?.finalEvaluation ?? "");
  const [newItem, setNewItem] = createSignal("");
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const editable = () => can("performance:write") && completed() === null;
  const setEntry = (index: number, change: Partial<ExitChecklistEntry>) =>
    setChecklist((list) => list.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const fieldIds = () => ({
    finalEvaluation: "final-evaluation",
    checklist: "new-checklist-item",
    ...Object.fromEntries(checklist().map((_, index) => [`checklist.${index}.done`, `exit-item-${index}`])),
    ...Object.fromEntries(
      checklist().map((_, index) => [`closeOut.checklist.${index}.note`, `exit-item-${index}-note`]),
    ),
  });

  const save = () =>
    mutate(
      (procedures) =>
        procedures.closeOut.save({
          contractId: props.contractId,
          version: stored()?.version ?? null,
          closeOut: { checklist: checklist(), finalEvaluation: evaluation() },
        }),
      closeOutChanges,
    );

  const saveOnly = async () => {
    const result = await submission.submit(save);
    if (result.ok) props.announce("The close-out is saved.");
  };

  const complete = () =>
    setConfirmation({
      title: "Complete the close-out and close the contract?",
      description: (
        <p>
          The contract's lifecycle stage becomes Closed and its close-out obligation is met. The checklist and
          the evaluation can no longer be changed.
        </p>
      ),
      confirmLabel: "Complete and close",
      run: async () => {
        const result = await submission.submit(async () => {
          const saved = await save();
          return mutate(
            (procedures) =>
              procedures.closeOut.complete({ contractId: props.contractId, version: saved.version }),
            closeOutChanges,
          );
        });
        if (!result.ok) return;
        props.announce("The close-out is complete: the contract is closed.");
      },
    });

  return (
    <section class="panel" aria-labelledby="exit-heading">
      <h3 id="exit-heading">Exit checklist and final evaluation</h3>
      <Show when={completed()}>
        {(on) => (
          <p class="notice notice--success">Completed on {format().date(on())}: the contract is closed.</p>
        )}
      </Show>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds()} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void saveOnly();
        }}
      >
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Exit checklist (004 §6)</legend>
          <p class="hint">
            Tick each item once it is done. If one does not apply, tick it and say why in its note.
          </p>
          <Index each={checklist()}>
            {(entry, index) => (
              <div class={styles.item}>
                <Show when={submission.fieldError(`checklist.${index}.done`)}>
                  {(message) => (
                    <p class="field-error" id={`exit-item-${index}-error`}>
                      <span class="visually-hidden">Error: </span>
                      {message()}
                    </p>
                  )}
                </Show>
                <CheckboxField
                  id={`exit-item-${index}`}
                  label={entry().item}
                  checked={entry().done}
                  disabled={!editable()}
                  onChange={(done) => setEntry(index, { done })}
                />
                <Field
                  id={`exit-item-${index}-note`}
                  name={`exit-item-${index}-note`}
                  label={`Note on "${entry().item}" (optional)`}
                  value={entry().note ?? ""}
                  disabled={!editable()}
                  onInput={(event) => setEntry(index, { note: event.currentTarget.value || null })}
                  error={submission.fieldError(`closeOut.checklist.${index}.note`)}
                />
              </div>
            )}
          </Index>
          <Show when={editable()}>
            <div class="field-grid">
              <Field
                id="new-checklist-item"
                name="newItem"
                label="Add an item of your own"
                value={newItem()}
                onInput={(event) => setNewItem(event.currentTarget.value)}
                error={submission.fieldError("checklist")}
              />
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  const item = newItem().trim();
                  if (item === "") return;
                  setChecklist((list) => [...list, { item, done: false, note: null }]);
                  setNewItem("");
                }}
              >
                Add item
              </button>
            </div>
          </Show>
        </fieldset>
        <TextareaField
          id="final-evaluation"
          name="finalEvaluation"
          label="Final evaluation"
          hint="How the contract performed against its KPIs and its purpose; what the council should do next (re-procure, change, bring in-house)."
          value={evaluation()}
          disabled={!editable()}
          onInput={(event) => setEvaluation(event.currentTarget.value)}
          error={
            submission.fieldError("finalEvaluation") ?? submission.fieldError("closeOut.finalEvaluation")
          }
        />
        <Show when={editable()}>
          <div class="button-row">
            <button type="submit" class="button button--secondary" disabled={submission.pending()}>
              {submission.pending() ? "Saving…" : "Save the close-out"}
            </button>
            <button type="button" class="button" disabled={submission.pending()} onClick={complete}>
              Complete the close-out
            </button>
          </div>
        </Show>
      </form>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </section>
  );
}

function Lessons(props: { contractId: string; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const lessons = councilQuery((procedures) => procedures.lessons.list({ contractId: props.contractId }));
  const [title, setTitle] = createSignal("");
  const [body, setBody] = createSignal("");
  const record = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.lessons.create({
            contractId: props.contractId,
            title: title(),
            body: body(),
            idempotencyKey: key.current(),
          }),
        ["lessons"],
      ),
    );
    if (!result.ok) return;
    key.renew();
    setTitle("");
    setBody("");
    props.announce("The lesson is recorded; the whole council can find it on the Lessons learned page.");
  };
  return (
    <section aria-labelledby="lessons-heading">
      <h3 id="lessons-heading">Lessons learned</h3>
      <Query query={lessons} loading="Loading the lessons…">
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={<p class="empty">No lessons have been recorded for this contract.</p>}
          >
            <ul class={styles.lessons}>
              <For each={found()}>
                {(lesson) => (
                  <li>
                    <strong>{lesson.title}</strong>
                    <p class="pre-line">{lesson.body}</p>
                    <span class="cell-meta">
                      {lesson.authorName}, {format().date(String(lesson.createdAt).slice(0, 10))}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Query>
      <Show when={can("performance:write")}>
        <Show when={submission.problem()} keyed>
          {(problem) => (
            <ErrorSummary problem={problem} fieldIds={{ title: "lesson-title", body: "lesson-body" }} />
          )}
        </Show>
        <form
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            void record();
          }}
        >
          <Field
            id="lesson-title"
            name="title"
            label="Lesson"
            hint="In a few words, e.g. “Agree the data format at kickoff”."
            value={title()}
            onInput={(event) => setTitle(event.currentTarget.value)}
            error={submission.fieldError("title")}
          />
          <TextareaField
            id="lesson-body"
            name="body"
            label="What happened, and what to do next time"
            value={body()}
            onInput={(event) => setBody(event.currentTarget.value)}
            error={submission.fieldError("body")}
          />
          <div class="button-row">
            <button type="submit" class="button button--secondary" disabled={submission.pending()}>
              {submission.pending() ? "Recording…" : "Record the lesson"}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
