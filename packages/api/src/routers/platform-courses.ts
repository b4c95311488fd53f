import {
  authoringInputs,
  createAuthoredCourse,
  getAuthoredCourse,
  listAuthoredCourses,
  previewLesson,
  publishAuthoredDraft,
  saveAuthoredDraft,
  startAuthoredDraft,
} from "../course-authoring.ts";
import { operatorProcedure, router } from "../init.ts";

/**
 * The platform's courses (issue 10 §8), authored by the operator in the `/operator` console: seen by every
 * council with the training module. The transaction has no council, so RLS lets it write platform rows only
 * (migration training_rls); each version records who saved and who published it.
 */
const platform = (ctx: { user: { id: string } }) => ({ owner: null, actor: ctx.user.id });

export const platformCoursesRouter = router({
  list: operatorProcedure.query(({ ctx }) => listAuthoredCourses(ctx.tx, null)),
  get: operatorProcedure
    .input(authoringInputs.get)
    .query(({ ctx, input }) => getAuthoredCourse(ctx.tx, null, input.courseId)),
  create: operatorProcedure
    .input(authoringInputs.create)
    .mutation(({ ctx, input }) => createAuthoredCourse(ctx.tx, platform(ctx), input)),
  saveDraft: operatorProcedure
    .input(authoringInputs.saveDraft)
    .mutation(({ ctx, input }) => saveAuthoredDraft(ctx.tx, platform(ctx), input)),
  publish: operatorProcedure
    .input(authoringInputs.publish)
    .mutation(({ ctx, input }) => publishAuthoredDraft(ctx.tx, platform(ctx), input)),
  startDraft: operatorProcedure
    .input(authoringInputs.startDraft)
    .mutation(({ ctx, input }) => startAuthoredDraft(ctx.tx, platform(ctx), input)),
  preview: operatorProcedure
    .input(authoringInputs.preview)
    .query(({ ctx, input }) => previewLesson(ctx.tx, null, input)),
});
