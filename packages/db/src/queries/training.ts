import type { AttemptAnswers, Role } from "@steward/domain";
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { builtOnce, type Tx } from "../database.ts";
import {
  certificateCodes,
  completions,
  courses,
  courseVersions,
  enrolments,
  lessonProgress,
  memberships,
  quizAttempts,
  trainingRequirements,
  users,
} from "../schema/index.ts";

/** Learning (issue 10 §3–§7): enrolments, progress, attempts, completions and requirements, one council's. */

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type AttemptRow = typeof quizAttempts.$inferSelect;
export type CompletionRow = typeof completions.$inferSelect;

export async function findOpenEnrolment(
  tx: Tx,
  { tenantId, userId, courseId }: { tenantId: string; userId: string; courseId: string },
) {
  const [row] = await tx
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.tenantId, tenantId),
        eq(enrolments.userId, userId),
        eq(enrolments.courseId, courseId),
        isNull(enrolments.completedAt),
      ),
    );
  return row ?? null;
}

/**
 * Opens an enrolment, or (when the member already has one open for the course) returns that one with the due
 * date and assigner updated if given. The partial unique key keeps it to one open enrolment a course.
 */
export async function openEnrolment(
  tx: Tx,
  values: {
    tenantId: string;
    userId: string;
    courseId: string;
    versionId: string;
    assignedBy: string | null;
    dueOn: string | null;
  },
) {
  const [inserted] = await tx
    .insert(enrolments)
    .values(values)
    .onConflictDoNothing({
      target: [enrolments.tenantId, enrolments.userId, enrolments.courseId],
      where: sql`${enrolments.completedAt} is null`,
    })
    .returning();
  if (inserted) return { enrolment: inserted, created: true };
  const existing = await findOpenEnrolment(tx, values);
  if (!existing) throw new Error("open enrolment vanished");
  if (values.assignedBy === null) return { enrolment: existing, created: false };
  const [updated] = await tx
    .update(enrolments)
    .set({ assignedBy: values.assignedBy, dueOn: values.dueOn, version: existing.version + 1 })
    .where(and(eq(enrolments.tenantId, values.tenantId), eq(enrolments.id, existing.id)))
    .returning();
  return { enrolment: updated ?? existing, created: false };
}

/** The member's own enrolment (another member's id finds nothing). */
export async function getOwnEnrolment(
  tx: Tx,
  { tenantId, userId, enrolmentId }: { tenantId: string; userId: string; enrolmentId: string },
) {
  const [row] = await tx
    .select()
    .from(enrolments)
    .where(
      and(eq(enrolments.tenantId, tenantId), eq(enrolments.id, enrolmentId), eq(enrolments.userId, userId)),
    );
  return row ?? null;
}

export async function setLastLesson(
  tx: Tx,
  { tenantId, enrolmentId, lessonId }: { tenantId: string; enrolmentId: string; lessonId: string },
) {
  await tx
    .update(enrolments)
    .set({ lastLessonId: lessonId })
    .where(and(eq(enrolments.tenantId, tenantId), eq(enrolments.id, enrolmentId)));
}

/** Marks the enrolment complete once (null when it already was: a second completion is not issued). */
export async function completeEnrolment(
  tx: Tx,
  { tenantId, enrolmentId }: { tenantId: string; enrolmentId: string },
) {
  const [row] = await tx
    .update(enrolments)
    .set({ completedAt: new Date() })
    .where(
      and(eq(enrolments.tenantId, tenantId), eq(enrolments.id, enrolmentId), isNull(enrolments.completedAt)),
    )
    .returning();
  return row ?? null;
}

export async function recordLessonDone(
  tx: Tx,
  { tenantId, enrolmentId, lessonId }: { tenantId: string; enrolmentId: string; lessonId: string },
) {
  const rows = await tx
    .insert(lessonProgress)
    .values({ tenantId, enrolmentId, lessonId })
    .onConflictDoNothing()
    .returning({ lessonId: lessonProgress.lessonId });
  return rows.length > 0;
}

export async function listDoneLessons(
  tx: Tx,
  { tenantId, enrolmentId }: { tenantId: string; enrolmentId: string },
) {
  const rows = await tx
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.tenantId, tenantId), eq(lessonProgress.enrolmentId, enrolmentId)));
  return new Set(rows.map((row) => row.lessonId));
}

