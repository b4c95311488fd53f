import type { Tier } from "../contracts/contract-input.ts";
import { addDays, addMonths, daysBetween } from "../contracts/iso-dates.ts";
import { invalid } from "../errors.ts";
import type {
  AttemptAnswers,
  QuestionKind,
  StoredQuestionOption,
  TrainingEnforcement,
} from "./vocabulary.ts";

/**
 * Training's rules (issue 10 §2–§6). Pure: "today" and "now" are parameters, randomness is passed in.
 */

// Issue 10 §5; DESIGN §6: "the foundation level re-accredits every 2 years" (the UK Government Commercial
// Function's Foundation accreditation lasts two years). A completion earned on 2024-03-15 with 24 months'
// validity is current up to and including 2026-03-14 and expired from 2026-03-15 (`expiresOn`). A month end
// is kept: 2024-02-29 + 24 months expires on 2026-02-28.
export function completionExpiresOn(completedOn: string, validityMonths: number | null): string | null {
  return validityMonths === null ? null : addMonths(completedOn, validityMonths);
}

/** A completion's standing on `today`: current, due for re-accreditation (within `dueSoonDays` of expiry), or expired. */
export type CompletionStanding = "current" | "due_soon" | "expired";
export function completionStanding(
  expiresOn: string | null,
  today: string,
  dueSoonDays: number,
): CompletionStanding {
  if (expiresOn === null) return "current";
  if (today >= expiresOn) return "expired";
  return daysBetween(today, expiresOn) <= dueSoonDays ? "due_soon" : "current";
}

/**
 * One cell of the training matrix (issue 10 §7): a member against one course their role requires.
 * - `complete`: a current completion, not yet due for re-accreditation;
 * - `due`: a completion due for re-accreditation soon, or an assignment whose due date has not passed;
 * - `overdue`: an assignment whose due date has passed with no current completion;
 * - `expired`: the last completion has expired (and no assignment is overdue);
 * - `missing`: never completed, and not assigned with a due date.
 */
export const matrixStatuses = ["complete", "due", "overdue", "expired", "missing"] as const;
export type MatrixStatus = (typeof matrixStatuses)[number];
export const matrixStatusLabels: Record<MatrixStatus, string> = {
  complete: "Complete",
  due: "Due",
  overdue: "Overdue",
  expired: "Expired",
  missing: "Not done",
};

export interface LearnerCourseFacts {
  /** The latest completion's expiry (null: it never expires); undefined when never completed. */
  latestCompletion?: { completedOn: string; expiresOn: string | null };
  /** The open enrolment, if any: its due date (assigned) and whether any lesson is done. */
  openEnrolment?: { dueOn: string | null; started: boolean };
}

export function matrixStatus(facts: LearnerCourseFacts, today: string, dueSoonDays: number): MatrixStatus {
  const completion = facts.latestCompletion;
  const standing = completion ? completionStanding(completion.expiresOn, today, dueSoonDays) : null;
  if (standing === "current") return "complete";
  if (standing === "due_soon") return "due";
  const dueOn = facts.openEnrolment?.dueOn ?? null;
  if (dueOn !== null) return today > dueOn ? "overdue" : "due";
  return standing === "expired" ? "expired" : "missing";
}

/** Issue 10 §1: N questions drawn from the bank per attempt, uniformly, in a random order (Fisher–Yates). */
export function drawQuestions<T>(bank: readonly T[], count: number, random: () => number): T[] {
  const pool = [...bank];
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
  }
  return pool.slice(0, Math.min(count, pool.length));
}

export interface QuizRules {
  attemptLimit: number | null;
  cooldownMinutes: number;
}
export interface EarlierAttempt {
  /** The attempt's number in its enrolment, from 1. */
  number: number;
  startedAt: Date;
  submittedAt: Date | null;
  passed: boolean | null;
}

