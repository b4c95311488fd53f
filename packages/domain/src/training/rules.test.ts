import { readFileSync } from "node:fs";
import { describe, expect, it, test } from "vitest";
import { DomainError } from "../errors.ts";
import { courseContentOf } from "./course-input.ts";
import {
  attemptDecision,
  attemptResetProblem,
  attemptsResetAfter,
  completionExpiresOn,
  completionStanding,
  drawQuestions,
  isExpiryReminderDue,
  isManagerCheckDue,
  type MarkableQuestion,
  managerAssignmentCheck,
  markAttempt,
  matrixStatus,
  normaliseVerificationCode,
  trainingStanding,
  verificationCode,
} from "./rules.ts";

describe("expiry (issue 10 §5: the Foundation re-accredits every 2 years)", () => {
  test.each([
    { completedOn: "2024-03-15", months: 24, expiresOn: "2026-03-15" },
    { completedOn: "2024-02-29", months: 24, expiresOn: "2026-02-28" },
    { completedOn: "2024-01-31", months: 1, expiresOn: "2024-02-29" },
    { completedOn: "2024-12-31", months: 12, expiresOn: "2025-12-31" },
    { completedOn: "2024-03-15", months: null, expiresOn: null },
  ])("$completedOn + $months months expires on $expiresOn", ({ completedOn, months, expiresOn }) => {
    expect(completionExpiresOn(completedOn, months)).toBe(expiresOn);
  });

  test.each([
    { today: "2026-03-14", standing: "due_soon" },
    { today: "2026-03-15", standing: "expired" },
    { today: "2027-01-01", standing: "expired" },
    { today: "2026-02-13", standing: "due_soon" },
    { today: "2026-02-12", standing: "current" },
  ] as const)(
    "a completion expiring 2026-03-15 is $standing on $today (30 days' notice)",
    ({ today, standing }) => {
      expect(completionStanding("2026-03-15", today, 30)).toBe(standing);
    },
  );

  it("never expires without a validity", () => {
    expect(completionStanding(null, "2999-01-01", 30)).toBe("current");
  });
});

describe("the training matrix's cell", () => {
  const today = "2026-06-01";
  test.each([
    {
      name: "current completion",
      facts: { latestCompletion: { completedOn: "2025-06-01", expiresOn: "2027-06-01" } },
      status: "complete",
    },
    {
      name: "expiring within 30 days",
      facts: { latestCompletion: { completedOn: "2024-06-20", expiresOn: "2026-06-20" } },
      status: "due",
    },
    {
      name: "expired, not reassigned",
      facts: { latestCompletion: { completedOn: "2024-05-01", expiresOn: "2026-05-01" } },
      status: "expired",
    },
    {
      name: "expired and reassigned, due later",
      facts: {
        latestCompletion: { completedOn: "2024-05-01", expiresOn: "2026-05-01" },
        openEnrolment: { dueOn: "2026-07-01", started: false },
      },
      status: "due",
    },
    {
      name: "assigned, due date passed",
      facts: { openEnrolment: { dueOn: "2026-05-31", started: true } },
      status: "overdue",
    },
    {
      name: "assigned, due today",
      facts: { openEnrolment: { dueOn: "2026-06-01", started: false } },
      status: "due",
    },
    {
      name: "self-enrolled, no due date",
      facts: { openEnrolment: { dueOn: null, started: true } },
      status: "missing",
    },
    { name: "nothing", facts: {}, status: "missing" },
  ] as const)("$name: $status", ({ facts, status }) => {
    expect(matrixStatus(facts, today, 30)).toBe(status);
  });
});

describe("drawing questions", () => {
  it("draws N distinct questions from the bank, in an order the randomness decides", () => {
    const bank = Array.from({ length: 30 }, (_, index) => `q${index}`);
    let seed = 7;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const drawn = drawQuestions(bank, 10, random);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn).size).toBe(10);
    expect(drawn.every((question) => bank.includes(question))).toBe(true);
    expect(drawQuestions(bank, 10, random)).not.toEqual(drawn);
    expect(drawQuestions(["a", "b"], 10, random).sort()).toEqual(["a", "b"]);
  });
});

