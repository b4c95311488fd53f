import { useSearchParams } from "@solidjs/router";
import {
  type MatrixStatus,
  matrixStatuses,
  matrixStatusLabels,
  type Role,
  roleLabels,
  roles,
} from "@steward/domain";
import { createMemo, createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Choice, ChoiceSelect } from "../../components/choice-select.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { downloadText } from "../../components/download.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { MemberSelect } from "../../components/member-select.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import styles from "./training.module.css";
import { TrainingStatus } from "./training-status.tsx";

const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (roles as readonly string[]).includes(value);
const isStatus = (value: unknown): value is MatrixStatus =>
  typeof value === "string" && (matrixStatuses as readonly string[]).includes(value);

/**
 * `/t/:slug/training/matrix`: the council's training matrix (issue 10 §7): people × the courses their role
 * requires, each complete, due, overdue, expired or not done; filtered by role, status and name (in the URL);
 * exported as CSV for HR. Below it, the requirements by role (§6) and assigning a course with a due date (§3).
 */
export function TrainingMatrix() {
  const { council, format, can, api } = useCouncil();
  const [params, setParams] = useSearchParams();
  const filter = createMemo(() => ({
    role: isRole(params.role) ? params.role : undefined,
    status: isStatus(params.status) ? params.status : undefined,
    search: typeof params.q === "string" && params.q ? params.q : undefined,
  }));
  const matrix = councilQuery((procedures) => procedures.training.matrix(filter()), { keepPrevious: true });
  const exporting = createSubmission();
  const exportCsv = async () => {
    const result = await exporting.submit(() => api().training.matrixCsv.query(filter()));
    if (result.ok) downloadText(result.value.fileName, result.value.csv);
  };
  const roleChoices: Choice<string>[] = [
    { value: "", label: "Every role" },
    ...roles.map((role) => ({ value: role, label: roleLabels[role] })),
  ];
  const mutate = councilMutations();
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [resetDone, setResetDone] = createSignal("");
  /** A council admin gives a learner who used up the quiz's attempts a fresh set (training.resetAttempts). */
  const askReset = (
    learner: { userId: string; name: string },
    course: { courseId: string; title: string },
  ) => {
    setResetDone("");
    setConfirmation({
      title: `Reset ${learner.name}'s quiz attempts?`,
      description: (
        <p>
          {learner.name} has used every attempt at the {course.title} quiz. A reset lets them try again now,
          with the course's full number of attempts. Their earlier attempts and scores stay on their record,
          and the reset is recorded in the council's audit log.
        </p>
      ),
      confirmLabel: "Reset the attempts",
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.training.resetAttempts({ userId: learner.userId, courseId: course.courseId }),
          ["training", "courses"],
        );
        setResetDone(`${learner.name} can take the ${course.title} quiz again.`);
      },
    });
  };
  const statusChoices: Choice<string>[] = [
    { value: "", label: "Any status" },
    ...matrixStatuses.map((status) => ({ value: status, label: matrixStatusLabels[status] })),
  ];
  return (
    <>
      <PageHeading title="Training matrix" caption={council().name} />
      <p>
        Who needs which course, and where each person stands. Due means due within the council's notice
        period.
      </p>
      <search aria-label="Filter the matrix">
        <SearchBox
          id="matrix-search"
          label="Search people"
          hint="A name or an email address."
          value={filter().search ?? ""}
          onSearch={(text) => setParams({ q: text || undefined }, { replace: true })}
        >
          <ChoiceSelect
            id="matrix-role"
            label="Role"
            compact
            choices={roleChoices}
            value={filter().role ?? ""}
            onChange={(value) => setParams({ role: value || undefined }, { replace: true })}
          />
          <ChoiceSelect
            id="matrix-status"
            label="Status"
            compact
            choices={statusChoices}
            value={filter().status ?? ""}
            onChange={(value) => setParams({ status: value || undefined }, { replace: true })}
          />
        </SearchBox>
      </search>
      <Query query={matrix} loading="Loading the matrix…">
        {(found) => (
          <>
            <p class="results-summary" role="status" aria-live="polite">
              {matrixStatuses
                .filter((status) => found().counts[status] > 0)
                .map((status) => `${matrixStatusLabels[status]}: ${found().counts[status]}`)
                .join(" · ") || "No requirement yet: add one below."}
            </p>
            <p class="button-row">
              <button
                type="button"
                class="button button--secondary"
                disabled={exporting.pending() || found().rows.length === 0}
                onClick={() => void exportCsv()}
              >
                Export as CSV
              </button>
            </p>
            <Show when={exporting.problem()} keyed>
              {(problem) => <ErrorSummary problem={problem} fieldIds={{}} />}
            </Show>
            <p role="status">{resetDone()}</p>
            <Show when={found().rows.length > 0} fallback={<p>No one matches these filters.</p>}>
              <TableWrap label="Training matrix">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Person</th>
                      <th scope="col">Role</th>
                      <For each={found().courses}>{(course) => <th scope="col">{course.title}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().rows}>
                      {(row) => (
                        <tr>
                          <th scope="row">
                            {row.name}
                            <span class="cell-meta"> {row.email}</span>
                          </th>
                          <td>{roleLabels[row.role]}</td>
                          <For each={found().courses}>
                            {(course) => (
                              <td class={styles.status}>
                                <Show
                                  when={row.cells[course.courseId]}
                                  fallback={<span class="cell-meta">Not required</span>}
                                >
                                  {(cell) => (
                                    <>
                                      <TrainingStatus status={cell().status} />
                                      <span class="cell-meta">
                                        {cell().expiresOn
                                          ? ` ${cell().status === "expired" ? "expired" : "expires"} ${format().date(cell().expiresOn ?? "")}`
                                          : cell().dueOn
                                            ? ` due ${format().date(cell().dueOn ?? "")}`
                                            : ""}
                                      </span>
                                      <Show when={cell().attemptsUsedUp}>
                                        <span class="cell-meta"> · quiz attempts used up</span>
                                        <Show when={can("training:manage")}>
                                          {" "}
                                          <button
                                            type="button"
                                            class="button button--secondary button--small"
                                            onClick={() =>
                                              askReset({ userId: row.userId, name: row.name }, course)
                                            }
                                          >
                                            Reset attempts
                                            <span class="visually-hidden">
                                              {" "}
                                              of {row.name} at {course.title}
                                            </span>
                                          </button>
                                        </Show>
                                      </Show>
                                    </>
                                  )}
                                </Show>
                              </td>
                            )}
                          </For>
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
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
      <Show when={can("training:assign")}>
        <AssignCourse />
      </Show>
      <Requirements editable={can("training:manage")} />
    </>
  );
}

function AssignCourse() {
  const mutate = councilMutations();
  const submission = createSubmission();
  const catalogue = councilQuery((procedures) => procedures.courses.catalogue());
  const [courseId, setCourseId] = createSignal<string | null>(null);
  const [userId, setUserId] = createSignal<string | null>(null);
  const [dueOn, setDueOn] = createSignal("");
  const [done, setDone] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await submission.submit(() => {
      const problems: Record<string, string> = {};
      if (!courseId()) problems.courseId = "Choose a course.";
      if (!userId()) problems.userId = "Choose a member.";
      if (!dueOn()) problems.dueOn = "Enter a due date.";
      if (Object.keys(problems).length > 0) {
        throw new FormProblem("Some answers need correcting: see the marked fields.", problems);
      }
      return mutate(
        (procedures) =>
          procedures.training.assign({ courseId: courseId() ?? "", userId: userId() ?? "", dueOn: dueOn() }),
        ["training", "courses"],
      );
    });
    if (result.ok) setDone(true);
  };
  return (
    <section aria-labelledby="assign-heading">
      <h2 id="assign-heading">Assign a course</h2>
      <form onSubmit={(event) => void submit(event)} novalidate>
        <Show when={submission.problem()} keyed>
          {(problem) => (
            <ErrorSummary
              problem={problem}
              fieldIds={{
                courseId: "assign-course-trigger",
                userId: "assign-member-trigger",
                dueOn: "assign-due",
              }}
            />
          )}
        </Show>
        <ChoiceSelect
          id="assign-course"
          label="Course"
          choices={(answer(catalogue) ?? []).map((course) => ({
            value: course.courseId,
            label: course.title,
          }))}
          value={courseId()}
          onChange={setCourseId}
          error={submission.fieldError("courseId")}
          placeholder="Choose a course"
        />
        <MemberSelect
          id="assign-member"
          label="Member"
          value={userId()}
          onChange={setUserId}
          noneLabel="Choose a member"
          error={submission.fieldError("userId")}
        />
        <Field
          id="assign-due"
          name="dueOn"
          type="date"
          label="Due by"
          value={dueOn()}
          onInput={(event) => setDueOn(event.currentTarget.value)}
          error={submission.fieldError("dueOn")}
        />
        <button type="submit" class="button" disabled={submission.pending()}>
          Assign the course
        </button>
        <Show when={done()}>
          <p role="status">The course is assigned; it shows in the matrix with its due date.</p>
        </Show>
      </form>
    </section>
  );
}

function Requirements(props: { editable: boolean }) {
  const requirements = councilQuery((procedures) => procedures.training.requirements());
  const mutate = councilMutations();
  const submission = createSubmission();
  const [role, setRole] = createSignal<Role | null>("contract_manager");
  const [courseId, setCourseId] = createSignal<string | null>(null);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    void submission.submit(() => {
      if (!role() || !courseId()) {
        throw new FormProblem("Some answers need correcting: see the marked fields.", {
          ...(role() ? {} : { role: "Choose a role." }),
          ...(courseId() ? {} : { courseId: "Choose a course." }),
        });
      }
      return mutate(
        (procedures) =>
          procedures.training.addRequirement({ role: role() ?? "admin", courseId: courseId() ?? "" }),
        ["training", "contracts", "board"],
      );
    });
  };
  return (
    <section aria-labelledby="requirements-heading">
      <h2 id="requirements-heading">Requirements by role</h2>
      <p>
        Members in a role must hold a current completion of its courses. The contract manager role's courses
        are what each contract's "Contract manager's foundation training" duty checks (004 §5).
      </p>
      <Query query={requirements} loading="Loading the requirements…">
        {(found) => (
          <>
            <Show when={found().requirements.length > 0} fallback={<p>No role has a required course yet.</p>}>
              <ul class={styles.list}>
                <For each={found().requirements}>
                  {(requirement) => (
                    <li>
                      {requirement.roleLabel}: {requirement.courseTitle}{" "}
                      <Show when={props.editable}>
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          onClick={() =>
                            setConfirmation({
                              title: "Remove this requirement?",
                              description: (
                                <p>
                                  {requirement.roleLabel}s will no longer need {requirement.courseTitle}.
                                  Their completions are kept.
                                </p>
                              ),
                              confirmLabel: "Remove the requirement",
                              destructive: true,
                              run: () =>
                                mutate(
                                  (procedures) =>
                                    procedures.training.removeRequirement({ requirementId: requirement.id }),
                                  ["training", "contracts", "board"],
                                ),
                            })
                          }
                        >
                          Remove
                          <span class="visually-hidden">
                            {" "}
                            {requirement.courseTitle} for {requirement.roleLabel}s
                          </span>
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={props.editable}>
              <form onSubmit={add} novalidate>
                <Show when={submission.problem()} keyed>
                  {(problem) => (
                    <ErrorSummary
                      problem={problem}
                      fieldIds={{ role: "requirement-role-trigger", courseId: "requirement-course-trigger" }}
                    />
                  )}
                </Show>
                <ChoiceSelect
                  id="requirement-role"
                  label="Role"
                  choices={roles.map((each) => ({ value: each, label: roleLabels[each] }))}
                  value={role()}
                  onChange={setRole}
                  error={submission.fieldError("role")}
                />
                <ChoiceSelect
                  id="requirement-course"
                  label="Course"
                  choices={found().courses.map((course) => ({ value: course.courseId, label: course.title }))}
                  value={courseId()}
                  onChange={setCourseId}
                  error={submission.fieldError("courseId")}
                  placeholder="Choose a course"
                />
                <button type="submit" class="button" disabled={submission.pending()}>
                  Add the requirement
                </button>
              </form>
            </Show>
          </>
        )}
      </Query>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </section>
  );
}
