import { A } from "@solidjs/router";
import { type CourseDraftInput, jurisdictionLabels, jurisdictions } from "@steward/domain";
import type { CreateQueryResult } from "@tanstack/solid-query";
import { createSignal, For, Index, Show } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { Query } from "../../components/async.tsx";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, formText } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import type { Answer, Client } from "../../trpc.ts";
import styles from "./training.module.css";

type CourseList = Answer<Client["platformCourses"]["list"]>;
type AuthoredCourse = Answer<Client["platformCourses"]["get"]>;
type Preview = Answer<Client["platformCourses"]["preview"]>;

/**
 * What the authoring pages call (issue 10 §8): the operator's `platformCourses.*` or a council admin's
 * `courses.authoring.*`, the same procedures on the server (course-authoring.ts).
 */
export interface AuthoringBackend {
  list(): CreateQueryResult<CourseList>;
  get(courseId: () => string): CreateQueryResult<AuthoredCourse>;
  preview(input: () => { courseId: string; lessonSlug: string } | null): CreateQueryResult<Preview>;
  create(input: { slug: string } & CourseDraftInput["rules"]): Promise<{ courseId: string }>;
  saveDraft(input: { courseId: string; version: number; draft: CourseDraftInput }): Promise<unknown>;
  publish(input: { courseId: string; version: number }): Promise<unknown>;
  startDraft(input: { courseId: string }): Promise<unknown>;
}

