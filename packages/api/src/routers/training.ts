import { randomBytes, randomInt } from "node:crypto";
import {
  completeEnrolment,
  deleteRequirement,
  findOpenEnrolment,
  getActiveMembership,
  getLesson,
  getOwnAttempt,
  getOwnEnrolment,
  getPublishedVersion,
  getVisibleVersion,
  insertAttempt,
  insertCompletion,
  insertRequirement,
  listActiveMembers,
  listAttempts,
  listCatalogue,
  listCompletionsOf,
  listDoneLessons,
  listLatestCompletions,
  listOpenEnrolmentsOf,
  listQuestionBank,
  listQuestionPrompts,
  listQuestionsForLearner,
  listQuestionsForMarking,
  listRequiredCourses,
  listRequirements,
  listVersionOutline,
  lockEnrolment,
  openEnrolment,
  recordLessonDone,
  setAttemptsResetAfter,
  setLastLesson,
  submitAttempt,
} from "@steward/db";
import {
  attemptAnswersInput,
  attemptDecision,
  attemptResetProblem,
  attemptsResetAfter,
  completionExpiresOn,
  completionStanding,
  conflict,
  DomainError,
  drawQuestions,
  idInput,
  invalid,
  isCourseComplete,
  isoDate,
  type ManagerCheck,
  managerAssignmentCheck,
  markAttempt,
  matrixStatus,
  matrixStatusLabels,
  notFound,
  roleLabels,
  roleSchema,
  type Tier,
  type TrainingStanding,
  toCsv,
  trainingStanding,
  verificationCode,
} from "@steward/domain";
import { z } from "zod";
import { today } from "../contract-facts.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";
import { lessonHtml } from "../lesson-html.ts";
import { matrixFilterInput, trainingMatrix } from "../training-matrix.ts";

/**
 * Learning (issue 10 §2–§7): enrolling and being assigned, lessons and progress, quizzes marked here, the
 * caller's own page, the council's requirements and its training matrix. Answer keys are read only by
 * `submitAttempt`'s marking and never returned.
 */

async function ownOpenEnrolment(ctx: TenantContext, enrolmentId: string) {
  const enrolment = await getOwnEnrolment(ctx.tx, {
    tenantId: ctx.tenantId,
    userId: ctx.user.id,
    enrolmentId,
  });
  if (!enrolment) throw notFound("That enrolment");
  if (enrolment.completedAt !== null)
    throw conflict("You have completed this course: enrol again to renew it.");
  const version = await getVisibleVersion(ctx.tx, { tenantId: ctx.tenantId, versionId: enrolment.versionId });
  if (!version) throw notFound("That course");
  return { enrolment, version };
}

async function lessonsFor(ctx: TenantContext, versionId: string) {
  const council = await ctx.council();
  const modules = await listVersionOutline(ctx.tx, { versionId, jurisdiction: council.jurisdiction });
  return modules.flatMap((module) => module.lessons);
}

/** The learner's view of drawn questions: prompt, kind and options, in the drawn order. No key. */
async function questionsOf(ctx: TenantContext, versionId: string, questionIds: string[]) {
  return listQuestionsForLearner(ctx.tx, { versionId, ids: questionIds });
}

