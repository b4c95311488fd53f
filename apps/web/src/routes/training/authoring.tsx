import { useNavigate, useParams } from "@solidjs/router";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { type AuthoringBackend, CourseEditor, CourseList } from "./course-authoring.tsx";

/** The council's own courses (issue 10 §8), written by its admins: `courses.authoring.*`. */
function councilBackend(): AuthoringBackend {
  const mutate = councilMutations();
  return {
    list: () => councilQuery((procedures) => procedures.courses.authoring.list()),
    get: (courseId) =>
      councilQuery((procedures) => procedures.courses.authoring.get({ courseId: courseId() })),
    preview: (input) =>
      councilQuery((procedures) => {
        const wanted = input();
        return wanted ? procedures.courses.authoring.preview(wanted) : null;
      }),
    create: (input) => mutate((procedures) => procedures.courses.authoring.create(input), ["courses"]),
    saveDraft: (input) => mutate((procedures) => procedures.courses.authoring.saveDraft(input), ["courses"]),
    publish: (input) => mutate((procedures) => procedures.courses.authoring.publish(input), ["courses"]),
    startDraft: (input) =>
      mutate((procedures) => procedures.courses.authoring.startDraft(input), ["courses"]),
  };
}

/** `/t/:slug/training/authoring`. */
export function CouncilCourses() {
  const { council } = useCouncil();
  const navigate = useNavigate();
  const base = () => `/t/${council().slug}/training/authoring`;
  return (
    <CourseList
      backend={councilBackend()}
      base={base()}
      owner={`${council().name}'s own courses`}
      onCreated={(courseId) => navigate(`${base()}/${courseId}`)}
    />
  );
}

/** `/t/:slug/training/authoring/:courseId`. */
export function CouncilCourse() {
  const params = useParams<{ courseId: string }>();
  const { council } = useCouncil();
  return (
    <CourseEditor
      backend={councilBackend()}
      courseId={params.courseId}
      back={`/t/${council().slug}/training/authoring`}
    />
  );
}
