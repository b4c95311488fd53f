import {
  type AttemptAnswers,
  courseVersionStatuses,
  questionKinds,
  roles,
  type StoredQuestionOption,
} from "@steward/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, oneOf, tenantId, updatedAt, version } from "./columns.ts";
import { tenants, users } from "./platform.ts";

/**
 * Training (issue 10, DESIGN §6). Two halves:
 *
 * - **Course content** (`courses`, `course_versions`, `course_modules`, `course_lessons`, `course_questions`): a
 *   course belongs to the platform (`owner_tenant_id` null: every council with the training module sees it) or to
 *   one council (its own only). RLS (migration `training_rls`) shows a council its own rows and the platform's, and
 *   lets a council write only its own; only a transaction with no council (the operator's) writes platform rows.
 *   Content lives in versions: a published version is never edited, so a completion names what it was earned on.
 * - **Learning** (`training_requirements`, `enrolments`, `lesson_progress`, `quiz_attempts`, `completions`):
 *   ordinary tenant tables, keyed by (tenant_id, id).
 */

const isoDate = () => date({ mode: "string" });
const at = () => timestamp({ withTimezone: true, mode: "date" });
/** The owning council of a course row, or null for the platform's. Not `tenant_id`: platform rows have none. */
const ownerTenantId = () => uuid().references(() => tenants.id);

export const courses = pgTable(
  "courses",
  {
    id: id().primaryKey(),
    ownerTenantId: ownerTenantId(),
    slug: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("courses_platform_slug_key").on(t.slug).where(sql`${t.ownerTenantId} is null`),
    uniqueIndex("courses_council_slug_key")
      .on(t.ownerTenantId, t.slug)
      .where(sql`${t.ownerTenantId} is not null`),
  ],
);

/** One version of a course: its title, rules and (in the tables below) its modules, lessons and questions. */
export const courseVersions = pgTable(
  "course_versions",
  {
    id: id().primaryKey(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id),
    ownerTenantId: ownerTenantId(),
    number: integer().notNull(),
    status: text({ enum: courseVersionStatuses }).notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    /** Months a completion stays current (Foundation: 24); null when it never expires. */
    validityMonths: integer(),
    passMarkPercent: integer().notNull(),
    questionsPerAttempt: integer().notNull(),
    /** Attempts per enrolment; null for no limit. */
    attemptLimit: integer(),
    cooldownMinutes: integer().notNull(),
    publishedAt: at(),
    /**
     * Who last saved the draft and who published it: the record of a platform course's authoring, which
     * belongs to no council's audit log (a council's own courses are in its log as well).
     */
    updatedBy: uuid().references(() => users.id),
    publishedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("course_versions_course_number_key").on(t.courseId, t.number),
    uniqueIndex("course_versions_one_published_key").on(t.courseId).where(sql`${t.status} = 'published'`),
    uniqueIndex("course_versions_one_draft_key").on(t.courseId).where(sql`${t.status} = 'draft'`),
    oneOf("course_versions_status_check", t.status, courseVersionStatuses),
    check("course_versions_pass_mark_check", sql`${t.passMarkPercent} between 1 and 100`),
    check("course_versions_questions_check", sql`${t.questionsPerAttempt} between 1 and 100`),
    check(
      "course_versions_attempt_limit_check",
      sql`${t.attemptLimit} is null or ${t.attemptLimit} between 1 and 20`,
    ),
    check("course_versions_cooldown_check", sql`${t.cooldownMinutes} between 0 and 10080`),
    check(
      "course_versions_validity_check",
      sql`${t.validityMonths} is null or ${t.validityMonths} between 1 and 120`,
    ),
  ],
);

export const courseModules = pgTable(
  "course_modules",
  {
    id: id().primaryKey(),
    versionId: uuid()
      .notNull()
      .references(() => courseVersions.id, { onDelete: "cascade" }),
    ownerTenantId: ownerTenantId(),
    position: integer().notNull(),
    title: text().notNull(),
  },
  (t) => [index("course_modules_version_idx").on(t.versionId, t.position)],
);

export const courseLessons = pgTable(
  "course_lessons",
  {
    id: id().primaryKey(),
    versionId: uuid()
      .notNull()
      .references(() => courseVersions.id, { onDelete: "cascade" }),
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    ownerTenantId: ownerTenantId(),
    position: integer().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    /** Markdown as written; rendered and sanitised on the server when read (packages/api lesson-html.ts). */
    body: text().notNull(),
    /** The jurisdictions the lesson is for (`jurisdictions` in the domain); a council sees the lessons for its own. */
    jurisdictions: text().array().notNull(),
  },
  (t) => [
    uniqueIndex("course_lessons_version_slug_key").on(t.versionId, t.slug),
    index("course_lessons_module_idx").on(t.moduleId, t.position),
  ],
);

