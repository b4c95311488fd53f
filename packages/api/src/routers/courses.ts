import {
  getPublishedVersion,
  getVisibleVersion,
  listAttempts,
  listCatalogue,
  listCompletionsOf,
  listDoneLessons,
  listOpenEnrolmentsOf,
  listVersionOutline,
} from "@steward/db";
import { attemptDecision, completionStanding, idInput, notFound } from "@steward/domain";
import { z } from "zod";
import { today } from "../contract-facts.ts";
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
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const authorOf = (ctx: TenantContext) => ({ owner: ctx.tenantId, actor: ctx.user.id });

/**
 * The catalogue and a course's page (issue 10 §1, §3), and the council's own course authoring (§8). The
 * platform's courses are authored in the operator's console (`platformCourses`).
 */
export const coursesRouter = router({
  /** Every course the council's members may take (the platform's and the council's own), with the caller's standing. */
  catalogue: permittedProcedure("training:learn", { module: "training" }).query(async ({ ctx }) => {
    const council = await ctx.council();
    const [courses, open, completions] = await Promise.all([
      listCatalogue(ctx.tx, { tenantId: ctx.tenantId, jurisdiction: council.jurisdiction }),
      listOpenEnrolmentsOf(ctx.tx, { tenantId: ctx.tenantId, userId: ctx.user.id }),
      listCompletionsOf(ctx.tx, { tenantId: ctx.tenantId, userId: ctx.user.id }),
    ]);
    const on = today();
    return courses.map((course) => {
      const latest = completions.find((completion) => completion.courseId === course.courseId);
      return {
        ...course,
        enrolled: open.some((enrolment) => enrolment.courseId === course.courseId),
        standing: latest ? completionStanding(latest.expiresOn, on, council.settings.dueSoonDays) : null,
        expiresOn: latest?.expiresOn ?? null,
      };
    });
  }),

  /**
   * A course's outline for the caller: the version of their open enrolment (a course republished meanwhile does
   * not change under them), else the published one; the lessons done, where to resume, and the quiz's rules and
   * the caller's attempts (scores only).
   */
  get: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ courseId: idInput }))
    .query(async ({ ctx, input }) => {
      const [open, council, completions] = await Promise.all([
        listOpenEnrolmentsOf(ctx.tx, { tenantId: ctx.tenantId, userId: ctx.user.id }),
        ctx.council(),
        listCompletionsOf(ctx.tx, { tenantId: ctx.tenantId, userId: ctx.user.id }),
      ]);
      const enrolment = open.find((row) => row.courseId === input.courseId) ?? null;
      const version = enrolment
        ? await getVisibleVersion(ctx.tx, { tenantId: ctx.tenantId, versionId: enrolment.versionId })
        : await getPublishedVersion(ctx.tx, { tenantId: ctx.tenantId, courseId: input.courseId });
      if (!version) throw notFound("That course");
      const [modules, done, attempts] = await Promise.all([
        listVersionOutline(ctx.tx, { versionId: version.id, jurisdiction: council.jurisdiction }),
        enrolment
          ? listDoneLessons(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id })
          : Promise.resolve(new Set<string>()),
        enrolment
          ? listAttempts(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id })
          : Promise.resolve([]),
      ]);
      const lessons = modules.flatMap((module) => module.lessons);
      const resumeLessonId = lessons.find((lesson) => !done.has(lesson.id))?.id ?? null;
      const decision = attemptDecision(version, attempts, enrolment?.attemptsResetAfter ?? 0, new Date());
      const on = today();
      return {
        courseId: input.courseId,
        versionNumber: version.number,
        title: version.title,
        summary: version.summary,
        rules: {
          validityMonths: version.validityMonths,
          passMarkPercent: version.passMarkPercent,
          questionsPerAttempt: version.questionsPerAttempt,
          attemptLimit: version.attemptLimit,
          cooldownMinutes: version.cooldownMinutes,
        },
        modules: modules.map((module) => ({
          ...module,
          lessons: module.lessons.map((lesson) => ({ ...lesson, done: done.has(lesson.id) })),
        })),
        enrolment: enrolment && {
          id: enrolment.id,
          dueOn: enrolment.dueOn,
          lessonsDone: lessons.filter((lesson) => done.has(lesson.id)).length,
          lessonCount: lessons.length,
          resumeLessonId,
          quizOpen: resumeLessonId === null,
          openAttemptId: attempts.find((attempt) => attempt.submittedAt === null)?.id ?? null,
          attempts: attempts.map((attempt) => ({
            id: attempt.id,
            number: attempt.number,
            startedAt: attempt.startedAt,
            submittedAt: attempt.submittedAt,
            scorePercent: attempt.scorePercent,
            passed: attempt.passed,
          })),
          canAttempt: decision.allowed ? null : decision.message,
        },
        completions: completions
          .filter((completion) => completion.courseId === input.courseId)
          .map((completion) => ({
            id: completion.id,
            versionNumber: completion.versionNumber,
            completedOn: completion.completedOn,
            expiresOn: completion.expiresOn,
            standing: completionStanding(completion.expiresOn, on, council.settings.dueSoonDays),
          })),
      };
    }),

  /** The council's own courses (issue 10 §8), for its admins to write. */
  authoring: router({
    list: permittedProcedure("training:manage", { module: "training" }).query(({ ctx }) =>
      listAuthoredCourses(ctx.tx, ctx.tenantId),
    ),
    get: permittedProcedure("training:manage", { module: "training" })
      .input(authoringInputs.get)
      .query(({ ctx, input }) => getAuthoredCourse(ctx.tx, ctx.tenantId, input.courseId)),
    create: permittedProcedure("training:manage", { module: "training" })
      .input(authoringInputs.create)
      .mutation(async ({ ctx, input }) => {
        const created = await createAuthoredCourse(ctx.tx, authorOf(ctx), input);
        await ctx.audit({
          action: "course.created",
          entityType: "council",
          entityId: ctx.tenantId,
          after: { courseId: created.courseId, slug: input.slug, title: created.title },
        });
        return created;
      }),
    saveDraft: permittedProcedure("training:manage", { module: "training" })
      .input(authoringInputs.saveDraft)
      .mutation(async ({ ctx, input }) => {
        const saved = await saveAuthoredDraft(ctx.tx, authorOf(ctx), input);
        await ctx.audit({
          action: "course.draft_saved",
          entityType: "council",
          entityId: ctx.tenantId,
          after: { courseId: input.courseId, versionNumber: saved.versionNumber },
        });
        return saved;
      }),
    publish: permittedProcedure("training:manage", { module: "training" })
      .input(authoringInputs.publish)
      .mutation(async ({ ctx, input }) => {
        const published = await publishAuthoredDraft(ctx.tx, authorOf(ctx), input);
        await ctx.audit({
          action: "course.published",
          entityType: "council",
          entityId: ctx.tenantId,
          after: { courseId: input.courseId, versionNumber: published.versionNumber },
        });
        return published;
      }),
    startDraft: permittedProcedure("training:manage", { module: "training" })
      .input(authoringInputs.startDraft)
      .mutation(async ({ ctx, input }) => {
        const started = await startAuthoredDraft(ctx.tx, authorOf(ctx), input);
        await ctx.audit({
          action: "course.draft_started",
          entityType: "council",
          entityId: ctx.tenantId,
          after: { courseId: input.courseId, versionNumber: started.versionNumber },
        });
        return started;
      }),
    preview: permittedProcedure("training:manage", { module: "training" })
      .input(authoringInputs.preview)
      .query(({ ctx, input }) => previewLesson(ctx.tx, ctx.tenantId, input)),
  }),
});
