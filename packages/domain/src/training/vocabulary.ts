/**
 * Training's fixed vocabulary (issue 10): the values its columns take. The database checks them too (`oneOf`).
 */

/** A course version is written as a draft, published (what new learners take), then retired by the next one. */
export const courseVersionStatuses = ["draft", "published", "retired"] as const;
export type CourseVersionStatus = (typeof courseVersionStatuses)[number];

/** Single choice: exactly one option is correct. Multiple choice: one or more are, and all must be chosen. */
export const questionKinds = ["single", "multiple"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/**
 * What happens when a contract goes to a manager without current training (issue 10 §6): a warning; a refusal
 * for High-tier contracts only (a warning below); or a refusal whatever the tier.
 */
export const trainingEnforcements = ["warn", "block_high", "block"] as const;
export type TrainingEnforcement = (typeof trainingEnforcements)[number];

/** One option of a question as stored: the `correct` flag never leaves the server (issue 10 §2). */
export interface StoredQuestionOption {
  id: string;
  text: string;
  correct: boolean;
}

/** The answers a learner gave in a submitted attempt, by question id: the option ids they chose. */
export type AttemptAnswers = Record<string, string[]>;

export const trainingEnforcementLabels: Record<TrainingEnforcement, string> = {
  warn: "Warn, and let the contract be assigned",
  block_high: "Refuse High-tier contracts, warn for the rest",
  block: "Refuse every contract",
};