export const trainingRouter = router({
  /** Enrols the caller on a published course (issue 10 §3); an open enrolment is returned as it is. */
  enrol: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ courseId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const version = await getPublishedVersion(ctx.tx, { tenantId: ctx.tenantId, courseId: input.courseId });
      if (!version) throw notFound("That course");
      const { enrolment, created } = await openEnrolment(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        courseId: input.courseId,
        versionId: version.id,
        assignedBy: null,
        dueOn: null,
      });
      if (created) {
        await ctx.audit({
          action: "training.enrolled",
          entityType: "membership",
          entityId: ctx.user.id,
          after: { enrolmentId: enrolment.id, courseId: input.courseId, versionId: version.id, dueOn: null },
        });
      }
      return { enrolmentId: enrolment.id };
    }),

  /** Assigns a course to a member with a due date (issue 10 §3: an admin or an SRO). */
  assign: permittedProcedure("training:assign", { module: "training" })
    .input(z.object({ courseId: idInput, userId: idInput, dueOn: isoDate }))
    .mutation(async ({ ctx, input }) => {
      if (!(await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId: input.userId }))) {
        throw new DomainError("not_found", "Some answers need correcting: see the marked fields.", {
          userId: "Choose an active member of this council.",
        });
      }
      if (input.dueOn < today()) {
        throw invalid("Some answers need correcting: see the marked fields.", {
          dueOn: "Choose a due date from today on.",
        });
      }
      const version = await getPublishedVersion(ctx.tx, { tenantId: ctx.tenantId, courseId: input.courseId });
      if (!version) throw notFound("That course");
      const { enrolment } = await openEnrolment(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: input.userId,
        courseId: input.courseId,
        versionId: version.id,
        assignedBy: ctx.user.id,
        dueOn: input.dueOn,
      });
      await ctx.audit({
        action: "training.assigned",
        entityType: "membership",
        entityId: input.userId,
        after: { enrolmentId: enrolment.id, courseId: input.courseId, dueOn: input.dueOn },
      });
      return { enrolmentId: enrolment.id };
    }),

  /**
   * A council admin gives a learner back their quiz attempts (issue 10 §1: the attempt limit), for a course of
   * the council's or the platform's: the attempts and their scores stay, the enrolment's reset marks them as no
   * longer counting towards the limit or the cool-down. The enrolment's row is locked, as starting an attempt
   * locks it, so a reset and a new attempt go one after the other.
   */
  resetAttempts: permittedProcedure("training:manage", { module: "training" })
    .input(z.object({ userId: idInput, courseId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const enrolment = await findOpenEnrolment(ctx.tx, { tenantId: ctx.tenantId, ...input });
      if (!enrolment) throw notFound("That learner's enrolment");
      const locked = await lockEnrolment(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id });
      if (!locked) throw notFound("That learner's enrolment");
      const attempts = await listAttempts(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id });
      const problem = attemptResetProblem(attempts, locked.attemptsResetAfter);
      if (problem) throw conflict(problem);
      const resetAfter = attemptsResetAfter(attempts);
      const reset = await setAttemptsResetAfter(ctx.tx, {
        tenantId: ctx.tenantId,
        enrolmentId: enrolment.id,
        resetAfter,
      });
      if (!reset) throw conflict("They have completed this course since: there is nothing to reset.");
      const record = { enrolmentId: enrolment.id, courseId: input.courseId };
      await ctx.audit({
        action: "training.attempts_reset",
        entityType: "membership",
        entityId: input.userId,
        before: { ...record, attemptsResetAfter: locked.attemptsResetAfter },
        after: { ...record, attemptsResetAfter: resetAfter },
      });
      return { attemptsResetAfter: resetAfter };
    }),

  /** One lesson of the caller's enrolment, its Markdown rendered and sanitised here (lesson-html.ts). */
  lesson: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ enrolmentId: idInput, lessonId: idInput }))
    .query(async ({ ctx, input }) => {
      const enrolment = await getOwnEnrolment(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        enrolmentId: input.enrolmentId,
      });
      if (!enrolment) throw notFound("That enrolment");
      const lessons = await lessonsFor(ctx, enrolment.versionId);
      const index = lessons.findIndex((lesson) => lesson.id === input.lessonId);
      const lesson =
        index < 0
          ? null
          : await getLesson(ctx.tx, { versionId: enrolment.versionId, lessonId: input.lessonId });
      if (!lesson) throw notFound("That lesson");
      const done = await listDoneLessons(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id });
      return {
        id: lesson.id,
        courseId: enrolment.courseId,
        title: lesson.title,
        html: lessonHtml(lesson.body),
        position: index + 1,
        lessonCount: lessons.length,
        done: done.has(lesson.id),
        previousLessonId: lessons[index - 1]?.id ?? null,
        nextLessonId: lessons[index + 1]?.id ?? null,
      };
    }),

  /** Marks a lesson done (issue 10 §3: progress per lesson); the course then resumes at the next one. */
  completeLesson: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ enrolmentId: idInput, lessonId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const { enrolment } = await ownOpenEnrolment(ctx, input.enrolmentId);
      const lessons = await lessonsFor(ctx, enrolment.versionId);
      if (!lessons.some((lesson) => lesson.id === input.lessonId)) throw notFound("That lesson");
      const recorded = await recordLessonDone(ctx.tx, { tenantId: ctx.tenantId, ...input });
      await setLastLesson(ctx.tx, { tenantId: ctx.tenantId, ...input });
      await ctx.audit({
        action: "training.lesson_completed",
        entityType: "membership",
        entityId: ctx.user.id,
        after: input,
      });
      const done = await listDoneLessons(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id });
      return {
        recorded,
        lessonsDone: lessons.filter((lesson) => done.has(lesson.id)).length,
        nextLessonId: lessons.find((lesson) => !done.has(lesson.id))?.id ?? null,
      };
    }),

  /**
   * Starts a quiz attempt (issue 10 §1–§2) once every lesson is done: N questions drawn here from the bank, within
   * the attempt limit and after the cool-down. An attempt started and not submitted is handed back as it was.
   */
  startAttempt: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ enrolmentId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const { enrolment, version } = await ownOpenEnrolment(ctx, input.enrolmentId);
      const locked = await lockEnrolment(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id });
      if (!locked) throw notFound("That enrolment");
      const [lessons, done, attempts, council] = await Promise.all([
        lessonsFor(ctx, enrolment.versionId),
        listDoneLessons(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id }),
        listAttempts(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id }),
        ctx.council(),
      ]);
      if (!lessons.every((lesson) => done.has(lesson.id))) {
        throw conflict("Finish every lesson first: the quiz opens when they are all done.");
      }
      const open = attempts.find((attempt) => attempt.submittedAt === null);
      if (open) {
        return {
          attemptId: open.id,
          number: open.number,
          questions: await questionsOf(ctx, version.id, open.questionIds),
        };
      }
      const decision = attemptDecision(version, attempts, locked.attemptsResetAfter, new Date());
      if (!decision.allowed) {
        throw new DomainError(
          decision.reason === "cooldown" ? "too_many_requests" : "conflict",
          decision.message,
        );
      }
      const bank = await listQuestionBank(ctx.tx, {
        versionId: version.id,
        jurisdiction: council.jurisdiction,
      });
      const drawn = drawQuestions(bank, version.questionsPerAttempt, () => randomInt(0, 2 ** 32) / 2 ** 32);
      const attempt = await insertAttempt(ctx.tx, {
        tenantId: ctx.tenantId,
        enrolmentId: enrolment.id,
        userId: ctx.user.id,
        number: attempts.length + 1,
        questionIds: drawn,
      });
      await ctx.audit({
        action: "training.attempt_started",
        entityType: "membership",
        entityId: ctx.user.id,
        after: { enrolmentId: enrolment.id, attemptId: attempt.id, number: attempt.number },
      });
      return {
        attemptId: attempt.id,
        number: attempt.number,
        questions: await questionsOf(ctx, version.id, drawn),
      };
    }),

  /** An attempt of the caller's: its questions while open; once submitted, the score and per-question feedback. */
  attempt: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ attemptId: idInput }))
    .query(async ({ ctx, input }) => {
      const attempt = await getOwnAttempt(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        attemptId: input.attemptId,
      });
      if (!attempt) throw notFound("That attempt");
      const enrolment = await getOwnEnrolment(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        enrolmentId: attempt.enrolmentId,
      });
      const version =
        enrolment &&
        (await getVisibleVersion(ctx.tx, { tenantId: ctx.tenantId, versionId: enrolment.versionId }));
      if (!enrolment || !version) throw notFound("That attempt");
      const questions = await questionsOf(ctx, version.id, attempt.questionIds);
      const base = {
        attemptId: attempt.id,
        courseId: enrolment.courseId,
        number: attempt.number,
        passMarkPercent: version.passMarkPercent,
        questions,
      };
      if (attempt.submittedAt === null || attempt.answers === null) return { ...base, result: null };
      const marking = markAttempt(
        await listQuestionsForMarking(ctx.tx, { versionId: version.id, ids: attempt.questionIds }),
        attempt.answers,
        version.passMarkPercent,
      );
      return { ...base, result: { ...marking, answers: attempt.answers } };
    }),

  /**
   * Submits an attempt's answers (issue 10 §2): marked here against the questions drawn for it. Answers to other
   * questions are refused; a score or a pass the client sends is not read (the input has no such field); an
   * attempt already submitted is refused, so replaying it gains nothing. A pass with every lesson done completes
   * the course and issues its certificate, naming the version it was earned on.
   */
  submitAttempt: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ attemptId: idInput, answers: attemptAnswersInput }))
    .mutation(async ({ ctx, input }) => {
      const attempt = await getOwnAttempt(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        attemptId: input.attemptId,
      });
      if (!attempt) throw notFound("That attempt");
      await lockEnrolment(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: attempt.enrolmentId });
      if (attempt.submittedAt !== null)
        throw conflict("This attempt was already submitted: start a new one.");
      const { enrolment, version } = await ownOpenEnrolment(ctx, attempt.enrolmentId);
      const drawn = await listQuestionsForMarking(ctx.tx, {
        versionId: version.id,
        ids: attempt.questionIds,
      });
      const marking = markAttempt(drawn, input.answers, version.passMarkPercent);
      const submitted = await submitAttempt(ctx.tx, {
        tenantId: ctx.tenantId,
        attemptId: attempt.id,
        answers: input.answers,
        correctCount: marking.correctCount,
        scorePercent: marking.scorePercent,
        passed: marking.passed,
      });
      if (!submitted) throw conflict("This attempt was already submitted: start a new one.");
      await ctx.audit({
        action: "training.attempt_submitted",
        entityType: "membership",
        entityId: ctx.user.id,
        after: { attemptId: attempt.id, scorePercent: marking.scorePercent, passed: marking.passed },
      });
      const prompts = await listQuestionPrompts(ctx.tx, { versionId: version.id, ids: attempt.questionIds });
      const feedback = marking.feedback.map((item) => ({
        ...item,
        prompt: prompts.get(item.questionId) ?? "",
      }));
      const result = {
        scorePercent: marking.scorePercent,
        correctCount: marking.correctCount,
        questionCount: marking.questionCount,
        passed: marking.passed,
        passMarkPercent: version.passMarkPercent,
        feedback,
        completion: null as null | {
          id: string;
          verificationCode: string;
          completedOn: string;
          expiresOn: string | null;
        },
      };
      const [lessons, done] = await Promise.all([
        lessonsFor(ctx, enrolment.versionId),
        listDoneLessons(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id }),
      ]);
      if (
        !isCourseComplete(
          lessons.map((lesson) => lesson.id),
          done,
          marking.passed,
        )
      )
        return result;
      if (!(await completeEnrolment(ctx.tx, { tenantId: ctx.tenantId, enrolmentId: enrolment.id })))
        return result;
      const completedOn = today();
      const completion = await insertCompletion(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        courseId: enrolment.courseId,
        versionId: version.id,
        enrolmentId: enrolment.id,
        holderName: ctx.user.name,
        completedOn,
        expiresOn: completionExpiresOn(completedOn, version.validityMonths),
        verificationCode: verificationCode(randomBytes(16)),
      });
      await ctx.audit({
        action: "training.completed",
        entityType: "membership",
        entityId: ctx.user.id,
        after: {
          completionId: completion.id,
          courseId: completion.courseId,
          versionId: completion.versionId,
          completedOn: completion.completedOn,
          expiresOn: completion.expiresOn,
        },
      });
      result.completion = {
        id: completion.id,
        verificationCode: completion.verificationCode,
        completedOn: completion.completedOn,
        expiresOn: completion.expiresOn,
      };
      return result;
    }),

  /**
   * The caller's own page (issue 10 §7): what their role requires and where they stand, their open
   * enrolments with progress, and every completion (earlier ones kept after re-accreditation).
   */
  mine: permittedProcedure("training:learn", { module: "training" }).query(async ({ ctx }) => {
    const scope = { tenantId: ctx.tenantId, userId: ctx.user.id };
    const [required, completions, open, council] = await Promise.all([
      listRequiredCourses(ctx.tx, { tenantId: ctx.tenantId, role: ctx.role }),
      listCompletionsOf(ctx.tx, scope),
      listOpenEnrolmentsOf(ctx.tx, scope),
      ctx.council(),
    ]);
    const on = today();
    const dueSoonDays = council.settings.dueSoonDays;
    const latestOf = (courseId: string) => completions.find((completion) => completion.courseId === courseId);
    const openOf = (courseId: string) => open.find((enrolment) => enrolment.courseId === courseId);
    const lessonCounts = await Promise.all(open.map((enrolment) => lessonsFor(ctx, enrolment.versionId)));
    return {
      role: ctx.role,
      required: required.map((course) => {
        const latest = latestOf(course.courseId);
        const enrolment = openOf(course.courseId);
        return {
          courseId: course.courseId,
          courseTitle: course.courseTitle,
          status: matrixStatus(
            {
              ...(latest && { latestCompletion: latest }),
              ...(enrolment && {
                openEnrolment: { dueOn: enrolment.dueOn, started: enrolment.lessonsDone > 0 },
              }),
            },
            on,
            dueSoonDays,
          ),
          expiresOn: latest?.expiresOn ?? null,
          dueOn: enrolment?.dueOn ?? null,
        };
      }),
      enrolments: open.map((enrolment, index) => ({
        id: enrolment.id,
        courseId: enrolment.courseId,
        courseTitle: enrolment.courseTitle,
        dueOn: enrolment.dueOn,
        assigned: enrolment.assignedBy !== null,
        lessonsDone: enrolment.lessonsDone,
        lessonCount: lessonCounts[index]?.length ?? 0,
      })),
      completions: completions.map((completion) => ({
        id: completion.id,
        courseId: completion.courseId,
        courseTitle: completion.courseTitle,
        versionNumber: completion.versionNumber,
        completedOn: completion.completedOn,
        expiresOn: completion.expiresOn,
        verificationCode: completion.verificationCode,
        standing: completionStanding(completion.expiresOn, on, dueSoonDays),
        latest: latestOf(completion.courseId)?.id === completion.id,
      })),
    };
  }),

  /** The council's requirements (issue 10 §6): role → course, and the courses that can be required. */
  requirements: permittedProcedure("training:report", { module: "training" }).query(async ({ ctx }) => {
    const council = await ctx.council();
    const [requirements, courses] = await Promise.all([
      listRequirements(ctx.tx, { tenantId: ctx.tenantId }),
      listCatalogue(ctx.tx, { tenantId: ctx.tenantId, jurisdiction: council.jurisdiction }),
    ]);
    return {
      requirements: requirements.map((requirement) => ({
        ...requirement,
        roleLabel: roleLabels[requirement.role],
      })),
      courses: courses.map((course) => ({ courseId: course.courseId, title: course.title })),
    };
  }),

  addRequirement: permittedProcedure("training:manage", { module: "training" })
    .input(z.object({ role: roleSchema, courseId: idInput }))
    .mutation(async ({ ctx, input }) => {
      if (!(await getPublishedVersion(ctx.tx, { tenantId: ctx.tenantId, courseId: input.courseId }))) {
        throw notFound("That course");
      }
      const added = await insertRequirement(ctx.tx, { tenantId: ctx.tenantId, ...input });
      if (!added) throw conflict(`${roleLabels[input.role]}s already need that course.`);
      await ctx.audit({
        action: "training.requirement_added",
        entityType: "council",
        entityId: ctx.tenantId,
        after: input,
      });
      return { id: added.id };
    }),

  removeRequirement: permittedProcedure("training:manage", { module: "training" })
    .input(z.object({ requirementId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const removed = await deleteRequirement(ctx.tx, {
        tenantId: ctx.tenantId,
        requirementId: input.requirementId,
      });
      if (!removed) throw notFound("That requirement");
      await ctx.audit({
        action: "training.requirement_removed",
        entityType: "council",
        entityId: ctx.tenantId,
        before: { role: removed.role, courseId: removed.courseId },
      });
      return { removed: true };
    }),

  /**
   * The training matrix (issue 10 §7): members whose role has requirements × the courses required, each cell
   * complete / due / overdue / expired / not done, filtered by role, status and name.
   */
  matrix: permittedProcedure("training:report", { module: "training" })
    .input(matrixFilterInput)
    .query(async ({ ctx, input }) => trainingMatrix(ctx, input)),

  /** The matrix as CSV for HR, with the same filters. */
  matrixCsv: permittedProcedure("training:report", { module: "training" })
    .input(matrixFilterInput)
    .query(async ({ ctx, input }) => {
      const matrix = await trainingMatrix(ctx, input);
      const header = [
        "Name",
        "Email",
        "Role",
        ...matrix.courses.flatMap((course) => [course.title, `${course.title}: expires or due`]),
      ];
      const lines = matrix.rows.map((row) => [
        row.name,
        row.email,
        roleLabels[row.role],
        ...matrix.courses.flatMap((course) => {
          const cell = row.cells[course.courseId];
          return cell
            ? [matrixStatusLabels[cell.status], cell.expiresOn ?? cell.dueOn ?? ""]
            : ["Not required", ""];
        }),
      ]);
      return {
        fileName: `training-matrix-${today()}.csv`,
        csv: toCsv([header, ...lines], { byteOrderMark: true }),
      };
    }),

  /**
   * Whether a member may be named a contract's manager (issue 10 §6): their standing against the contract
   * manager role's courses, and the council's setting — `ok`, a warning, or a refusal, with the reason.
   */
  managerCheck: permittedProcedure("contracts:read")
    .input(z.object({ userId: idInput, tier: z.enum(["high", "medium", "low"]).nullable() }))
    .query(async ({ ctx, input }) => managerCheckOf(ctx, input.userId, input.tier)),
});