/**
 * Whether a learner may start an attempt now (issue 10 §1): not once passed, not past the attempt limit, and
 * not within the cool-down after a failed attempt. An unsubmitted attempt is resumed, not started again (the
 * caller hands it back), so it counts towards the limit from the moment it is drawn. `resetAfter` is the
 * enrolment's last reset by a council admin (`attemptResetProblem`): attempts numbered up to it count towards
 * neither the limit nor the cool-down.
 */
export type AttemptDecision =
  | { allowed: true }
  | { allowed: false; reason: "passed" | "limit" | "cooldown"; message: string; retryAt?: Date };
export function attemptDecision(
  rules: QuizRules,
  attempts: readonly EarlierAttempt[],
  resetAfter: number,
  now: Date,
): AttemptDecision {
  if (attempts.some((attempt) => attempt.passed === true)) {
    return { allowed: false, reason: "passed", message: "You have already passed this quiz." };
  }
  const earlier = attempts.filter((attempt) => attempt.number > resetAfter);
  if (attemptLimitReached(rules.attemptLimit, earlier.length)) {
    return {
      allowed: false,
      reason: "limit",
      message: `You have used all ${rules.attemptLimit} attempts at this quiz. Ask your council's training admin to reset your attempts.`,
    };
  }
  const lastSubmitted = earlier
    .map((attempt) => attempt.submittedAt)
    .filter((at): at is Date => at !== null)
    .sort((x, y) => y.getTime() - x.getTime())[0];
  if (lastSubmitted && rules.cooldownMinutes > 0) {
    const retryAt = new Date(lastSubmitted.getTime() + rules.cooldownMinutes * 60_000);
    if (now < retryAt) {
      return {
        allowed: false,
        reason: "cooldown",
        message: `You can try again from ${retryAt.toISOString().slice(11, 16)} UTC: take the time to reread the lessons.`,
        retryAt,
      };
    }
  }
  return { allowed: true };
}

/** Whether the attempts counted since the last reset have reached the course's limit (issue 10 §1). */
export const attemptLimitReached = (attemptLimit: number | null, countedAttempts: number) =>
  attemptLimit !== null && countedAttempts >= attemptLimit;

/**
 * Why a council admin may not reset a learner's quiz attempts now (null: they may). A reset gives back the
 * attempt limit and lifts the cool-down, for a learner who has used them up (issue 10 §1); it is for an open
 * enrolment with attempts since the last reset, none of them under way (the learner can still submit that one),
 * and never after a pass.
 */
export function attemptResetProblem(attempts: readonly EarlierAttempt[], resetAfter: number): string | null {
  if (attempts.some((attempt) => attempt.passed === true)) return "They have passed this quiz.";
  if (attempts.some((attempt) => attempt.submittedAt === null)) {
    return "They have an attempt under way: they can still submit it.";
  }
  if (!attempts.some((attempt) => attempt.number > resetAfter)) {
    return "They have made no attempt since their attempts were last reset.";
  }
  return null;
}

/** The number a reset sets as the enrolment's `resetAfter`: every attempt made so far. */
export const attemptsResetAfter = (attempts: readonly EarlierAttempt[]) =>
  Math.max(0, ...attempts.map((attempt) => attempt.number));

export interface MarkableQuestion {
  id: string;
  kind: QuestionKind;
  options: readonly StoredQuestionOption[];
  explanation: string;
}

export interface QuestionFeedback {
  questionId: string;
  right: boolean;
  explanation: string;
}

export interface Marking {
  correctCount: number;
  questionCount: number;
  scorePercent: number;
  passed: boolean;
  feedback: QuestionFeedback[];
}

/**
 * Issue 10 §2: marking happens on the server, against the questions drawn for the attempt. Answers to any
 * other question are refused (a client cannot swap in a question it knows); a question left unanswered is
 * wrong; a single-choice question takes one option; a multiple-choice question is right only when exactly its
 * correct options are chosen. Nothing the client sends says what the score is.
 */
