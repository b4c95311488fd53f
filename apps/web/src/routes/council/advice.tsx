import { A, useNavigate } from "@solidjs/router";
import {
  type AdvisoryNoteKind,
  advisoryNoteKindLabels,
  advisoryNoteStatusLabels,
  type RecommendationDecision,
  recommendationDecisionLabels,
  recommendationDecisions,
  reviewRatingLabels,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, formText } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { RadioGroup } from "../../components/radio-group.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import { todayIso } from "../contracts/invoice-form.tsx";
import styles from "./advice.module.css";

type Note = Answer<Client["advisory"]["notes"]>[number];

/**
 * `/t/:slug/advice`: what the council's advisor has written (issue 9 §7): notes and recommendations on the council
 * or a contract, which the council answers, and performance reviews once shared. The advisor writes them here.
 */
export function Advice() {
  const { council, can } = useCouncil();
  return (
    <>
      <PageHeading title="Advice" caption={council().name} />
      <p>
        Notes, recommendations and performance reviews from the advisors the council has engaged (see the
        Advisors page), and the council's answers.
      </p>
      <Reviews />
      <Show when={can("advisory:write")}>
        <NoteForm />
      </Show>
      <Notes />
    </>
  );
}

function Notes() {
  const notes = councilQuery((procedures) => procedures.advisory.notes({}));
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes and recommendations</h2>
      <Query query={notes} loading="Loading notes…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>No advisor has written a note yet.</p>}>
            <ul class={styles.notes}>
              <For each={found()}>{(note) => <NoteItem note={note} />}</For>
            </ul>
          </Show>
        )}
      </Query>
    </section>
  );
}

function NoteItem(props: { note: Note }) {
  const { council, format, can } = useCouncil();
  return (
    <li class={styles.note}>
      <h3 class={styles.title}>
        <span class={styles.kind}>{advisoryNoteKindLabels[props.note.kind]}:</span> {props.note.title}
      </h3>
      <p class="cell-meta">
        {props.note.authorName}, {format().date(String(props.note.createdAt).slice(0, 10))}
        <Show when={props.note.contractId}>
          {(contractId) => (
            <>
              {" "}
              on{" "}
              <A href={`/t/${council().slug}/contracts/${contractId()}`}>
                {props.note.contractReference}: {props.note.contractTitle}
              </A>
            </>
          )}
        </Show>
        . <strong>{advisoryNoteStatusLabels[props.note.status]}</strong>
      </p>
      <p class="pre-line">{props.note.body}</p>
      <Show when={props.note.replies.length > 0}>
        <ul class={styles.replies} aria-label={`Replies to ${props.note.title}`}>
          <For each={props.note.replies}>
            {(reply) => (
              <li class={styles.reply}>
                <p class="cell-meta">
                  {reply.authorName} ({reply.fromCouncil ? "the council" : "advisor"}),{" "}
                  {format().date(String(reply.createdAt).slice(0, 10))}
                  <Show when={reply.decision}>
                    {(decision) => <>: {recommendationDecisionLabels[decision()]}</>}
                  </Show>
                </p>
                <p class="pre-line">{reply.body}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={can("advisory:respond") || can("advisory:write")}>
        <ReplyForm note={props.note} asCouncil={can("advisory:respond")} />
      </Show>
    </li>
  );
}

function ReplyForm(props: { note: Note; asCouncil: boolean }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [decision, setDecision] = createSignal<RecommendationDecision | "none">("none");
  const id = (field: string) => `reply-${props.note.id}-${field}`;
  // A recommendation stands at the council's latest decision (its status); an answer without one leaves it so.
  const keepLabel = () => {
    const status = props.note.status;
    return status === "awaiting_answer" || status === "answered"
      ? "No decision yet"
      : `Leave it ${recommendationDecisionLabels[status].toLowerCase()}`;
  };
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = formText(form, "body");
    const chosen = decision();
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          props.asCouncil
            ? procedures.advisory.answer({
                noteId: props.note.id,
                body,
                decision: chosen === "none" ? null : chosen,
              })
            : procedures.advisory.followUp({ noteId: props.note.id, body }),
        ["advisory"],
      ),
    );
    if (result.ok) {
      form.reset();
      setDecision("none");
    }
  };
  return (
    <form novalidate onSubmit={onSubmit} class={styles.replyForm}>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={{ body: id("body") }} />}
      </Show>
      <Show when={props.asCouncil && props.note.kind === "recommendation"}>
        <RadioGroup
          name={id("decision")}
          legend="The council's decision"
          choices={[
            { value: "none" as const, label: keepLabel() },
            ...recommendationDecisions.map((value) => ({
              value,
              label: recommendationDecisionLabels[value],
            })),
          ]}
          value={decision()}
          onChange={setDecision}
        />
      </Show>
      <TextareaField
        id={id("body")}
        name="body"
        label={props.asCouncil ? `Answer "${props.note.title}"` : `Reply under "${props.note.title}"`}
        rows={3}
        error={submission.fieldError("body")}
      />
      <button type="submit" class="button button--secondary" disabled={submission.pending()}>
        {submission.pending() ? "Sending…" : props.asCouncil ? "Send the council's answer" : "Send reply"}
      </button>
    </form>
  );
}