/** The owner's courses and a form for a new one. */
export function CourseList(props: {
  backend: AuthoringBackend;
  base: string;
  owner: string;
  onCreated: (courseId: string) => void;
}) {
  const courses = props.backend.list();
  const submission = createSubmission();
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void submission
      .submit(() =>
        props.backend.create({
          slug: formText(form, "slug"),
          title: formText(form, "title"),
          summary: formText(form, "summary"),
          validityMonths: formText(form, "validityMonths") ? Number(formText(form, "validityMonths")) : null,
          passMarkPercent: Number(formText(form, "passMarkPercent")),
          questionsPerAttempt: Number(formText(form, "questionsPerAttempt")),
          attemptLimit: formText(form, "attemptLimit") ? Number(formText(form, "attemptLimit")) : null,
          cooldownMinutes: Number(formText(form, "cooldownMinutes")),
        }),
      )
      .then((result) => {
        if (result.ok) props.onCreated(result.value.courseId);
      });
  };
  return (
    <>
      <PageHeading title="Courses" caption={props.owner} />
      <Query query={courses} loading="Loading the courses…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>No course yet: create the first below.</p>}>
            <ul class={styles.list}>
              <For each={found()}>
                {(course) => (
                  <li>
                    <A href={`${props.base}/${course.courseId}`}>{course.title}</A>{" "}
                    <span class="cell-meta">
                      {course.published ? `version ${course.published.number} published` : "not published"}
                      {course.draft ? ` · version ${course.draft.number} in draft` : ""}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Query>
      <h2>New course</h2>
      <form onSubmit={create} novalidate>
        <Show when={submission.problem()} keyed>
          {(problem) => (
            <ErrorSummary
              problem={problem}
              fieldIds={Object.fromEntries(ruleFields.map(([name]) => [name, `new-${name}`]))}
            />
          )}
        </Show>
        <For each={ruleFields}>
          {([name, label, hint, value]) => (
            <Field
              id={`new-${name}`}
              name={name}
              label={label}
              hint={hint}
              value={value}
              error={submission.fieldError(name)}
            />
          )}
        </For>
        <Field
          id="new-slug"
          name="slug"
          label="Short name"
          hint="For links: lower-case letters, digits and dashes."
          error={submission.fieldError("slug")}
        />
        <button type="submit" class="button" disabled={submission.pending()}>
          Create the course
        </button>
      </form>
    </>
  );
}

const ruleFields: [keyof CourseDraftInput["rules"], string, string | undefined, string][] = [
  ["title", "Title", undefined, ""],
  ["summary", "Summary", "What the course covers, in a sentence or two.", ""],
  ["validityMonths", "Valid for (months)", "Empty: a completion never expires.", "24"],
  ["passMarkPercent", "Pass mark (%)", undefined, "70"],
  ["questionsPerAttempt", "Questions an attempt", "Drawn from the bank for each attempt.", "10"],
  ["attemptLimit", "Attempts allowed", "Empty: no limit.", "3"],
  ["cooldownMinutes", "Minutes between attempts", undefined, "60"],
];

/** One course: its versions, and the draft's whole content to edit, preview and publish. */
export function CourseEditor(props: { backend: AuthoringBackend; courseId: string; back: string }) {
  const course = props.backend.get(() => props.courseId);
  return (
    <Query query={course} loading="Loading the course…">
      {(found) => (
        <>
          <PageHeading title={found().shown.draft.rules.title} caption={`Course · ${found().slug}`} />
          <p class="cell-meta">
            Versions:{" "}
            {found()
              .versions.map((version) => `${version.number} (${version.status})`)
              .join(", ")}
            . Learners keep the version they started on; a completion names its version.
          </p>
          <Show when={found().editing} fallback={<StartDraft backend={props.backend} course={found()} />}>
            <DraftForm backend={props.backend} course={found()} />
          </Show>
          <p>
            <A href={props.back}>Back to the courses</A>
          </p>
        </>
      )}
    </Query>
  );
}

function StartDraft(props: { backend: AuthoringBackend; course: AuthoredCourse }) {
  const submission = createSubmission();
  return (
    <>
      <p>
        Version {props.course.shown.number} is published and cannot change. Start the next version to edit it.
      </p>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
      </Show>
      <button
        type="button"
        class="button"
        disabled={submission.pending()}
        onClick={() =>
          void submission.submit(() => props.backend.startDraft({ courseId: props.course.courseId }))
        }
      >
        Start version {Math.max(...props.course.versions.map((version) => version.number)) + 1}
      </button>
    </>
  );
}

/** A plain copy of a draft: the query's answer and the form's store are proxies, which structuredClone refuses. */
const copyOf = (draft: CourseDraftInput): CourseDraftInput => JSON.parse(JSON.stringify(draft));

const emptyQuestion = (lessonSlug: string, index: number): CourseDraftInput["questions"][number] => ({
  key: `q${String(index + 1).padStart(2, "0")}`,
  lessonSlug,
  kind: "single",
  prompt: "",
  options: [
    { text: "", correct: true },
    { text: "", correct: false },
  ],
  explanation: "",
  source: null,
});

function DraftForm(props: { backend: AuthoringBackend; course: AuthoredCourse }) {
  const [draft, setDraft] = createStore<CourseDraftInput>(copyOf(props.course.shown.draft));
  const submission = createSubmission();
  const [saved, setSaved] = createSignal(false);
  const [previewing, setPreviewing] = createSignal<string | null>(null);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const preview = props.backend.preview(() =>
    previewing() ? { courseId: props.course.courseId, lessonSlug: previewing() ?? "" } : null,
  );
  const lessonSlugs = () => draft.modules.flatMap((module) => module.lessons.map((lesson) => lesson.slug));
  const save = () =>
    submission.submit(async () => {
      setSaved(false);
      await props.backend.saveDraft({
        courseId: props.course.courseId,
        version: props.course.shown.version,
        draft: copyOf(draft),
      });
      setSaved(true);
    });
  const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      novalidate
    >
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
      </Show>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Version {props.course.shown.number} (draft)</legend>
        <For each={ruleFields}>
          {([name, label, hint]) => (
            <Field
              id={`rule-${name}`}
              name={name}
              label={label}
              hint={hint}
              value={draft.rules[name] === null ? "" : String(draft.rules[name])}
              onInput={(event) => {
                const text = event.currentTarget.value;
                setDraft(
                  "rules",
                  name,
                  (name === "title" || name === "summary" ? text : numberOrNull(text)) as never,
                );
              }}
              error={submission.fieldError(`draft.rules.${name}`)}
            />
          )}
        </For>
      </fieldset>

      <h2>Modules and lessons</h2>
      <Index each={draft.modules}>
        {(module, moduleIndex) => (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Module {moduleIndex + 1}</legend>
            <Field
              id={`module-${moduleIndex}`}
              name={`module-${moduleIndex}`}
              label="Module title"
              value={module().title}
              onInput={(event) => setDraft("modules", moduleIndex, "title", event.currentTarget.value)}
              error={submission.fieldError(`draft.modules.${moduleIndex}.title`)}
            />
            <Index each={module().lessons}>
              {(lesson, lessonIndex) => {
                const path = `draft.modules.${moduleIndex}.lessons.${lessonIndex}`;
                const id = `lesson-${moduleIndex}-${lessonIndex}`;
                const setText =
                  (field: "title" | "slug" | "body") => (event: { currentTarget: { value: string } }) =>
                    setDraft(
                      "modules",
                      moduleIndex,
                      "lessons",
                      lessonIndex,
                      field,
                      event.currentTarget.value,
                    );
                return (
                  <fieldset class="fieldset">
                    <legend class="fieldset__legend">Lesson {lessonIndex + 1}</legend>
                    <Field
                      id={`${id}-title`}
                      name={`${id}-title`}
                      label="Title"
                      value={lesson().title}
                      onInput={setText("title")}
                      error={submission.fieldError(`${path}.title`)}
                    />
                    <Field
                      id={`${id}-slug`}
                      name={`${id}-slug`}
                      label="Short name"
                      value={lesson().slug}
                      onInput={setText("slug")}
                      error={submission.fieldError(`${path}.slug`)}
                    />
                    <For each={jurisdictions}>
                      {(jurisdiction) => (
                        <CheckboxField
                          id={`${id}-${jurisdiction}`}
                          label={`For councils in ${jurisdictionLabels[jurisdiction]}`}
                          checked={lesson().jurisdictions.includes(jurisdiction)}
                          onChange={(on) =>
                            setDraft(
                              "modules",
                              moduleIndex,
                              "lessons",
                              lessonIndex,
                              "jurisdictions",
                              (current) =>
                                on
                                  ? [...current, jurisdiction]
                                  : current.filter((each) => each !== jurisdiction),
                            )
                          }
                        />
                      )}
                    </For>
                    <TextareaField
                      id={`${id}-body`}
                      name={`${id}-body`}
                      label="Text (Markdown)"
                      hint="Headings, lists, tables, links and images by https address. HTML is shown as text."
                      rows={12}
                      value={lesson().body}
                      onInput={setText("body")}
                      error={submission.fieldError(`${path}.body`)}
                    />
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => setPreviewing(lesson().slug)}
                    >
                      Preview the saved lesson<span class="visually-hidden"> {lesson().title}</span>
                    </button>
                  </fieldset>
                );
              }}
            </Index>
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                setDraft(
                  "modules",
                  moduleIndex,
                  "lessons",
                  produce((lessons) => {
                    lessons.push({
                      slug: `lesson-${lessonSlugs().length + 1}`,
                      title: "",
                      body: "",
                      jurisdictions: [...jurisdictions],
                    });
                  }),
                )
              }
            >
              Add a lesson to module {moduleIndex + 1}
            </button>
          </fieldset>
        )}
      </Index>
      <button
        type="button"
        class="button button--secondary"
        onClick={() =>
          setDraft(
            "modules",
            produce((modules) => void modules.push({ title: "", lessons: [] })),
          )
        }
      >
        Add a module
      </button>
      <Show when={previewing()}>
        <section aria-label="Preview" class="notice">
          <Query query={preview} loading="Rendering the saved lesson…">
            {(shown) => (
              <>
                <h3>Preview: {shown().title}</h3>
                <article class={styles.lesson} innerHTML={shown().html} />
              </>
            )}
          </Query>
        </section>
      </Show>

      <h2>Question bank ({draft.questions.length})</h2>
      <Index each={draft.questions}>
        {(question, index) => {
          const path = `draft.questions.${index}`;
          const id = `question-${index}`;
          return (
            <fieldset class="fieldset">
              <legend class="fieldset__legend">Question {question().key}</legend>
              <TextareaField
                id={`${id}-prompt`}
                name={`${id}-prompt`}
                label="Question"
                rows={2}
                value={question().prompt}
                onInput={(event) => setDraft("questions", index, "prompt", event.currentTarget.value)}
                error={submission.fieldError(`${path}.prompt`)}
              />
              <Field
                id={`${id}-lesson`}
                name={`${id}-lesson`}
                label="Lesson it tests (short name)"
                value={question().lessonSlug}
                onInput={(event) => setDraft("questions", index, "lessonSlug", event.currentTarget.value)}
                error={submission.fieldError(`${path}.lessonSlug`)}
              />
              <CheckboxField
                id={`${id}-multiple`}
                label="More than one option may be right (multiple choice)"
                checked={question().kind === "multiple"}
                onChange={(on) => setDraft("questions", index, "kind", on ? "multiple" : "single")}
              />
              <Index each={question().options}>
                {(option, optionIndex) => (
                  <div class="field-grid">
                    <Field
                      id={`${id}-option-${optionIndex}`}
                      name={`${id}-option-${optionIndex}`}
                      label={`Option ${optionIndex + 1}`}
                      value={option().text}
                      onInput={(event) =>
                        setDraft(
                          "questions",
                          index,
                          "options",
                          optionIndex,
                          "text",
                          event.currentTarget.value,
                        )
                      }
                      error={submission.fieldError(`${path}.options.${optionIndex}.text`)}
                    />
                    <CheckboxField
                      id={`${id}-correct-${optionIndex}`}
                      label={`Option ${optionIndex + 1} is right`}
                      checked={option().correct}
                      onChange={(on) => setDraft("questions", index, "options", optionIndex, "correct", on)}
                    />
                  </div>
                )}
              </Index>
              <Show when={submission.fieldError(`${path}.options`)}>
                {(message) => <p class="field-error">{message()}</p>}
              </Show>
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() =>
                  setDraft(
                    "questions",
                    index,
                    "options",
                    produce((options) => void options.push({ text: "", correct: false })),
                  )
                }
              >
                Add an option<span class="visually-hidden"> to question {question().key}</span>
              </button>
              <TextareaField
                id={`${id}-explanation`}
                name={`${id}-explanation`}
                label="Explanation (shown after the attempt)"
                rows={2}
                value={question().explanation}
                onInput={(event) => setDraft("questions", index, "explanation", event.currentTarget.value)}
                error={submission.fieldError(`${path}.explanation`)}
              />
            </fieldset>
          );
        }}
      </Index>
      <button
        type="button"
        class="button button--secondary"
        onClick={() =>
          setDraft(
            "questions",
            produce(
              (questions) => void questions.push(emptyQuestion(lessonSlugs()[0] ?? "", questions.length)),
            ),
          )
        }
      >
        Add a question
      </button>

      <p class="button-row">
        <button type="submit" class="button" disabled={submission.pending()}>
          Save the draft
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={submission.pending()}
          onClick={() =>
            setConfirmation({
              title: `Publish version ${props.course.shown.number}?`,
              description: (
                <p>New learners take it from now on; the version before is retired. Save the draft first.</p>
              ),
              confirmLabel: "Publish",
              run: () =>
                props.backend.publish({
                  courseId: props.course.courseId,
                  version: props.course.shown.version,
                }),
            })
          }
        >
          Publish this version
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => setDraft(reconcile(copyOf(props.course.shown.draft)))}
        >
          Undo unsaved changes
        </button>
      </p>
      <Show when={saved()}>
        <p role="status">The draft is saved.</p>
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </form>
  );
}