/**
 * The training check of naming a contract's manager (issue 10 §6), read once for the council and then asked for
 * any member and tier (null while unassessed): the contract form asks it for one, the bulk edit and the CSV
 * import for many contracts.
 */
export async function managerCheckerOf(ctx: TenantContext) {
  const [required, latest, members, council] = await Promise.all([
    listRequiredCourses(ctx.tx, { tenantId: ctx.tenantId, role: "contract_manager" }),
    listLatestCompletions(ctx.tx, { tenantId: ctx.tenantId }),
    listActiveMembers(ctx.tx, { tenantId: ctx.tenantId }),
    ctx.council(),
  ]);
  const names = new Map(members.map((member) => [member.userId, member.name]));
  const on = today();
  // An import names the same few managers on many rows: each one's standing is worked out once.
  const standings = new Map<string, TrainingStanding>();
  const standingOf = (userId: string) => {
    const known = standings.get(userId);
    if (known) return known;
    const standing = trainingStanding(
      required.map((course) => {
        const completion = latest.find((row) => row.userId === userId && row.courseId === course.courseId);
        return completion
          ? { courseTitle: course.courseTitle, latestCompletion: completion }
          : { courseTitle: course.courseTitle };
      }),
      on,
    );
    standings.set(userId, standing);
    return standing;
  };
  return (userId: string, tier: Tier | null): ManagerCheck => {
    const name = names.get(userId);
    if (name === undefined) throw notFound("That member");
    return managerAssignmentCheck(standingOf(userId), council.settings.trainingEnforcement, tier, name);
  };
}

/** A manager's training check for a contract of `tier` (null while unassessed). */
export async function managerCheckOf(ctx: TenantContext, userId: string, tier: Tier | null) {
  return (await managerCheckerOf(ctx))(userId, tier);
}

/** Refuses naming a manager the council's setting blocks (issue 10 §6), with the reason on the manager field. */
export async function enforceManagerTraining(
  ctx: TenantContext,
  userId: string | null,
  tier: "high" | "medium" | "low" | null,
) {
  if (userId === null) return null;
  const check = await managerCheckOf(ctx, userId, tier);
  if (check.outcome === "block") {
    throw invalid("Some answers need correcting: see the marked fields.", {
      contractManagerId: check.reason,
    });
  }
  return check.outcome === "warn" ? check.reason : null;
}