/** The question bank of a version. `options` holds the answer key: only the marking reads it. */
export const courseQuestions = pgTable(
  "course_questions",
  {
    id: id().primaryKey(),
    versionId: uuid()
      .notNull()
      .references(() => courseVersions.id, { onDelete: "cascade" }),
    ownerTenantId: ownerTenantId(),
    /** The author's own key (`q01`), unique in the version. */
    key: text().notNull(),
    /** The lesson the question tests, when it names one. */
    lessonId: uuid().references(() => courseLessons.id, { onDelete: "set null" }),
    kind: text({ enum: questionKinds }).notNull(),
    prompt: text().notNull(),
    options: jsonb().$type<StoredQuestionOption[]>().notNull(),
    explanation: text().notNull(),
    source: text(),
    /** Which jurisdictions may be asked it (its lesson's). */
    jurisdictions: text().array().notNull(),
  },
  (t) => [
    uniqueIndex("course_questions_version_key_key").on(t.versionId, t.key),
    oneOf("course_questions_kind_check", t.kind, questionKinds),
  ],
);

/** A council's training requirements: members with `role` need a current completion of `course_id` (issue 10 §6). */
export const trainingRequirements = pgTable(
  "training_requirements",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    role: text({ enum: roles }).notNull(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("training_requirements_role_course_key").on(t.tenantId, t.role, t.courseId),
    oneOf("training_requirements_role_check", t.role, roles),
  ],
);

const ofEnrolment = (t: { tenantId: AnyPgColumn; enrolmentId: AnyPgColumn }) =>
  foreignKey({ columns: [t.tenantId, t.enrolmentId], foreignColumns: [enrolments.tenantId, enrolments.id] });

/**
 * A member taking one version of a course: self-enrolled, or assigned (by an admin or SRO, with a due date).
 * One open enrolment a member a course; re-enrolling after a completion opens a new one and keeps the old.
 */
export const enrolments = pgTable(
  "enrolments",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    courseId: uuid()
      .notNull()
      .references(() => courses.id),
    versionId: uuid()
      .notNull()
      .references(() => courseVersions.id),
    assignedBy: uuid().references(() => users.id),
    dueOn: isoDate(),
    /** Where the learner left off, to resume there. */
    lastLessonId: uuid().references(() => courseLessons.id),
    enrolledAt: createdAt(),
    completedAt: at(),
    /**
     * A council admin's reset of the learner's quiz attempts: attempts numbered up to this one stay as they were
     * but no longer count towards the attempt limit or the cool-down (0: never reset).
     */
    attemptsResetAfter: integer().notNull().default(0),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("enrolments_open_key")
      .on(t.tenantId, t.userId, t.courseId)
      .where(sql`${t.completedAt} is null`),
    index("enrolments_user_idx").on(t.tenantId, t.userId),
  ],
);

/** A lesson the learner has finished, in one enrolment. */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    tenantId: tenantId().references(() => tenants.id),
    enrolmentId: uuid().notNull(),
    lessonId: uuid()
      .notNull()
      .references(() => courseLessons.id),
    completedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.enrolmentId, t.lessonId] }), ofEnrolment(t)],
);

/**
 * One attempt at a course's quiz: the questions drawn for it when it started (only those can be answered), and,
 * once submitted, the answers and the server's marking. (tenant, enrolment, number) is unique, so two attempts
 * started at once cannot both take the last allowed number.
 */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    enrolmentId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    number: integer().notNull(),
    questionIds: uuid().array().notNull(),
    startedAt: createdAt(),
    submittedAt: at(),
    answers: jsonb().$type<AttemptAnswers>(),
    correctCount: integer(),
    scorePercent: integer(),
    passed: boolean(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("quiz_attempts_number_key").on(t.tenantId, t.enrolmentId, t.number),
    ofEnrolment(t),
  ],
);

/**
 * A completion and its certificate: the version it was earned on, the dates, and the verification code. The
 * holder's name is kept as it was on the day, because the certificate says it.
 */
export const completions = pgTable(
  "completions",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    courseId: uuid()
      .notNull()
      .references(() => courses.id),
    versionId: uuid()
      .notNull()
      .references(() => courseVersions.id),
    enrolmentId: uuid().notNull(),
    holderName: text().notNull(),
    completedOn: isoDate().notNull(),
    expiresOn: isoDate(),
    verificationCode: text().notNull(),
    /** The expiry reminder's day, once sent (the job sends one a completion). */
    reminderSentOn: isoDate(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("completions_enrolment_key").on(t.tenantId, t.enrolmentId),
    uniqueIndex("completions_code_key").on(t.tenantId, t.verificationCode),
    index("completions_user_course_idx").on(t.tenantId, t.userId, t.courseId),
    ofEnrolment(t),
  ],
);

/**
 * Which council issued a certificate code: the public verification page has no council, so it looks the code up
 * here first and then reads the completion in that council's transaction (as an invitation link carries its
 * council). A platform table: the code and a council id, nothing about the holder.
 */
export const certificateCodes = pgTable("certificate_codes", {
  code: text().primaryKey(),
  councilId: uuid()
    .notNull()
    .references(() => tenants.id),
  createdAt: createdAt(),
});
