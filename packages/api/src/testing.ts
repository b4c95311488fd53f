import { AttemptLimiter, passwordResetLimiter, SessionStore } from "@steward/auth";
import type { StripeBilling } from "@steward/billing";
import {
  type AttachmentStore,
  insertPublishedCourse,
  inTransaction,
  postgresAttachmentStore,
  schema,
} from "@steward/db";
import type { TestDatabase } from "@steward/db/testing";
import { type CourseContent, type Jurisdiction, newId } from "@steward/domain";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { RequestContext } from "./context.ts";
import { fieldErrorsOf } from "./init.ts";
import { createCaller } from "./root.ts";

const cookie = { secure: false };

/** A real session for a user, as the sign-in procedure would make one. */
export async function sessionCookieFor(test: TestDatabase, userId: string): Promise<string> {
  const { sessionId } = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
    new SessionStore(tx, null, cookie).create(userId),
  );
  return `steward_session=${sessionId}`;
}

export interface TestCaller {
  caller: ReturnType<typeof createCaller>;
  context: RequestContext;
}

/** A caller with the context apps/api would build for a request from this user in this council. */
export async function callerFor(
  test: TestDatabase,
  options: {
    userId?: string;
    tenantId?: string | null;
    signInLimiter?: AttemptLimiter;
    attachments?: AttachmentStore;
    stripe?: StripeBilling | null;
  } = {},
): Promise<TestCaller> {
  const context: RequestContext = {
    database: test.database,
    requestId: newId(),
    ip: "192.0.2.10",
    cookieHeader: options.userId ? await sessionCookieFor(test, options.userId) : undefined,
    tenantHeader: options.tenantId ?? null,
    appUrl: "http://localhost:3000",
    cookie,
    limits: { signIn: options.signInLimiter ?? new AttemptLimiter(), passwordReset: passwordResetLimiter() },
    attachments: options.attachments ?? postgresAttachmentStore,
    stripe: options.stripe ?? null,
    resHeaders: new Headers(),
    mail: { mailboxReaders: "anyone", wake: () => {} },
  };
  return { caller: createCaller(context), context };
}

/** The code and field messages a client would see for a failed call. */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code: string; fieldErrors: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError)
      return { code: error.code, fieldErrors: fieldErrorsOf(error.cause) ?? {} };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

/**
 * A small published course for training tests (issue 10): two lessons in one module (one with an XSS payload
 * in its Markdown), a bank of six questions, three drawn an attempt, a 70% pass mark, two attempts and a
 * 60-minute cool-down, valid 24 months. Owned by the platform unless a council is named.
 */
export async function publishTestCourse(
  test: TestDatabase,
  options: {
    owner?: string | null;
    slug?: string;
    questionsPerAttempt?: number;
    /** Whom lesson two is for: both jurisdictions unless given. */
    lessonTwoJurisdictions?: Jurisdiction[];
  } = {},
) {
  const owner = options.owner ?? null;
  const content: CourseContent = {
    slug: options.slug ?? `test-course-${newId().slice(-8)}`,
    rules: {
      title: "Test Foundation",
      summary: "A course for tests.",
      validityMonths: 24,
      passMarkPercent: 70,
      questionsPerAttempt: options.questionsPerAttempt ?? 3,
      attemptLimit: 2,
      cooldownMinutes: 60,
    },
    modules: [
      {
        title: "Basics",
        lessons: [
          {
            slug: "one",
            title: "Lesson one",
            body: "# One\n\nTiering is **proportionate**.",
            jurisdictions: ["GB-ENG", "ZA"],
          },
          {
            slug: "two",
            title: "Lesson two",
            body: 'Two <script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>',
            jurisdictions: options.lessonTwoJurisdictions ?? ["GB-ENG", "ZA"],
          },
        ],
      },
    ],
    questions: Array.from({ length: 6 }, (_, index) => ({
      key: `q${String(index + 1).padStart(2, "0")}`,
      lessonSlug: index % 2 === 0 ? "one" : "two",
      kind: index === 5 ? ("multiple" as const) : ("single" as const),
      prompt: `Question ${index + 1}?`,
      options:
        index === 5
          ? [
              { text: "Right A", correct: true },
              { text: "Right B", correct: true },
              { text: "Wrong", correct: false },
            ]
          : [
              { text: "Right", correct: true },
              { text: "Wrong", correct: false },
            ],
      explanation: `Because of rule ${index + 1}.`,
      source: "004 §5",
    })),
  };
  return inTransaction(test.database, { tenantId: owner, userId: null }, (tx) =>
    insertPublishedCourse(tx, { owner, content }),
  );
}

/** A version's answer key by question id, read as the platform: only tests and the marking read it. */
export async function answerKeyOf(test: TestDatabase, versionId: string, owner: string | null = null) {
  const rows = await inTransaction(test.database, { tenantId: owner, userId: null }, (tx) =>
    tx
      .select({ id: schema.courseQuestions.id, options: schema.courseQuestions.options })
      .from(schema.courseQuestions)
      .where(eq(schema.courseQuestions.versionId, versionId)),
  );
  return new Map(
    rows.map((row) => [row.id, row.options.filter((option) => option.correct).map((option) => option.id)]),
  );
}

/** Takes a published course as the caller from enrolment to a pass; returns the enrolment and the completion. */
export async function passTestCourse(
  test: TestDatabase,
  caller: ReturnType<typeof createCaller>,
  course: { courseId: string; versionId: string },
) {
  const { enrolmentId } = await caller.training.enrol({ courseId: course.courseId });
  const outline = await caller.courses.get({ courseId: course.courseId });
  for (const lesson of outline.modules.flatMap((module) => module.lessons)) {
    await caller.training.completeLesson({ enrolmentId, lessonId: lesson.id });
  }
  const key = await answerKeyOf(test, course.versionId);
  const attempt = await caller.training.startAttempt({ enrolmentId });
  const result = await caller.training.submitAttempt({
    attemptId: attempt.attemptId,
    answers: attempt.questions.map((question) => ({
      questionId: question.id,
      optionIds: key.get(question.id) ?? [],
    })),
  });
  if (!result.completion) throw new Error("the test course was not passed");
  return { enrolmentId, attemptId: attempt.attemptId, completion: result.completion };
}

/**
 * Where a serialised answer holds an answer key (issue 10 §2): any object with a `correct` flag, or a field
 * that names correct options. The answer-key walk (router.roles.test.ts) runs it over every procedure's answer.
 */
export function answerKeysIn(answer: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`);
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (/^(correct|isCorrect|correctOptions?|correctOptionIds?|answerKeys?)$/i.test(key))
          found.push(`${path}.${key}`);
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(answer === undefined ? null : JSON.parse(JSON.stringify(answer)), "answer");
  return found;
}

/** The only procedures whose answers hold answer keys: an author's view of their own draft (course-authoring.ts). */
export const answerKeyReaders = ["courses.authoring.get", "platformCourses.get"];
