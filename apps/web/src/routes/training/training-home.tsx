import { A, useNavigate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import styles from "./training.module.css";
import { CompletionStanding, TrainingStatus } from "./training-status.tsx";

/**
 * `/t/:slug/training`: the learner's own page (issue 10 §7): what their role requires and where they stand,
 * the courses under way with their progress, every certificate (earlier ones kept), and the catalogue.
 */
export function TrainingHome() {
  const { council, format, can } = useCouncil();
  const base = () => `/t/${council().slug}/training`;
  const mine = councilQuery((procedures) => procedures.training.mine());
  const catalogue = councilQuery((procedures) => procedures.courses.catalogue());
  const mutate = councilMutations();
  const submission = createSubmission();
  const navigate = useNavigate();
  const enrol = async (courseId: string) => {
    const result = await submission.submit(() =>
      mutate((procedures) => procedures.training.enrol({ courseId }), ["training", "courses"]),
    );
    if (result.ok) navigate(`${base()}/courses/${courseId}`);
  };
  return (
    <>
      <PageHeading title="Training" caption={council().name} />
      <Show when={can("training:report") || can("training:manage")}>
        <p class="button-row">
          <Show when={can("training:report")}>
            <A class="button button--secondary" href={`${base()}/matrix`}>
              Training matrix
            </A>
          </Show>
          <Show when={can("training:manage")}>
            <A class="button button--secondary" href={`${base()}/authoring`}>
              The council's own courses
            </A>
          </Show>
        </p>
      </Show>
      <Query query={mine} loading="Loading your training…">
        {(found) => (
          <>
            <h2>What your role requires</h2>
            <Show
              when={found().required.length > 0}
              fallback={
                <p>Your council requires no course of your role. You can still take any course below.</p>
              }
            >
              <TableWrap label="Courses your role requires">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Course</th>
                      <th scope="col">Status</th>
                      <th scope="col">Expires or due</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().required}>
                      {(course) => (
                        <tr>
                          <td>
                            <A href={`${base()}/courses/${course.courseId}`}>{course.courseTitle}</A>
                          </td>
                          <td class={styles.status}>
                            <TrainingStatus status={course.status} />
                          </td>
                          <td>
                            {course.expiresOn
                              ? `Expires ${format().date(course.expiresOn)}`
                              : course.dueOn
                                ? `Due ${format().date(course.dueOn)}`
                                : "—"}
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>

            <h2>Under way</h2>
            <Show
              when={found().enrolments.length > 0}
              fallback={<p>You are not taking a course at the moment.</p>}
            >
              <ul class={styles.list}>
                <For each={found().enrolments}>
                  {(enrolment) => (
                    <li>
                      <A href={`${base()}/courses/${enrolment.courseId}`}>{enrolment.courseTitle}</A>:{" "}
                      {enrolment.lessonsDone} of {enrolment.lessonCount} lessons done
                      <Show when={enrolment.dueOn}>{(dueOn) => <>, due {format().date(dueOn())}</>}</Show>{" "}
                      <progress
                        class={styles.progress}
                        max={Math.max(enrolment.lessonCount, 1)}
                        value={enrolment.lessonsDone}
                        aria-label={`${enrolment.courseTitle}: progress`}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </Show>

            <h2>Your certificates</h2>
            <Show
              when={found().completions.length > 0}
              fallback={<p>None yet: a certificate is issued when you complete a course.</p>}
            >
              <TableWrap label="Your certificates">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Course</th>
                      <th scope="col">Completed</th>
                      <th scope="col">Expires</th>
                      <th scope="col">Standing</th>
                      <th scope="col">Certificate</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().completions}>
                      {(completion) => (
                        <tr>
                          <td>
                            {completion.courseTitle}{" "}
                            <span class="cell-meta">(version {completion.versionNumber})</span>
                          </td>
                          <td>{format().date(completion.completedOn)}</td>
                          <td>
                            {completion.expiresOn ? format().date(completion.expiresOn) : "Does not expire"}
                          </td>
                          <td class={styles.status}>
                            <Show
                              when={completion.latest}
                              fallback={<span class="tag tag--quiet">Renewed</span>}
                            >
                              <CompletionStanding standing={completion.standing} />
                            </Show>
                          </td>
                          <td>
                            <A href={`${base()}/certificates/${completion.id}`}>
                              View and print
                              <span class="visually-hidden"> the {completion.courseTitle} certificate</span>
                            </A>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
          </>
        )}
      </Query>

      <h2>Courses</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
      </Show>
      <Query query={catalogue} loading="Loading the courses…">
        {(courses) => (
          <Show when={courses().length > 0} fallback={<p>No course is published yet.</p>}>
            <ul class={styles.list}>
              <For each={courses()}>
                {(course) => (
                  <li class={styles.question}>
                    <h3>
                      <A href={`${base()}/courses/${course.courseId}`}>{course.title}</A>
                    </h3>
                    <p>{course.summary}</p>
                    <p class="cell-meta">
                      {course.lessons} lessons · pass mark {course.passMarkPercent}%
                      {course.validityMonths ? ` · valid ${course.validityMonths} months` : ""}
                      {course.ownedByCouncil ? ` · ${council().name}'s own course` : ""}
                    </p>
                    <Show
                      when={!course.enrolled}
                      fallback={
                        <A class="button button--secondary" href={`${base()}/courses/${course.courseId}`}>
                          Continue<span class="visually-hidden"> {course.title}</span>
                        </A>
                      }
                    >
                      <button
                        type="button"
                        class="button"
                        disabled={submission.pending()}
                        onClick={() => void enrol(course.courseId)}
                      >
                        {course.standing ? "Enrol again" : "Enrol"}
                        <span class="visually-hidden"> on {course.title}</span>
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Query>
    </>
  );
}