export function markAttempt(
  drawn: readonly MarkableQuestion[],
  answers: AttemptAnswers,
  passMarkPercent: number,
): Marking {
  const byId = new Map(drawn.map((question) => [question.id, question]));
  const foreign = Object.keys(answers).filter((questionId) => !byId.has(questionId));
  if (foreign.length > 0) {
    throw invalid("Those answers are for questions this attempt did not ask. Reload the quiz and try again.");
  }
  const feedback = drawn.map((question) => {
    const chosen = new Set(answers[question.id] ?? []);
    const optionIds = new Set(question.options.map((option) => option.id));
    if ([...chosen].some((optionId) => !optionIds.has(optionId))) {
      throw invalid("An answer names an option its question does not have. Reload the quiz and try again.");
    }
    if (question.kind === "single" && chosen.size > 1) {
      throw invalid("Choose one answer for each single-choice question.");
    }
    const correct = question.options.filter((option) => option.correct).map((option) => option.id);
    const right = chosen.size === correct.length && correct.every((optionId) => chosen.has(optionId));
    return { questionId: question.id, right, explanation: question.explanation };
  });
  const correctCount = feedback.filter((item) => item.right).length;
  const scorePercent = drawn.length === 0 ? 0 : Math.floor((correctCount * 100) / drawn.length);
  return {
    correctCount,
    questionCount: drawn.length,
    scorePercent,
    passed: scorePercent >= passMarkPercent,
    feedback,
  };
}

/** Issue 10 §3: a course is complete when every lesson for the learner's jurisdiction is done and the quiz is passed. */
export function isCourseComplete(
  lessonIds: readonly string[],
  doneLessonIds: ReadonlySet<string>,
  passed: boolean,
) {
  return passed && lessonIds.every((lessonId) => doneLessonIds.has(lessonId));
}

/**
 * A certificate's verification code: 16 characters of Crockford's base32 (no I, L, O, U: nothing to misread),
 * 80 bits from the caller's random bytes, shown in four groups (`7KQ2-M9XD-...`).
 */
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function verificationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 16) throw new Error("verificationCode needs 16 random bytes");
  const characters = [...randomBytes.slice(0, 16)].map((byte) => codeAlphabet[byte % 32]);
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join("")).join("-");
}

/** A code as typed: upper case, spaces and dashes ignored, the letters people mistake for digits read as digits. */
export function normaliseVerificationCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(plain)) return null;
  return [0, 4, 8, 12].map((start) => plain.slice(start, start + 4)).join("-");
}

/** A requirement's course and the member's latest completion of it. */
export interface RequiredCourse {
  courseTitle: string;
  latestCompletion?: { expiresOn: string | null };
}

/**
 * Whether a member meets their role's requirements today (issue 10 §6): the courses never completed, those whose
 * last completion has lapsed (and the earliest day one lapsed), and `validUntil`, the earliest expiry among
 * the current ones (null when none expires).
 */
export interface TrainingStanding {
  required: number;
  neverCompleted: string[];
  lapsed: string[];
  lapsedOn: string | null;
  validUntil: string | null;
}
export function trainingStanding(required: readonly RequiredCourse[], today: string): TrainingStanding {
  const standing: TrainingStanding = {
    required: required.length,
    neverCompleted: [],
    lapsed: [],
    lapsedOn: null,
    validUntil: null,
  };
  const earliest = (current: string | null, date: string) =>
    current === null || date < current ? date : current;
  for (const course of required) {
    const expiresOn = course.latestCompletion?.expiresOn;
    if (expiresOn === undefined) standing.neverCompleted.push(course.courseTitle);
    else if (expiresOn !== null && today >= expiresOn) {
      standing.lapsed.push(course.courseTitle);
      standing.lapsedOn = earliest(standing.lapsedOn, expiresOn);
    } else if (expiresOn !== null) standing.validUntil = earliest(standing.validUntil, expiresOn);
  }
  return standing;
}

/** The required courses a member has no current completion of. */
export const missingCourses = (standing: TrainingStanding) => [
  ...standing.neverCompleted,
  ...standing.lapsed,
];