const noteFieldIds = { title: "note-title", body: "note-body", contractId: "note-contract" };

function NoteForm() {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [kind, setKind] = createSignal<AdvisoryNoteKind>("recommendation");
  const contracts = councilQuery((procedures) => procedures.contracts.list({ pageSize: 200 }));
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const contractId = formText(form, "contractId");
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.advisory.addNote({
            kind: kind(),
            title: formText(form, "title"),
            body: formText(form, "body"),
            contractId: contractId || null,
            idempotencyKey: key.current(),
          }),
        ["advisory"],
      ),
    );
    if (result.ok) {
      key.renew();
      form.reset();
    }
  };
  return (
    <section aria-labelledby="note-form-heading" class="panel">
      <h2 id="note-form-heading">Write a note or recommendation</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={noteFieldIds} />}
      </Show>
      <form novalidate onSubmit={onSubmit}>
        <RadioGroup
          name="note-kind"
          legend="Kind"
          choices={[
            { value: "recommendation" as const, label: "Recommendation (asks the council for a decision)" },
            { value: "note" as const, label: "Note" },
          ]}
          value={kind()}
          onChange={setKind}
        />
        <div class="field">
          <label class="label" for={noteFieldIds.contractId}>
            About
          </label>
          <select class="input" id={noteFieldIds.contractId} name="contractId">
            <option value="">The council as a whole</option>
            <Show when={contracts.data}>
              {(found) => (
                <For each={found().rows}>
                  {(contract) => (
                    <option value={contract.id}>
                      {contract.reference}: {contract.title}
                    </option>
                  )}
                </For>
              )}
            </Show>
          </select>
        </div>
        <Field id={noteFieldIds.title} name="title" label="Title" error={submission.fieldError("title")} />
        <TextareaField
          id={noteFieldIds.body}
          name="body"
          label="Note"
          error={submission.fieldError("body")}
        />
        <button type="submit" class="button" disabled={submission.pending()}>
          {submission.pending() ? "Adding…" : "Add note"}
        </button>
      </form>
    </section>
  );
}

function Reviews() {
  const { council, format, can } = useCouncil();
  const reviews = councilQuery((procedures) => procedures.advisory.reviews());
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Performance reviews</h2>
      <Query query={reviews} loading="Loading reviews…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>No performance review has been shared yet.</p>}>
            <ul class={styles.reviews}>
              <For each={found()}>
                {(review) => (
                  <li>
                    <A href={`/t/${council().slug}/reviews/${review.id}`}>{review.title}</A>{" "}
                    <span class="cell-meta">
                      {format().date(review.periodStart)} to {format().date(review.periodEnd)}, by{" "}
                      {review.authorName};{" "}
                      {review.status === "draft"
                        ? "draft, not shared yet"
                        : `shared ${format().date(String(review.sharedAt).slice(0, 10))}`}
                      <Show when={review.overallRating}>
                        {(rating) => <>; overall {reviewRatingLabels[rating()]}</>}
                      </Show>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Query>
      <Show when={can("advisory:review")}>
        <StartReview />
      </Show>
    </section>
  );
}

function StartReview() {
  const { council } = useCouncil();
  const mutate = councilMutations();
  const navigate = useNavigate();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const fieldIds = { title: "review-title", periodStart: "review-start", periodEnd: "review-end" };
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.advisory.draftReview({
            review: {
              title: formText(form, "title"),
              periodStart: formText(form, "periodStart"),
              periodEnd: formText(form, "periodEnd"),
              findings: [],
            },
            idempotencyKey: key.current(),
          }),
        ["advisory"],
      ),
    );
    if (result.ok) {
      key.renew();
      navigate(`/t/${council().slug}/reviews/${result.value.id}`);
    }
  };
  return (
    <form novalidate onSubmit={onSubmit} class="panel" aria-labelledby="start-review-heading">
      <h3 id="start-review-heading">Start a performance review</h3>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <Field id={fieldIds.title} name="title" label="Title" error={submission.fieldError("review.title")} />
      <div class="form-row">
        <Field
          id={fieldIds.periodStart}
          name="periodStart"
          label="Period from"
          type="date"
          class="input input--date"
          error={submission.fieldError("review.periodStart")}
        />
        <Field
          id={fieldIds.periodEnd}
          name="periodEnd"
          label="Period to"
          type="date"
          class="input input--date"
          value={todayIso()}
          error={submission.fieldError("review.periodEnd")}
        />
      </div>
      <button type="submit" class="button" disabled={submission.pending()}>
        {submission.pending() ? "Starting…" : "Start the draft"}
      </button>
    </form>
  );
}