export async function listAttempts(
  tx: Tx,
  { tenantId, enrolmentId }: { tenantId: string; enrolmentId: string },
) {
  return tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.tenantId, tenantId), eq(quizAttempts.enrolmentId, enrolmentId)))
    .orderBy(asc(quizAttempts.number));
}

/**
 * Locks the enrolment's row: starting and submitting attempts, and an admin's reset of them, go one at a time
 * per enrolment, so the attempt limit and the single completion hold when requests race. Returns the reset
 * read under the lock.
 */
export async function lockEnrolment(
  tx: Tx,
  { tenantId, enrolmentId }: { tenantId: string; enrolmentId: string },
) {
  const [row] = await tx
    .select({ id: enrolments.id, attemptsResetAfter: enrolments.attemptsResetAfter })
    .from(enrolments)
    .where(and(eq(enrolments.tenantId, tenantId), eq(enrolments.id, enrolmentId)))
    .for("update");
  return row ?? null;
}

/** Sets an open enrolment's reset of its quiz attempts (the caller holds the row's lock: `lockEnrolment`). */
export async function setAttemptsResetAfter(
  tx: Tx,
  { tenantId, enrolmentId, resetAfter }: { tenantId: string; enrolmentId: string; resetAfter: number },
) {
  const [row] = await tx
    .update(enrolments)
    .set({ attemptsResetAfter: resetAfter })
    .where(
      and(eq(enrolments.tenantId, tenantId), eq(enrolments.id, enrolmentId), isNull(enrolments.completedAt)),
    )
    .returning({ id: enrolments.id });
  return row ?? null;
}

export async function insertAttempt(tx: Tx, values: typeof quizAttempts.$inferInsert) {
  const [row] = await tx.insert(quizAttempts).values(values).returning();
  if (!row) throw new Error("insert returned no attempt");
  return row;
}

export async function getOwnAttempt(
  tx: Tx,
  { tenantId, userId, attemptId }: { tenantId: string; userId: string; attemptId: string },
) {
  const [row] = await tx
    .select()
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.tenantId, tenantId),
        eq(quizAttempts.id, attemptId),
        eq(quizAttempts.userId, userId),
      ),
    );
  return row ?? null;
}