/**
 * Assigning a contract to a manager without current training (issue 10 §6; 004 §5: "All contract managers have
 * to complete the Contract Management Foundation training course"). The council's setting decides: `warn` lets
 * it through with the reason; `block_high` refuses a High-tier contract and warns for the rest; `block` refuses
 * every tier. The reason names the courses.
 */
export type ManagerCheck = { outcome: "ok" } | { outcome: "warn" | "block"; reason: string };
export function managerAssignmentCheck(
  standing: TrainingStanding,
  enforcement: TrainingEnforcement,
  tier: "high" | "medium" | "low" | null,
  managerName: string,
): ManagerCheck {
  const missing = missingCourses(standing);
  if (missing.length === 0) return { outcome: "ok" };
  const courses = missing.join(", ");
  const highTier = tier === "high";
  const reason = `${managerName} has no current completion of ${courses}${highTier ? ", and this is a High-tier contract" : ""}.`;
  const blocks = enforcement === "block" || (enforcement === "block_high" && highTier);
  return { outcome: blocks ? "block" : "warn", reason };
}

/**
 * When naming a contract's manager is checked against their training (issue 10 §6: "assigning a contract — and
 * above all a High-tier one — to a manager without a current completion warns, or blocks"): a manager named on
 * a new contract (`before` null), a change of manager, or a contract with a manager becoming High tier. One rule
 * for the contract form, the register's bulk edit and the CSV import.
 */
export function isManagerCheckDue(
  before: { contractManagerId: string | null; tier: Tier | null } | null,
  after: { contractManagerId: string | null; tier: Tier | null },
): boolean {
  if (after.contractManagerId === null) return false;
  if (before === null) return true;
  return (
    after.contractManagerId !== before.contractManagerId || (after.tier === "high" && before.tier !== "high")
  );
}

/** The expiry reminder (issue 10 §5): sent once, `reminderDays` before a completion expires. */
export const expiryReminderDays = 60;
export function isExpiryReminderDue(
  completion: { expiresOn: string | null; reminderSentOn: string | null },
  today: string,
  superseded: boolean,
): boolean {
  if (completion.expiresOn === null || completion.reminderSentOn !== null || superseded) return false;
  return today >= addDays(completion.expiresOn, -expiryReminderDays) && today < completion.expiresOn;
}

/**
 * What stops a draft being published (issue 10 §1, §8): a course needs a lesson, and a bank with at least as
 * many questions as an attempt asks.
 */
export function publishProblems(
  rules: { questionsPerAttempt: number },
  content: { modules: readonly { lessons: readonly unknown[] }[]; questions: readonly unknown[] },
): string[] {
  const problems: string[] = [];
  if (content.modules.every((module) => module.lessons.length === 0)) problems.push("Add a lesson.");
  if (content.questions.length < rules.questionsPerAttempt) {
    problems.push(
      `The question bank has ${content.questions.length} and each attempt asks ${rules.questionsPerAttempt}: add questions or ask fewer.`,
    );
  }
  return problems;
}

/** The expiry reminder's e-mail (issue 10 §5): when the certificate expires, and where to enrol again. */
export function expiryReminderMail(input: {
  to: string;
  holderName: string;
  courseTitle: string;
  expiresOn: string;
  council: { name: string; slug: string; locale: string };
  appUrl: string;
}) {
  const expires = new Intl.DateTimeFormat(input.council.locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${input.expiresOn}T00:00:00Z`));
  return {
    to: input.to,
    subject: `Your ${input.courseTitle} certificate expires on ${expires}`,
    body: [
      `Hello ${input.holderName},`,
      "",
      `Your ${input.courseTitle} certificate with ${input.council.name} expires on ${expires}. Contract managers need a current one to manage the council's contracts; enrol again to renew it before then:`,
      "",
      `${input.appUrl}/t/${input.council.slug}/training`,
      "",
      "Your earlier certificates stay on your training page.",
    ].join("\n"),
  };
}
