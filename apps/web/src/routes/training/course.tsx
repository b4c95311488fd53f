import { A, useNavigate, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import styles from "./training.module.css";
import { CompletionStanding } from "./training-status.tsx";

/**
 * `/t/:slug/training/courses/:courseId`: a course's outline (issue 10 §1, §3): its modules and lessons with
 * what the learner has done, where to resume, the quiz's rules and their attempts, and their completions.
 */
export function CoursePage() {
  const params = useParams<{ courseId: string }>();
  const { council, format } = useCouncil();
  const base = () => `/t/${council().slug}/training`;
  const course = councilQuery((procedures) => procedures.courses.get({ courseId: params.courseId }));
  const mutate = councilMutations();
  const submission = createSubmission();
  const navigate = useNavigate();
  const enrol = () =>
    submission.submit(() =>
      mutate(
        (procedures) => procedures.training.enrol({ courseId: params.courseId }),
        ["training", "courses"],
      ),
    );
  const startQuiz = async (enrolmentId: string) => {
    const result = await submission.submit(() =>
      mutate((procedures) => procedures.training.startAttempt({ enrolmentId }), ["training", "courses"]),
    );
    if (result.ok) navigate(`${base()}/attempts/${result.value.attemptId}`);
  };
  return (
    <Query query={course} loading="Loading the course…">
      {(found) => (
        <>
          <PageHeading title={found().title} caption={`Training · version ${found().versionNumber}`} />
          <p>{found().summary}</p>
          <p class="cell-meta">
            Pass mark {found().rules.passMarkPercent}% · {found().rules.questionsPerAttempt} questions an
            attempt
            {found().rules.attemptLimit ? ` · ${found().rules.attemptLimit} attempts` : ""}
            {found().rules.cooldownMinutes
              ? ` · ${found().rules.cooldownMinutes} minutes between attempts`
              : ""}
            {found().rules.validityMonths
              ? ` · a completion is valid ${found().rules.validityMonths} months`
              : ""}
          </p>
          <Show when={submission.problem()} keyed>
            {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
          </Show>
          <Show
            when={found().enrolment}
            fallback={
              <p>
                <button
                  type="button"
                  class="button"
                  disabled={submission.pending()}
                  onClick={() => void enrol()}
                >
                  {found().completions.length > 0 ? "Enrol again" : "Enrol on this course"}
                </button>
              </p>
            }
          >
            {(enrolment) => (
              <section aria-labelledby="progress-heading">
                <h2 id="progress-heading">Your progress</h2>
                <p>
                  {enrolment().lessonsDone} of {enrolment().lessonCount} lessons done
                  <Show when={enrolment().dueOn}>{(dueOn) => <>; due {format().date(dueOn())}</>}</Show>.
                </p>
                <Show when={enrolment().resumeLessonId}>
                  {(lessonId) => (
                    <p>
                      <A class="button" href={`${base()}/enrolments/${enrolment().id}/lessons/${lessonId()}`}>
                        {enrolment().lessonsDone > 0 ? "Resume where you left off" : "Start the first lesson"}
                      </A>
                    </p>
                  )}
                </Show>
                <Show when={enrolment().quizOpen}>
                  <h3>The quiz</h3>
                  <Show
                    when={enrolment().openAttemptId}
                    fallback={
                      <Show
                        when={!enrolment().canAttempt}
                        fallback={<p class="notice">{enrolment().canAttempt}</p>}
                      >
                        <p>
                          <button
                            type="button"
                            class="button"
                            disabled={submission.pending()}
                            onClick={() => void startQuiz(enrolment().id)}
                          >
                            Start the quiz
                          </button>
                        </p>
                      </Show>
                    }
                  >
                    {(attemptId) => (
                      <p>
                        <A class="button" href={`${base()}/attempts/${attemptId()}`}>
                          Continue the quiz
                        </A>
                      </p>
                    )}
                  </Show>
                </Show>
                <Show when={enrolment().attempts.some((attempt) => attempt.submittedAt !== null)}>
                  <h3>Your attempts</h3>
                  <ul class={styles.list}>
                    <For each={enrolment().attempts.filter((attempt) => attempt.submittedAt !== null)}>
                      {(attempt) => (
                        <li>
                          <A href={`${base()}/attempts/${attempt.id}`}>Attempt {attempt.number}</A>:{" "}
                          {attempt.scorePercent}% · {attempt.passed ? "passed" : "not passed"}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            )}
          </Show>

          <h2>Lessons</h2>
          <For each={found().modules}>
            {(module) => (
              <section aria-label={module.title}>
                <h3>{module.title}</h3>
                <ol class={styles.outline}>
                  <For each={module.lessons}>
                    {(lesson) => (
                      <li classList={{ [styles.done ?? ""]: lesson.done }}>
                        <Show when={found().enrolment} fallback={lesson.title}>
                          {(enrolment) => (
                            <A href={`${base()}/enrolments/${enrolment().id}/lessons/${lesson.id}`}>
                              {lesson.title}
                            </A>
                          )}
                        </Show>
                        <Show when={lesson.done}> (done)</Show>
                      </li>
                    )}
                  </For>
                </ol>
              </section>
            )}
          </For>

          <Show when={found().completions.length > 0}>
            <h2>Your completions of this course</h2>
            <ul class={styles.list}>
              <For each={found().completions}>
                {(completion) => (
                  <li>
                    <A href={`${base()}/certificates/${completion.id}`}>
                      Version {completion.versionNumber}, completed {format().date(completion.completedOn)}
                    </A>{" "}
                    <CompletionStanding standing={completion.standing} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <p>
            <A href={base()}>Back to your training</A>
          </p>
        </>
      )}
    </Query>
  );
}
