import { getTenant, listAllTenants } from "@steward/db";
import { tenantSettings } from "@steward/domain";
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
import { trainingMatrix } from "../training-matrix.ts";

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
  create: operatorProcedure.input(authoringInputs.create).mutation(async ({ ctx, input }) => {
    const created = await createAuthoredCourse(ctx.tx, platform(ctx), input);
    await ctx.platformAudit({
      action: "platform_course.created",
      entityType: "course",
      entityId: created.courseId,
      after: { slug: input.slug, title: created.title },
    });
    return created;
  }),
  saveDraft: operatorProcedure.input(authoringInputs.saveDraft).mutation(async ({ ctx, input }) => {
    const saved = await saveAuthoredDraft(ctx.tx, platform(ctx), input);
    await ctx.platformAudit({
      action: "platform_course.draft_saved",
      entityType: "course",
      entityId: input.courseId,
      after: { versionNumber: saved.versionNumber },
    });
    return saved;
  }),
  publish: operatorProcedure.input(authoringInputs.publish).mutation(async ({ ctx, input }) => {
    const published = await publishAuthoredDraft(ctx.tx, platform(ctx), input);
    await ctx.platformAudit({
      action: "platform_course.published",
      entityType: "course",
      entityId: input.courseId,
      after: { versionNumber: published.versionNumber },
    });
    return published;
  }),
  startDraft: operatorProcedure.input(authoringInputs.startDraft).mutation(async ({ ctx, input }) => {
    const started = await startAuthoredDraft(ctx.tx, platform(ctx), input);
    await ctx.platformAudit({
      action: "platform_course.draft_started",
      entityType: "course",
      entityId: input.courseId,
      after: { versionNumber: started.versionNumber },
    });
    return started;
  }),
  preview: operatorProcedure
    .input(authoringInputs.preview)
    .query(({ ctx, input }) => previewLesson(ctx.tx, null, input)),

  /**
   * Training across the platform (issue 10 §7): for each council, how many required courses are complete, due,
   * overdue, expired or not done, counted in that council's own read-only transaction. Counts only: no person.
   */
  councilCounts: operatorProcedure.query(async ({ ctx }) => {
    const councils = await listAllTenants(ctx.tx);
    const rows = [];
    for (const council of councils) {
      const counts = await ctx.readCouncil(council.id, async (tx) => {
        const row = await getTenant(tx, { tenantId: council.id });
        if (!row) return null;
        const matrix = await trainingMatrix(
          {
            tx,
            tenantId: council.id,
            council: async () => ({ ...row, settings: tenantSettings(row.settings) }),
          },
          {},
        );
        return { counts: matrix.counts, people: matrix.rows.length };
      });
      if (counts) rows.push({ councilId: council.id, name: council.name, ...counts });
    }
    return rows;
  }),
});
