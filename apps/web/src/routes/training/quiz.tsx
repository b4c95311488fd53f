import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import styles from "./training.module.css";

type Attempt = Answer<Client["training"]["attempt"]>;

/**
 * `/t/:slug/training/attempts/:attemptId`: a quiz attempt (issue 10 §2). The questions drawn for it, with
 * their options and no answer key; the server marks the answers, then the page shows the score and, for each
 * question, whether it was right and why.
 */
export function QuizPage() {
  const params = useParams<{ attemptId: string }>();
  const attempt = councilQuery((procedures) => procedures.training.attempt({ attemptId: params.attemptId }));
  return (
    <Query query={attempt} loading="Loading the quiz…">
      {(found) => (
        <>
          <PageHeading title={`Quiz, attempt ${found().number}`} caption="Training" />
          <Show when={found().result} fallback={<QuizForm attempt={found()} />}>
            {(result) => <QuizResult attempt={found()} result={result()} />}
          </Show>
        </>
      )}
    </Query>
  );
}

function QuizForm(props: { attempt: Attempt }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [chosen, setChosen] = createSignal<Record<string, string[]>>({});
  const choose = (questionId: string, optionId: string, single: boolean, on: boolean) =>
    setChosen((current) => {
      const before = current[questionId] ?? [];
      const after = single ? [optionId] : on ? [...before, optionId] : before.filter((id) => id !== optionId);
      return { ...current, [questionId]: after };
    });
  const unanswered = () =>
    props.attempt.questions.filter((question) => !(chosen()[question.id]?.length ?? 0)).length;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.training.submitAttempt({
            attemptId: props.attempt.attemptId,
            answers: Object.entries(chosen()).map(([questionId, optionIds]) => ({ questionId, optionIds })),
          }),
        ["training", "courses"],
      ),
    );
  };
  return (
    <form onSubmit={submit} novalidate>
      <p>
        Answer each question; a question left blank counts as wrong. You pass with{" "}
        {props.attempt.passMarkPercent}% or more. Your answers are marked when you submit them, once.
      </p>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
      </Show>
      <For each={props.attempt.questions}>
        {(question, index) => (
          <fieldset class={`fieldset ${styles.question}`}>
            <legend class="fieldset__legend">
              {index() + 1}. {question.prompt}
              <Show when={question.kind === "multiple"}>
                <span class="hint"> Choose all that apply.</span>
              </Show>
            </legend>
            <For each={question.options}>
              {(option) => {
                const id = `answer-${question.id}-${option.id}`;
                const single = question.kind === "single";
                return (
                  <div class={single ? "radio" : "checkbox"}>
                    <input
                      class={single ? "radio__input" : "checkbox__input"}
                      type={single ? "radio" : "checkbox"}
                      id={id}
                      name={`question-${question.id}`}
                      checked={chosen()[question.id]?.includes(option.id) ?? false}
                      onChange={(event) =>
                        choose(question.id, option.id, single, event.currentTarget.checked)
                      }
                    />
                    <label class={single ? "radio__label" : "checkbox__label"} for={id}>
                      {option.text}
                    </label>
                  </div>
                );
              }}
            </For>
          </fieldset>
        )}
      </For>
      <p class="hint" role="status">
        {unanswered() === 0 ? "Every question is answered." : `${unanswered()} not answered yet.`}
      </p>
      <button type="submit" class="button" disabled={submission.pending()}>
        Submit your answers
      </button>
    </form>
  );
}

function QuizResult(props: { attempt: Attempt; result: NonNullable<Attempt["result"]> }) {
  const { council } = useCouncil();
  const base = () => `/t/${council().slug}/training`;
  const course = councilQuery((procedures) => procedures.courses.get({ courseId: props.attempt.courseId }));
  const prompt = (questionId: string) =>
    props.attempt.questions.find((question) => question.id === questionId)?.prompt ?? "";
  const latestCompletion = () => {
    const found = course.isSuccess ? course.data : undefined;
    return found?.completions[0] ?? null;
  };
  return (
    <>
      <div class={`notice ${props.result.passed ? "notice--success" : "notice--error"}`} role="status">
        <p>
          You scored {props.result.scorePercent}% ({props.result.correctCount} of {props.result.questionCount}
          ): {props.result.passed ? "you passed." : `the pass mark is ${props.attempt.passMarkPercent}%.`}
        </p>
        <Show when={props.result.passed && latestCompletion()}>
          {(completion) => (
            <p>
              <A href={`${base()}/certificates/${completion().id}`}>See your certificate</A>
            </p>
          )}
        </Show>
      </div>
      <h2>Each question</h2>
      <ol>
        <For each={props.result.feedback}>
          {(item) => (
            <li class={styles.question}>
              <p>{prompt(item.questionId)}</p>
              <p class={item.right ? styles.right : styles.wrong}>{item.right ? "Right" : "Not right"}</p>
              <p>{item.explanation}</p>
            </li>
          )}
        </For>
      </ol>
      <p>
        <A href={`${base()}/courses/${props.attempt.courseId}`}>Back to the course</A>
      </p>
    </>
  );
}