describe("attempt limit and cool-down", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const failed = (minutesAgo: number, number = 1) => ({
    number,
    startedAt: new Date(now.getTime() - (minutesAgo + 5) * 60_000),
    submittedAt: new Date(now.getTime() - minutesAgo * 60_000),
    passed: false as boolean | null,
  });
  const threeFailed = [failed(300, 1), failed(200, 2), failed(100, 3)];
  const rules = { attemptLimit: 3, cooldownMinutes: 60 };
  test.each([
    { name: "first attempt", earlier: [], outcome: true },
    { name: "59 minutes after a failed attempt", earlier: [failed(59)], outcome: "cooldown" },
    { name: "60 minutes after a failed attempt", earlier: [failed(60)], outcome: true },
    { name: "two failed, third allowed", earlier: [failed(200, 1), failed(100, 2)], outcome: true },
    { name: "three failed: the limit", earlier: threeFailed, outcome: "limit" },
    { name: "already passed", earlier: [{ ...failed(100), passed: true }], outcome: "passed" },
    { name: "three failed, then reset", earlier: threeFailed, resetAfter: 3, outcome: true },
    {
      name: "reset, then 59 minutes after another failed attempt",
      earlier: [...threeFailed, failed(59, 4)],
      resetAfter: 3,
      outcome: "cooldown",
    },
    {
      name: "reset, then three more failed",
      earlier: [...threeFailed, failed(90, 4), failed(80, 5), failed(70, 6)],
      resetAfter: 3,
      outcome: "limit",
    },
    {
      name: "reset 10 minutes after a failed attempt: no cool-down",
      earlier: [failed(10, 1)],
      resetAfter: 1,
      outcome: true,
    },
  ])("$name", ({ earlier, resetAfter = 0, outcome }) => {
    const decision = attemptDecision(rules, earlier, resetAfter, now);
    expect(decision.allowed ? true : decision.reason).toBe(outcome);
  });
  it("has no limit when the course sets none", () => {
    const many = Array.from({ length: 12 }, (_, index) => failed(1_000 + index, index + 1));
    expect(attemptDecision({ attemptLimit: null, cooldownMinutes: 0 }, many, 0, now)).toEqual({
      allowed: true,
    });
  });
  it("tells a learner at the limit to ask for a reset", () => {
    const decision = attemptDecision(rules, threeFailed, 0, now);
    expect(decision.allowed ? "" : decision.message).toContain("Ask your council's training admin to reset");
  });

  test.each([
    { name: "three failed", attempts: threeFailed, resetAfter: 0, problem: null },
    { name: "no attempt yet", attempts: [], resetAfter: 0, problem: "no attempt since" },
    { name: "reset already, none since", attempts: threeFailed, resetAfter: 3, problem: "no attempt since" },
    {
      name: "one since the reset",
      attempts: [...threeFailed, failed(10, 4)],
      resetAfter: 3,
      problem: null,
    },
    {
      name: "an attempt under way",
      attempts: [failed(300, 1), { ...failed(0, 2), submittedAt: null, passed: null }],
      resetAfter: 0,
      problem: "under way",
    },
    {
      name: "passed",
      attempts: [failed(300, 1), { ...failed(200, 2), passed: true }],
      resetAfter: 0,
      problem: "passed",
    },
  ])("a council admin's reset: $name", ({ attempts, resetAfter, problem }) => {
    const found = attemptResetProblem(attempts, resetAfter);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
  it("a reset counts every attempt made so far", () => {
    expect(attemptsResetAfter([])).toBe(0);
    expect(attemptsResetAfter(threeFailed)).toBe(3);
  });
});

describe("marking on the server (issue 10 §2)", () => {
  const single: MarkableQuestion = {
    id: "11111111-1111-4111-8111-111111111111",
    kind: "single",
    explanation: "Because 004 §4 says so.",
    options: [
      { id: "a1111111-1111-4111-8111-111111111111", text: "Right", correct: true },
      { id: "a2222222-1111-4111-8111-111111111111", text: "Wrong", correct: false },
    ],
  };
  const multiple: MarkableQuestion = {
    id: "22222222-2222-4222-8222-222222222222",
    kind: "multiple",
    explanation: "Both.",
    options: [
      { id: "b1111111-1111-4111-8111-111111111111", text: "One", correct: true },
      { id: "b2222222-1111-4111-8111-111111111111", text: "Two", correct: true },
      { id: "b3333333-1111-4111-8111-111111111111", text: "Three", correct: false },
    ],
  };
  const right = {
    [single.id]: [single.options[0]?.id ?? ""],
    [multiple.id]: [multiple.options[0]?.id ?? "", multiple.options[1]?.id ?? ""],
  };

  it("scores exactly the correct options as right", () => {
    expect(markAttempt([single, multiple], right, 70)).toMatchObject({
      correctCount: 2,
      questionCount: 2,
      scorePercent: 100,
      passed: true,
    });
  });
  it("counts a partly right multiple choice, an extra option and a blank as wrong", () => {
    const marking = markAttempt([single, multiple], { [multiple.id]: [multiple.options[0]?.id ?? ""] }, 50);
    expect(marking).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false });
    expect(marking.feedback).toEqual([
      { questionId: single.id, right: false, explanation: "Because 004 §4 says so." },
      { questionId: multiple.id, right: false, explanation: "Both." },
    ]);
    const all = multiple.options.map((option) => option.id);
    expect(markAttempt([multiple], { [multiple.id]: all }, 50).correctCount).toBe(0);
  });
  it("refuses answers to a question the attempt did not draw (a foreign question)", () => {
    expect(() => markAttempt([single], right, 70)).toThrow(DomainError);
  });
  it("refuses an option of another question, and two answers to a single choice", () => {
    expect(() => markAttempt([single], { [single.id]: [multiple.options[0]?.id ?? ""] }, 70)).toThrow(
      /option its question does not have/,
    );
    expect(() =>
      markAttempt([single], { [single.id]: single.options.map((option) => option.id) }, 70),
    ).toThrow(/Choose one answer/);
  });
  it("passes at the pass mark and not a point below (7 of 10 at 70%)", () => {
    const questions = Array.from({ length: 10 }, (_, index) => ({
      ...single,
      id: `${index}1111111-1111-4111-8111-111111111111`,
    }));
    const answers = (rightCount: number) =>
      Object.fromEntries(
        questions.map((question, index) => [
          question.id,
          [index < rightCount ? (single.options[0]?.id ?? "") : (single.options[1]?.id ?? "")],
        ]),
      );
    expect(markAttempt(questions, answers(7), 70)).toMatchObject({ scorePercent: 70, passed: true });
    expect(markAttempt(questions, answers(6), 70)).toMatchObject({ scorePercent: 60, passed: false });
  });
});

