import { A, type RouteSectionProps } from "@solidjs/router";
import {
  type ReviewArea,
  type ReviewRating,
  reviewAreaLabels,
  reviewAreas,
  reviewRatingLabels,
  reviewRatings,
} from "@steward/domain";
import { createSignal, For, Index, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import styles from "./review.module.css";

type Review = Answer<Client["advisory"]["review"]>;
type DraftFinding = {
  area: ReviewArea;
  rating: ReviewRating;
  finding: string;
  recommendation: string;
  contractId: string | null;
};

/**
 * `/t/:slug/reviews/:reviewId`: one performance review (issue 9 §7; seed 000, "Performance auditing services"),
 * to read and print; its author edits it while it is a draft and shares it with the council.
 */
export function PerformanceReview(props: RouteSectionProps) {
  const { council, userId } = useCouncil();
  const review = councilQuery((procedures) =>
    procedures.advisory.review({ reviewId: props.params.reviewId ?? "" }),
  );
  return (
    <Query query={review} loading="Loading the review…">
      {(found) => (
        <>
          <p class={styles.noPrint}>
            <A href={`/t/${council().slug}/advice`}>Back to Advice</A>
          </p>
          <Show
            when={found().status === "draft" && found().authorUserId === userId()}
            fallback={<ReviewDocument review={found()} />}
          >
            <DraftEditor review={found()} />
          </Show>
        </>
      )}
    </Query>
  );
}

function ReviewDocument(props: { review: Review }) {
  const { council, format } = useCouncil();
  return (
    <article class={styles.document}>
      <PageHeading title={props.review.title} caption={council().name} />
      <p>
        Performance review of {format().date(props.review.periodStart)} to{" "}
        {format().date(props.review.periodEnd)} by {props.review.authorName}
        {props.review.sharedAt ? `, shared ${format().date(String(props.review.sharedAt).slice(0, 10))}` : ""}
        .
      </p>
      <p class={styles.noPrint}>
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          Print the review
        </button>
      </p>
      <Show when={props.review.overallRating}>
        {(rating) => (
          <p>
            Overall rating: <strong>{reviewRatingLabels[rating()]}</strong>
          </p>
        )}
      </Show>
      <Show when={props.review.summary}>
        {(summary) => (
          <>
            <h2>Summary</h2>
            <p class="pre-line">{summary()}</p>
          </>
        )}
      </Show>
      <h2>Findings</h2>
      <Show when={props.review.findings.length > 0} fallback={<p>No findings yet.</p>}>
        <ol class={styles.findings}>
          <For each={props.review.findings}>
            {(finding) => (
              <li class={styles.finding}>
                <h3 class={styles.findingTitle}>
                  {reviewAreaLabels[finding.area]}: {reviewRatingLabels[finding.rating]}
                </h3>
                <p class="pre-line">{finding.finding}</p>
                <Show when={finding.recommendation}>
                  {(recommendation) => (
                    <p class="pre-line">
                      <strong>Recommendation:</strong> {recommendation()}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </article>
  );
}

const emptyFinding = (): DraftFinding => ({
  area: "performance",
  rating: "requires_improvement",
  finding: "",
  recommendation: "",
  contractId: null,
});

function DraftEditor(props: { review: Review }) {
  const { council } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const [title, setTitle] = createSignal(props.review.title);
  const [periodStart, setPeriodStart] = createSignal(props.review.periodStart);
  const [periodEnd, setPeriodEnd] = createSignal(props.review.periodEnd);
  const [summary, setSummary] = createSignal(props.review.summary ?? "");
  const [overall, setOverall] = createSignal<ReviewRating | "">(props.review.overallRating ?? "");
  const [findings, setFindings] = createSignal<DraftFinding[]>(
    props.review.findings.map((finding) => ({ ...finding, recommendation: finding.recommendation ?? "" })),
  );
  const [saved, setSaved] = createSignal(false);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const change = (index: number, values: Partial<DraftFinding>) =>
    setFindings((current) =>
      current.map((finding, at) => (at === index ? { ...finding, ...values } : finding)),
    );
  const values = () => ({
    title: title(),
    periodStart: periodStart(),
    periodEnd: periodEnd(),
    summary: summary(),
    overallRating: overall() || null,
    findings: findings(),
  });
  const save = () =>
    mutate(
      (procedures) =>
        procedures.advisory.updateReview({
          reviewId: props.review.id,
          version: props.review.version,
          review: values(),
        }),
      ["advisory"],
    );
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await submission.submit(save);
    if (result.ok) setSaved(true);
  };
  const confirmShare = () =>
    setConfirmation({
      title: "Share this review with the council?",
      description: (
        <p>
          Everyone in {council().name} will be able to read and print it. Once shared it cannot be changed; it
          is saved as it is on screen now.
        </p>
      ),
      confirmLabel: "Share the review",
      run: async () => {
        const { version } = await save();
        await mutate(
          (procedures) => procedures.advisory.shareReview({ reviewId: props.review.id, version }),
          ["advisory"],
        );
      },
    });
  const fieldIds = {
    "review.title": "draft-title",
    "review.periodStart": "draft-start",
    "review.periodEnd": "draft-end",
    overallRating: "draft-overall",
    findings: "add-finding",
  };
  return (
    <>
      <PageHeading title={`Draft: ${props.review.title}`} caption={council().name} />
      <p>Only you can see this draft. Save it as you go; share it when it is ready.</p>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <Show when={saved()}>
        <p class="notice notice--success" role="status">
          The draft is saved.
        </p>
      </Show>
      <form novalidate onSubmit={onSubmit}>
        <Field
          id="draft-title"
          name="title"
          label="Title"
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
          error={submission.fieldError("review.title")}
        />
        <div class="form-row">
          <Field
            id="draft-start"
            name="periodStart"
            label="Period from"
            type="date"
            class="input input--date"
            value={periodStart()}
            onInput={(event) => setPeriodStart(event.currentTarget.value)}
            error={submission.fieldError("review.periodStart")}
          />
          <Field
            id="draft-end"
            name="periodEnd"
            label="Period to"
            type="date"
            class="input input--date"
            value={periodEnd()}
            onInput={(event) => setPeriodEnd(event.currentTarget.value)}
            error={submission.fieldError("review.periodEnd")}
          />
        </div>
        <TextareaField
          id="draft-summary"
          name="summary"
          label="Summary"
          value={summary()}
          onInput={(event) => setSummary(event.currentTarget.value)}
        />
        <div class="field">
          <label class="label" for="draft-overall">
            Overall rating
          </label>
          <Show when={submission.fieldError("overallRating")}>
            {(message) => <p class="field-error">{message()}</p>}
          </Show>
          <select
            class="input"
            id="draft-overall"
            value={overall()}
            onChange={(event) => setOverall(event.currentTarget.value as ReviewRating | "")}
          >
            <option value="">Not rated yet</option>
            <For each={reviewRatings}>
              {(rating) => <option value={rating}>{reviewRatingLabels[rating]}</option>}
            </For>
          </select>
        </div>
        <h2>Findings</h2>
        <Show when={submission.fieldError("findings")}>
          {(message) => <p class="field-error">{message()}</p>}
        </Show>
        <ol class={styles.findings}>
          <Index each={findings()}>
            {(finding, index) => (
              <li class={styles.finding}>
                <fieldset class="fieldset">
                  <legend class="fieldset__legend">Finding {index + 1}</legend>
                  <div class="form-row">
                    <div class="field">
                      <label class="label" for={`finding-${index}-area`}>
                        Area
                      </label>
                      <select
                        class="input"
                        id={`finding-${index}-area`}
                        value={finding().area}
                        onChange={(event) => change(index, { area: event.currentTarget.value as ReviewArea })}
                      >
                        <For each={reviewAreas}>
                          {(area) => <option value={area}>{reviewAreaLabels[area]}</option>}
                        </For>
                      </select>
                    </div>
                    <div class="field">
                      <label class="label" for={`finding-${index}-rating`}>
                        Rating
                      </label>
                      <select
                        class="input"
                        id={`finding-${index}-rating`}
                        value={finding().rating}
                        onChange={(event) =>
                          change(index, { rating: event.currentTarget.value as ReviewRating })
                        }
                      >
                        <For each={reviewRatings}>
                          {(rating) => <option value={rating}>{reviewRatingLabels[rating]}</option>}
                        </For>
                      </select>
                    </div>
                  </div>
                  <TextareaField
                    id={`finding-${index}-text`}
                    name={`finding-${index}`}
                    label="What the review found"
                    value={finding().finding}
                    onInput={(event) => change(index, { finding: event.currentTarget.value })}
                    error={submission.fieldError(`review.findings.${index}.finding`)}
                  />
                  <TextareaField
                    id={`finding-${index}-recommendation`}
                    name={`recommendation-${index}`}
                    label="Recommendation (optional)"
                    value={finding().recommendation}
                    onInput={(event) => change(index, { recommendation: event.currentTarget.value })}
                  />
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    onClick={() => setFindings((current) => current.filter((_, at) => at !== index))}
                  >
                    Remove finding {index + 1}
                  </button>
                </fieldset>
              </li>
            )}
          </Index>
        </ol>
        <p>
          <button
            type="button"
            id="add-finding"
            class="button button--secondary"
            onClick={() => setFindings((current) => [...current, emptyFinding()])}
          >
            Add a finding
          </button>
        </p>
        <div class={styles.actions}>
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Saving…" : "Save the draft"}
          </button>
          <button type="button" class="button button--secondary" onClick={confirmShare}>
            Share with the council
          </button>
        </div>
      </form>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}
