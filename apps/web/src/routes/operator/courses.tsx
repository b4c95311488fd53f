import { useNavigate, useParams } from "@solidjs/router";
import { matrixStatuses, matrixStatusLabels } from "@steward/domain";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { operatorMutate, operatorQuery } from "../../operator-query.ts";
import { type AuthoringBackend, CourseEditor, CourseList } from "../training/course-authoring.tsx";

/** The platform's courses (issue 10 §8), seen by every council with training: the operator's `platformCourses.*`. */
const platformBackend = (): AuthoringBackend => ({
  list: () => operatorQuery((procedures) => procedures.platformCourses.list()),
  get: (courseId) => operatorQuery((procedures) => procedures.platformCourses.get({ courseId: courseId() })),
  preview: (input) =>
    operatorQuery((procedures) => {
      const wanted = input();
      return wanted ? procedures.platformCourses.preview(wanted) : null;
    }),
  create: (input) =>
    operatorMutate((procedures) => procedures.platformCourses.create(input), ["platformCourses"]),
  saveDraft: (input) =>
    operatorMutate((procedures) => procedures.platformCourses.saveDraft(input), ["platformCourses"]),
  publish: (input) =>
    operatorMutate((procedures) => procedures.platformCourses.publish(input), ["platformCourses"]),
  startDraft: (input) =>
    operatorMutate((procedures) => procedures.platformCourses.startDraft(input), ["platformCourses"]),
});

/** `/operator/courses`. */
export function OperatorCourses() {
  const navigate = useNavigate();
  return (
    <>
      <CourseList
        backend={platformBackend()}
        base="/operator/courses"
        owner="The platform's courses"
        onCreated={(courseId) => navigate(`/operator/courses/${courseId}`)}
      />
      <TrainingAcrossCouncils />
    </>
  );
}

/** Each council's training counts (issue 10 §7): how many required courses stand where; no person is named. */
function TrainingAcrossCouncils() {
  const counts = operatorQuery((procedures) => procedures.platformCourses.councilCounts());
  return (
    <section aria-labelledby="across-heading">
      <h2 id="across-heading">Training across councils</h2>
      <Query query={counts} loading="Counting…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>No council yet.</p>}>
            <TableWrap label="Training across councils">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Council</th>
                    <th scope="col" class="cell-numeric">
                      People with requirements
                    </th>
                    <For each={matrixStatuses}>
                      {(status) => (
                        <th scope="col" class="cell-numeric">
                          {matrixStatusLabels[status]}
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(row) => (
                      <tr>
                        <th scope="row">{row.name}</th>
                        <td class="cell-numeric">{row.people}</td>
                        <For each={matrixStatuses}>
                          {(status) => <td class="cell-numeric">{row.counts[status]}</td>}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
    </section>
  );
}

/** `/operator/courses/:courseId`. */
export function OperatorCourse() {
  const params = useParams<{ courseId: string }>();
  return <CourseEditor backend={platformBackend()} courseId={params.courseId} back="/operator/courses" />;
}