describe("verification codes", () => {
  it("makes 16 characters in four groups, and reads back what people type", () => {
    const code = verificationCode(new Uint8Array(16).map((_, index) => index * 37));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normaliseVerificationCode(code.toLowerCase().replaceAll("-", " "))).toBe(code);
    expect(normaliseVerificationCode("oooo-llll-2222-3333")).toBe("0000-1111-2222-3333");
    expect(normaliseVerificationCode("short")).toBeNull();
    expect(normaliseVerificationCode("UUUU-2222-3333-4444")).toBeNull();
  });
});

describe("a manager's standing and the warning when assigning a contract (issue 10 §6)", () => {
  const foundation = "Contract Management Foundation";
  const none = { neverCompleted: [], lapsed: [], lapsedOn: null, validUntil: null };
  test.each([
    { name: "nothing required", required: [], standing: { ...none, required: 0 } },
    {
      name: "never completed",
      required: [{ courseTitle: foundation }],
      standing: { ...none, required: 1, neverCompleted: [foundation] },
    },
    {
      name: "lapsed on its expiry day",
      required: [{ courseTitle: foundation, latestCompletion: { expiresOn: "2026-06-01" } }],
      standing: { ...none, required: 1, lapsed: [foundation], lapsedOn: "2026-06-01" },
    },
    {
      name: "current until tomorrow",
      required: [{ courseTitle: foundation, latestCompletion: { expiresOn: "2026-06-02" } }],
      standing: { ...none, required: 1, validUntil: "2026-06-02" },
    },
    {
      name: "current with no expiry",
      required: [{ courseTitle: foundation, latestCompletion: { expiresOn: null } }],
      standing: { ...none, required: 1 },
    },
  ])("$name", ({ required, standing }) => {
    expect(trainingStanding(required, "2026-06-01")).toEqual(standing);
  });

  const untrained = { ...none, required: 1, neverCompleted: [foundation] };
  const trained = { ...none, required: 1, validUntil: "2027-01-01" };
  test.each([
    { standing: trained, enforcement: "block", tier: "high", outcome: "ok" },
    { standing: untrained, enforcement: "warn", tier: "high", outcome: "warn" },
    { standing: untrained, enforcement: "block_high", tier: "high", outcome: "block" },
    { standing: untrained, enforcement: "block_high", tier: "medium", outcome: "warn" },
    { standing: untrained, enforcement: "block", tier: "low", outcome: "block" },
  ] as const)("$enforcement, $tier tier: $outcome", ({ standing, enforcement, tier, outcome }) => {
    const check = managerAssignmentCheck(standing, enforcement, tier, "Chris Evans");
    expect(check.outcome).toBe(outcome);
    if (check.outcome !== "ok")
      expect(check.reason).toContain(`Chris Evans has no current completion of ${foundation}`);
  });
});