/** Records the marking, once: an attempt already submitted is not changed (null), so a replay gains nothing. */
export async function submitAttempt(
  tx: Tx,
  {
    tenantId,
    attemptId,
    answers,
    correctCount,
    scorePercent,
    passed,
  }: {
    tenantId: string;
    attemptId: string;
    answers: AttemptAnswers;
    correctCount: number;
    scorePercent: number;
    passed: boolean;
  },
) {
  const [row] = await tx
    .update(quizAttempts)
    .set({ answers, correctCount, scorePercent, passed, submittedAt: new Date() })
    .where(
      and(
        eq(quizAttempts.tenantId, tenantId),
        eq(quizAttempts.id, attemptId),
        isNull(quizAttempts.submittedAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertCompletion(tx: Tx, values: typeof completions.$inferInsert) {
  const [row] = await tx.insert(completions).values(values).returning();
  if (!row) throw new Error("insert returned no completion");
  await tx.insert(certificateCodes).values({ code: row.verificationCode, councilId: row.tenantId });
  return row;
}

/** A member's completions (every one, earlier ones kept), latest first, with the course version's title. */
export async function listCompletionsOf(tx: Tx, { tenantId, userId }: { tenantId: string; userId: string }) {
  return tx
    .select({
      id: completions.id,
      courseId: completions.courseId,
      versionId: completions.versionId,
      versionNumber: courseVersions.number,
      courseTitle: courseVersions.title,
      holderName: completions.holderName,
      completedOn: completions.completedOn,
      expiresOn: completions.expiresOn,
      verificationCode: completions.verificationCode,
    })
    .from(completions)
    .innerJoin(courseVersions, eq(courseVersions.id, completions.versionId))
    .where(and(eq(completions.tenantId, tenantId), eq(completions.userId, userId)))
    .orderBy(desc(completions.completedOn), desc(completions.createdAt));
}

/** The member's open enrolments and each one's progress, for their own page. */
export async function listOpenEnrolmentsOf(
  tx: Tx,
  { tenantId, userId }: { tenantId: string; userId: string },
) {
  return tx
    .select({
      id: enrolments.id,
      courseId: enrolments.courseId,
      versionId: enrolments.versionId,
      courseTitle: courseVersions.title,
      dueOn: enrolments.dueOn,
      assignedBy: enrolments.assignedBy,
      enrolledAt: enrolments.enrolledAt,
      lastLessonId: enrolments.lastLessonId,
      attemptsResetAfter: enrolments.attemptsResetAfter,
      lessonsDone: sql<number>`(select count(*)::int from ${lessonProgress} p where p.tenant_id = ${enrolments.tenantId} and p.enrolment_id = ${enrolments.id})`,
    })
    .from(enrolments)
    .innerJoin(courseVersions, eq(courseVersions.id, enrolments.versionId))
    .where(
      and(eq(enrolments.tenantId, tenantId), eq(enrolments.userId, userId), isNull(enrolments.completedAt)),
    )
    .orderBy(asc(enrolments.dueOn), asc(courseVersions.title));
}

/** Looks a certificate code up across councils: which council issued it, or null. */
export async function findCertificateCouncil(tx: Tx, { code }: { code: string }) {
  const [row] = await tx
    .select({ councilId: certificateCodes.councilId })
    .from(certificateCodes)
    .where(eq(certificateCodes.code, code));
  return row?.councilId ?? null;
}

/** What the public verification page shows of a certificate: the holder's name, the course, the dates. */
export async function getCertificateForVerification(
  tx: Tx,
  { tenantId, code }: { tenantId: string; code: string },
) {
  const [row] = await tx
    .select({
      holderName: completions.holderName,
      courseTitle: courseVersions.title,
      completedOn: completions.completedOn,
      expiresOn: completions.expiresOn,
    })
    .from(completions)
    .innerJoin(courseVersions, eq(courseVersions.id, completions.versionId))
    .where(and(eq(completions.tenantId, tenantId), eq(completions.verificationCode, code)));
  return row ?? null;
}

/** One of the member's own certificates, for printing. */
export async function getOwnCompletion(
  tx: Tx,
  { tenantId, userId, completionId }: { tenantId: string; userId: string; completionId: string },
) {
  const [row] = await tx
    .select({
      id: completions.id,
      holderName: completions.holderName,
      courseTitle: courseVersions.title,
      versionNumber: courseVersions.number,
      completedOn: completions.completedOn,
      expiresOn: completions.expiresOn,
      verificationCode: completions.verificationCode,
    })
    .from(completions)
    .innerJoin(courseVersions, eq(courseVersions.id, completions.versionId))
    .where(
      and(
        eq(completions.tenantId, tenantId),
        eq(completions.id, completionId),
        eq(completions.userId, userId),
      ),
    );
  return row ?? null;
}

// Requirements (issue 10 §6).

/** The council's requirements, with each course's published title. */
export async function listRequirements(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({
      id: trainingRequirements.id,
      role: trainingRequirements.role,
      courseId: trainingRequirements.courseId,
      courseTitle: sql<string>`coalesce(${courseVersions.title}, ${courses.slug})`,
    })
    .from(trainingRequirements)
    .innerJoin(courses, eq(courses.id, trainingRequirements.courseId))
    .leftJoin(
      courseVersions,
      and(eq(courseVersions.courseId, courses.id), eq(courseVersions.status, "published")),
    )
    .where(eq(trainingRequirements.tenantId, tenantId))
    .orderBy(asc(trainingRequirements.role), asc(courseVersions.title));
}

export async function insertRequirement(tx: Tx, values: { tenantId: string; role: Role; courseId: string }) {
  const [row] = await tx.insert(trainingRequirements).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deleteRequirement(
  tx: Tx,
  { tenantId, requirementId }: { tenantId: string; requirementId: string },
) {
  const [row] = await tx
    .delete(trainingRequirements)
    .where(and(eq(trainingRequirements.tenantId, tenantId), eq(trainingRequirements.id, requirementId)))
    .returning();
  return row ?? null;
}

const latestCompletions = builtOnce((db) =>
  db
    .selectDistinctOn([completions.userId, completions.courseId], {
      userId: completions.userId,
      courseId: completions.courseId,
      completedOn: completions.completedOn,
      expiresOn: completions.expiresOn,
    })
    .from(completions)
    .where(eq(completions.tenantId, sql.placeholder("tenantId")))
    .orderBy(
      completions.userId,
      completions.courseId,
      desc(completions.completedOn),
      desc(completions.createdAt),
    ),
);

/** Each member's latest completion of each course (the one that counts for the matrix and the obligations). */
export async function listLatestCompletions(tx: Tx, { tenantId }: { tenantId: string }) {
  return latestCompletions(tx, { tenantId });
}

/**
 * Every open enrolment of the council: due dates, whether a lesson is done, and the quiz attempts made since
 * the last reset against the version's limit.
 */
export async function listOpenEnrolmentFacts(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({
      userId: enrolments.userId,
      courseId: enrolments.courseId,
      dueOn: enrolments.dueOn,
      started: sql<boolean>`exists (select 1 from ${lessonProgress} p where p.tenant_id = ${enrolments.tenantId} and p.enrolment_id = ${enrolments.id})`,
      attemptLimit: courseVersions.attemptLimit,
      attemptsSinceReset: sql<number>`(select count(*)::int from ${quizAttempts} a where a.tenant_id = ${enrolments.tenantId} and a.enrolment_id = ${enrolments.id} and a.number > ${enrolments.attemptsResetAfter})`,
    })
    .from(enrolments)
    .innerJoin(courseVersions, eq(courseVersions.id, enrolments.versionId))
    .where(and(eq(enrolments.tenantId, tenantId), isNull(enrolments.completedAt)));
}

/** The council's active members by name, with their role: the matrix's rows. */
export async function listActiveMembers(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(users.name));
}

/**
 * Completions expiring within `untilDate` whose reminder is unsent and that no later completion of the same
 * course has replaced: the expiry reminder job's list, with the holder's address.
 */
export async function listCompletionsToRemind(
  tx: Tx,
  { tenantId, untilDate }: { tenantId: string; untilDate: string },
) {
  return tx
    .select({
      id: completions.id,
      userId: completions.userId,
      email: users.email,
      holderName: users.name,
      courseTitle: courseVersions.title,
      expiresOn: completions.expiresOn,
      reminderSentOn: completions.reminderSentOn,
      superseded: sql<boolean>`exists (select 1 from ${completions} later where later.tenant_id = ${completions.tenantId} and later.user_id = ${completions.userId} and later.course_id = ${completions.courseId} and later.completed_on > ${completions.completedOn})`,
    })
    .from(completions)
    .innerJoin(users, eq(users.id, completions.userId))
    .innerJoin(courseVersions, eq(courseVersions.id, completions.versionId))
    .where(
      and(
        eq(completions.tenantId, tenantId),
        isNull(completions.reminderSentOn),
        isNotNull(completions.expiresOn),
        sql`${completions.expiresOn} <= ${untilDate}`,
      ),
    );
}

export async function markReminderSent(
  tx: Tx,
  { tenantId, completionId, sentOn }: { tenantId: string; completionId: string; sentOn: string },
) {
  const [row] = await tx
    .update(completions)
    .set({ reminderSentOn: sentOn })
    .where(
      and(
        eq(completions.tenantId, tenantId),
        eq(completions.id, completionId),
        isNull(completions.reminderSentOn),
      ),
    )
    .returning({ id: completions.id });
  return row ?? null;
}

/** The courses the council requires of a role, with their published titles. */
const requiredCourses = builtOnce((db) =>
  db
    .select({
      courseId: trainingRequirements.courseId,
      courseTitle: sql<string>`coalesce(${courseVersions.title}, ${courses.slug})`,
    })
    .from(trainingRequirements)
    .innerJoin(courses, eq(courses.id, trainingRequirements.courseId))
    .leftJoin(
      courseVersions,
      and(eq(courseVersions.courseId, courses.id), eq(courseVersions.status, "published")),
    )
    .where(
      and(
        eq(trainingRequirements.tenantId, sql.placeholder("tenantId")),
        eq(trainingRequirements.role, sql.placeholder("role")),
      ),
    ),
);

export async function listRequiredCourses(tx: Tx, { tenantId, role }: { tenantId: string; role: Role }) {
  return requiredCourses(tx, { tenantId, role });
}

/** What the `manager_training` obligation reads (issue 10 §6): the contract manager role's courses and completions. */
export async function listManagerTrainingFacts(tx: Tx, { tenantId }: { tenantId: string }) {
  const [requiredCourses, latestCompletions] = await Promise.all([
    listRequiredCourses(tx, { tenantId, role: "contract_manager" }),
    listLatestCompletions(tx, { tenantId }),
  ]);
  return { requiredCourses, latestCompletions };
}
