import { useNavigate, useParams } from "@solidjs/router";
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
    <CourseList
      backend={platformBackend()}
      base="/operator/courses"
      owner="The platform's courses"
      onCreated={(courseId) => navigate(`/operator/courses/${courseId}`)}
    />
  );
}

/** `/operator/courses/:courseId`. */
export function OperatorCourse() {
  const params = useParams<{ courseId: string }>();
  return <CourseEditor backend={platformBackend()} courseId={params.courseId} back="/operator/courses" />;
}