describe("when naming a manager is checked (issue 10 §6)", () => {
  const ann = "11111111-1111-4111-8111-111111111111";
  const bob = "22222222-2222-4222-8222-222222222222";
  test.each([
    { name: "a new contract with a manager", before: null, after: [ann, "low"], due: true },
    { name: "a new contract with none", before: null, after: [null, "high"], due: false },
    { name: "the manager changes", before: [ann, "low"], after: [bob, "low"], due: true },
    { name: "the manager is taken off", before: [ann, "high"], after: [null, "high"], due: false },
    { name: "the same manager, the same tier", before: [ann, "high"], after: [ann, "high"], due: false },
    { name: "the contract becomes High tier", before: [ann, "medium"], after: [ann, "high"], due: true },
    { name: "a tier is first assessed High", before: [ann, null], after: [ann, "high"], due: true },
    { name: "the contract leaves High tier", before: [ann, "high"], after: [ann, "medium"], due: false },
  ] as const)("$name: $due", ({ before, after, due }) => {
    const facts = (pair: readonly [string | null, "high" | "medium" | "low" | null]) => ({
      contractManagerId: pair[0],
      tier: pair[1],
    });
    expect(isManagerCheckDue(before && facts(before), facts(after))).toBe(due);
  });
});

describe("the expiry reminder", () => {
  test.each([
    { today: "2026-01-13", due: false },
    { today: "2026-01-14", due: true },
    { today: "2026-03-14", due: true },
    { today: "2026-03-15", due: false },
  ])("for a completion expiring 2026-03-15, on $today: $due", ({ today, due }) => {
    expect(isExpiryReminderDue({ expiresOn: "2026-03-15", reminderSentOn: null }, today, false)).toBe(due);
  });
  it("is sent once, and not for a completion already renewed", () => {
    expect(
      isExpiryReminderDue({ expiresOn: "2026-03-15", reminderSentOn: "2026-01-20" }, "2026-02-01", false),
    ).toBe(false);
    expect(isExpiryReminderDue({ expiresOn: "2026-03-15", reminderSentOn: null }, "2026-02-01", true)).toBe(
      false,
    );
  });
});

describe("the demo seed's loader reads the Foundation course in the fixture format", () => {
  it("parses course.json, every lesson file and questions.json through the authoring rules", () => {
    const directory = new URL(
      "../../../../fixtures/training/contract-management-foundation/",
      import.meta.url,
    );
    const read = (name: string) => readFileSync(new URL(name, directory), "utf8");
    const content = courseContentOf(
      JSON.parse(read("course.json")),
      JSON.parse(read("questions.json")),
      read,
    );
    expect(content.slug).toBe("contract-management-foundation");
    expect(content.rules.validityMonths).toBe(24);
    expect(content.modules.flatMap((module) => module.lessons).length).toBeGreaterThanOrEqual(2);
    expect(content.questions.length).toBeGreaterThanOrEqual(content.rules.questionsPerAttempt);
  });
});
