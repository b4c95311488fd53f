import { A, useNavigate, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import styles from "./training.module.css";

/**
 * `/t/:slug/training/enrolments/:enrolmentId/lessons/:lessonId`: one lesson. Its HTML comes from the server,
 * rendered from Markdown and sanitised there (packages/api lesson-html.ts), so nothing in it can run script.
 */
export function LessonPage() {
  const params = useParams<{ enrolmentId: string; lessonId: string }>();
  const { council } = useCouncil();
  const base = () => `/t/${council().slug}/training`;
  const lesson = councilQuery((procedures) =>
    procedures.training.lesson({ enrolmentId: params.enrolmentId, lessonId: params.lessonId }),
  );
  const mutate = councilMutations();
  const submission = createSubmission();
  const navigate = useNavigate();
  const markDone = async (courseId: string) => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.training.completeLesson({ enrolmentId: params.enrolmentId, lessonId: params.lessonId }),
        ["training", "courses"],
      ),
    );
    if (!result.ok) return;
    navigate(
      result.value.nextLessonId
        ? `${base()}/enrolments/${params.enrolmentId}/lessons/${result.value.nextLessonId}`
        : `${base()}/courses/${courseId}`,
    );
  };
  return (
    <Query query={lesson} loading="Loading the lesson…">
      {(found) => (
        <>
          <PageHeading
            title={found().title}
            caption={`Lesson ${found().position} of ${found().lessonCount}`}
          />
          {/* Sanitised on the server: an allow-list of Markdown's elements, https links and images only. */}
          <article class={styles.lesson} innerHTML={found().html} />
          <Show when={submission.problem()} keyed>
            {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
          </Show>
          <p class="button-row">
            <button
              type="button"
              class="button"
              disabled={submission.pending()}
              onClick={() => void markDone(found().courseId)}
            >
              {found().done ? "Next" : "Mark as done and continue"}
            </button>
            <Show when={found().previousLessonId}>
              {(previous) => (
                <A
                  class="button button--secondary"
                  href={`${base()}/enrolments/${params.enrolmentId}/lessons/${previous()}`}
                >
                  Previous lesson
                </A>
              )}
            </Show>
          </p>
          <p>
            <A href={`${base()}/courses/${found().courseId}`}>Back to the course</A>
          </p>
        </>
      )}
    </Query>
  );
}
