import { commentaryRequired, type RagStatus, ragStatuses, ragStatusLabels } from "@steward/domain";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { RagStrip } from "../../components/charts/rag-strip.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { RagBadge } from "../../components/rag-badge.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Scope } from "../../query.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { OpenImprovementPlan } from "./open-improvement-plan.tsx";
import styles from "./rag-tab.module.css";

const fieldIds = {
  month: "rag-month-trigger",
  "entry.status": "rag-status-green",
  "entry.commentary": "rag-commentary",
};

/** A month's status changes the strip, the suggestion, the obligations, the board and the home. */
const ragChanges: Scope[] = ["rag", "contracts", "board"];

/**
 * 004 §12.3: the contract's monthly RAG. The strip of months; for the chosen month (last month unless another
 * is picked) the suggested status with its reasons, and the form to set the status, commentary required for
 * Amber and Red. A Red month offers an improvement plan.
 */
export function RagTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const contractId = () => props.detail.contract.id;
  const strip = councilQuery((procedures) => procedures.rag.list({ contractId: contractId() }));
  const [month, setMonth] = createSignal<string | null>(null);
  const chosen = () => month() ?? strip.data?.dueMonth ?? null;
  const suggestion = councilQuery((procedures) => {
    const wanted = chosen();
    return wanted ? procedures.rag.suggest({ contractId: contractId(), month: wanted.slice(0, 7) }) : null;
  });
  return (
    <>
      <h2>Monthly RAG status</h2>
      <p>
        Each month the contract manager gives the contract a Red, Amber or Green status, with commentary for
        Amber and Red (004 §12.3). The board reviews every Amber and Red contract.
      </p>
      <Query query={strip} loading="Loading the months…">
        {(found) => (
          <>
            <h3>The last {found().months.length} months</h3>
            <RagStrip
              label={props.detail.contract.reference}
              months={found().months.map((each) => ({
                month: each.month,
                status: each.entry?.status ?? null,
                commentary: each.entry?.commentary ?? null,
              }))}
            />
            <Show when={found().months.length > 0}>
              <ChoiceSelect
                id="rag-month"
                label="Month"
                hint="Last month's status is due first; earlier months can be set or corrected."
                choices={[...found().months].reverse().map((each) => ({
                  value: each.month,
                  label: `${format().month(each.month)}${each.entry ? ` (${ragStatusLabels[each.entry.status]})` : each.month === found().dueMonth ? " (due)" : ""}`,
                }))}
                value={chosen()}
                onChange={setMonth}
              />
            </Show>
          </>
        )}
      </Query>
      <Show when={chosen()}>
        {(wanted) => (
          <Query query={suggestion} loading="Working out the suggested status…">
            {(found) => (
              <>
                <section class="panel" aria-labelledby="rag-suggestion-heading">
                  <h3 id="rag-suggestion-heading">
                    Suggested for {format().month(wanted())}: <RagBadge status={found().suggestion.status} />
                  </h3>
                  <p class="hint">
                    From the KPI ratings for the month, the obligations overdue today and the improvement
                    plans open. You decide the status.
                  </p>
                  <ul class={styles.reasons}>
                    <For each={found().suggestion.reasons}>{(reason) => <li>{reason}</li>}</For>
                  </ul>
                </section>
                <Show when={found().entry}>
                  {(entry) => (
                    <p>
                      Set to <RagBadge status={entry().status} /> on {format().dateTime(entry().setAt)}.
                      <Show when={entry().commentary}>
                        {(commentary) => <span class={styles.commentary}>{commentary()}</span>}
                      </Show>
                    </p>
                  )}
                </Show>
                <Show when={found().entry?.status === "red"}>
                  <OpenImprovementPlan contractId={contractId()} trigger="red_month" month={wanted()} />
                </Show>
                <Show
                  when={strip.data?.setterProblem === null && props.detail.contract.archivedAt === null}
                  fallback={
                    <>
                      <Show when={!found().entry}>
                        <p class="empty">No status has been set for {format().month(wanted())}.</p>
                      </Show>
                      <Show when={can("performance:write") && strip.data?.setterProblem}>
                        {(problem) => <p class="hint">{problem()}</p>}
                      </Show>
                    </>
                  }
                >
                  <RagForm
                    contractId={contractId()}
                    month={wanted()}
                    entry={found().entry}
                    suggested={found().suggestion.status}
                    announce={props.announce}
                  />
                </Show>
              </>
            )}
          </Query>
        )}
      </Show>
    </>
  );
}

function RagForm(props: {
  contractId: string;
  month: string;
  entry: { status: RagStatus; commentary: string | null; version: number } | null;
  suggested: RagStatus;
  announce: (message: string) => void;
}) {
  const { format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [status, setStatus] = createSignal<RagStatus>(props.suggested);
  const [commentary, setCommentary] = createSignal("");
  // A new month (or a status saved elsewhere) starts from what is set, else from the suggestion.
  createEffect(
    on(
      () => [props.month, props.entry?.version] as const,
      () => {
        setStatus(props.entry?.status ?? props.suggested);
        setCommentary(props.entry?.commentary ?? "");
        submission.clear();
      },
    ),
  );
  const save = async () => {
    const result = await submission.submit(async () => {
      if (commentaryRequired(status()) && commentary().trim() === "") {
        const message =
          "Say what is wrong and what is being done: Amber and Red need commentary (004 §12.3).";
        throw new FormProblem(message, { "entry.commentary": message });
      }
      return mutate(
        (procedures) =>
          procedures.rag.set({
            contractId: props.contractId,
            month: props.month.slice(0, 7),
            version: props.entry?.version ?? null,
            entry: { status: status(), commentary: commentary() },
            idempotencyKey: key.current(),
          }),
        ragChanges,
      );
    });
    if (!result.ok) return;
    key.renew();
    props.announce(`${format().month(props.month)} is set to ${ragStatusLabels[status()]}.`);
  };
  return (
    <section class="panel" aria-labelledby="rag-form-heading">
      <h3 id="rag-form-heading">
        {props.entry ? "Change the status" : "Set the status"} for {format().month(props.month)}
      </h3>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset class="fieldset fieldset--plain">
          <legend class="fieldset__legend">Status</legend>
          <For each={ragStatuses}>
            {(each) => (
              <div class="radio">
                <input
                  class="radio__input"
                  type="radio"
                  name="rag-status"
                  id={`rag-status-${each}`}
                  value={each}
                  checked={status() === each}
                  onChange={() => setStatus(each)}
                />
                <label class="radio__label" for={`rag-status-${each}`}>
                  {ragStatusLabels[each]}
                  {each === props.suggested ? " (suggested)" : ""}
                </label>
              </div>
            )}
          </For>
        </fieldset>
        <TextareaField
          id="rag-commentary"
          name="commentary"
          label={commentaryRequired(status()) ? "Commentary" : "Commentary (optional)"}
          hint="What is going wrong, what is being done and by when. The board reads it."
          value={commentary()}
          onInput={(event) => setCommentary(event.currentTarget.value)}
          error={submission.fieldError("entry.commentary")}
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Saving…" : `Set ${ragStatusLabels[status()]}`}
          </button>
        </div>
      </form>
    </section>
  );
}
