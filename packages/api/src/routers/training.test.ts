import { inTransaction, schema } from "@steward/db";
import {
  createOperator,
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addMonths } from "@steward/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { today } from "../contract-facts.ts";
import { answerKeyOf, callerFor, publishTestCourse, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;
let course: { courseId: string; versionId: string };

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
beforeEach(async () => {
  council = await createTenantFixture(test);
  course = await publishTestCourse(test);
});

async function as(role: keyof TenantFixture["users"], of: TenantFixture = council) {
  return (await callerFor(test, { userId: of.users[role], tenantId: of.tenantId })).caller;
}

const keyOf = (versionId: string) => answerKeyOf(test, versionId);

/** Enrols the manager and finishes both lessons; returns their caller and enrolment. */
async function managerReadyForQuiz() {
  const manager = await as("contract_manager");
  const { enrolmentId } = await manager.training.enrol({ courseId: course.courseId });
  const outline = await manager.courses.get({ courseId: course.courseId });
  for (const lesson of outline.modules.flatMap((module) => module.lessons)) {
    await manager.training.completeLesson({ enrolmentId, lessonId: lesson.id });
  }
  return { manager, enrolmentId };
}

const rightAnswers = (key: Map<string, string[]>, questions: { id: string }[]) =>
  questions.map((question) => ({ questionId: question.id, optionIds: key.get(question.id) ?? [] }));
const wrongAnswers = (questions: { id: string; options: { id: string }[] }[], key: Map<string, string[]>) =>
  questions.map((question) => ({
    questionId: question.id,
    optionIds: [
      question.options.find((option) => !(key.get(question.id) ?? []).includes(option.id))?.id ?? "",
    ],
  }));

describe("learning a course (issue 10 §1–§3)", () => {
  it("enrols, renders lessons inert, records progress and resumes at the first lesson not done", async () => {
    const manager = await as("contract_manager");
    const catalogue = await manager.courses.catalogue();
    expect(catalogue.map((entry) => entry.courseId)).toContain(course.courseId);
    const { enrolmentId } = await manager.training.enrol({ courseId: course.courseId });
    expect((await manager.training.enrol({ courseId: course.courseId })).enrolmentId).toBe(enrolmentId);

    const outline = await manager.courses.get({ courseId: course.courseId });
    const [one, two] = outline.modules.flatMap((module) => module.lessons);
    if (!one || !two) throw new Error("the test course has two lessons");
    expect(outline.enrolment?.resumeLessonId).toBe(one.id);

    const first = await manager.training.lesson({ enrolmentId, lessonId: one.id });
    expect(first.html).toContain("<strong>proportionate</strong>");
    const xss = await manager.training.lesson({ enrolmentId, lessonId: two.id });
    expect(xss.html).not.toMatch(/<script|<img[^>]*onerror|href="javascript:/i);
    expect(xss.html).toContain("&lt;script&gt;");

    await manager.training.completeLesson({ enrolmentId, lessonId: one.id });
    const resumed = await manager.courses.get({ courseId: course.courseId });
    expect(resumed.enrolment).toMatchObject({
      lessonsDone: 1,
      lessonCount: 2,
      resumeLessonId: two.id,
      quizOpen: false,
    });
    expect(await refusal(manager.training.startAttempt({ enrolmentId }))).toMatchObject({ code: "CONFLICT" });
  });

  it("counts in the catalogue only the lessons for the council's jurisdiction, as the learner takes them", async () => {
    const zaOnly = await publishTestCourse(test, { lessonTwoJurisdictions: ["ZA"] });
    const manager = await as("contract_manager");
    const entry = (await manager.courses.catalogue()).find((course) => course.courseId === zaOnly.courseId);
    const outline = await manager.courses.get({ courseId: zaOnly.courseId });
    expect(outline.modules.flatMap((module) => module.lessons).map((lesson) => lesson.title)).toEqual([
      "Lesson one",
    ]);
    expect(entry?.lessons).toBe(1);
  });

  it("is the training module's: a council on a plan without it is refused, with the plans that have it", async () => {
    const essentials = await createTenantFixture(test, { licence: { plan: "essentials" } });
    const manager = await as("contract_manager", essentials);
    const refused = await refusal(manager.courses.catalogue());
    expect(refused.code).toBe("FORBIDDEN");
    expect(await refusal(manager.training.enrol({ courseId: course.courseId }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("keeps one member's enrolment from another", async () => {
    const manager = await as("contract_manager");
    const { enrolmentId } = await manager.training.enrol({ courseId: course.courseId });
    const outline = await manager.courses.get({ courseId: course.courseId });
    const lessonId = outline.modules[0]?.lessons[0]?.id ?? "";
    const finance = await as("finance");
    expect(await refusal(finance.training.lesson({ enrolmentId, lessonId }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(finance.training.completeLesson({ enrolmentId, lessonId }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(finance.training.startAttempt({ enrolmentId }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("quizzes marked on the server (issue 10 §2)", () => {
  it("draws N questions, hands an open attempt back, and marks a pass into a completion and certificate", async () => {
    const { manager, enrolmentId } = await managerReadyForQuiz();
    const attempt = await manager.training.startAttempt({ enrolmentId });
    expect(attempt.questions).toHaveLength(3);
    expect(JSON.stringify(attempt)).not.toMatch(/"correct"|Because of rule/);
    expect((await manager.training.startAttempt({ enrolmentId })).attemptId).toBe(attempt.attemptId);

    const key = await keyOf(course.versionId);
    const result = await manager.training.submitAttempt({
      attemptId: attempt.attemptId,
      answers: rightAnswers(key, attempt.questions),
    });
    expect(result).toMatchObject({ scorePercent: 100, correctCount: 3, questionCount: 3, passed: true });
    expect(result.feedback.map((item) => item.right)).toEqual([true, true, true]);
    expect(result.completion?.expiresOn).toBe(addMonths(today(), 24));

    const mine = await manager.training.mine();
    expect(mine.completions).toEqual([
      expect.objectContaining({
        courseId: course.courseId,
        versionNumber: 1,
        standing: "current",
        latest: true,
      }),
    ]);
    const code = result.completion?.verificationCode ?? "";
    const visitor = (await callerFor(test)).caller;
    const verified = await visitor.certificates.verify({ code: code.toLowerCase().replaceAll("-", " ") });
    expect(verified).toEqual({
      code,
      holderName: `contract_manager of ${council.slug}`,
      courseTitle: "Test Foundation",
      completedOn: today(),
      expiresOn: addMonths(today(), 24),
    });
    expect(await refusal(visitor.certificates.verify({ code: "0000-0000-0000-0000" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(visitor.certificates.verify({ code: "not a code" }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("ignores a forged score, refuses a foreign question and a replayed attempt", async () => {
    const { manager, enrolmentId } = await managerReadyForQuiz();
    const attempt = await manager.training.startAttempt({ enrolmentId });
    const key = await keyOf(course.versionId);
    const foreign =
      [...key.keys()].find((id) => !attempt.questions.some((question) => question.id === id)) ?? "";
    expect(
      await refusal(
        manager.training.submitAttempt({
          attemptId: attempt.attemptId,
          answers: [{ questionId: foreign, optionIds: key.get(foreign) ?? [] }],
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });

    // A client that sends its own score and pass, with wrong answers, is marked on its answers.
    const forged = await manager.training.submitAttempt({
      attemptId: attempt.attemptId,
      answers: wrongAnswers(attempt.questions, key),
      scorePercent: 100,
      passed: true,
      correctCount: 3,
    } as never);
    expect(forged).toMatchObject({ scorePercent: 0, passed: false, completion: null });

    // Replaying the attempt, now with the right answers, is refused and changes nothing.
    expect(
      await refusal(
        manager.training.submitAttempt({
          attemptId: attempt.attemptId,
          answers: rightAnswers(key, attempt.questions),
        }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
    const stored = await manager.training.attempt({ attemptId: attempt.attemptId });
    expect(stored.result).toMatchObject({ scorePercent: 0, passed: false });
    expect((await manager.training.mine()).completions).toEqual([]);
  });

  it("enforces the cool-down between attempts and the attempt limit", async () => {
    const { manager, enrolmentId } = await managerReadyForQuiz();
    const key = await keyOf(course.versionId);
    const first = await manager.training.startAttempt({ enrolmentId });
    await manager.training.submitAttempt({
      attemptId: first.attemptId,
      answers: wrongAnswers(first.questions, key),
    });
    expect(await refusal(manager.training.startAttempt({ enrolmentId }))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });

    const pastCooldown = async () =>
      inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        tx
          .update(schema.quizAttempts)
          .set({ submittedAt: sql`now() - interval '61 minutes'` })
          .where(eq(schema.quizAttempts.enrolmentId, enrolmentId)),
      );
    await pastCooldown();
    const second = await manager.training.startAttempt({ enrolmentId });
    expect(second.number).toBe(2);
    await manager.training.submitAttempt({
      attemptId: second.attemptId,
      answers: wrongAnswers(second.questions, key),
    });
    await pastCooldown();
    const limit = await refusal(manager.training.startAttempt({ enrolmentId }));
    expect(limit.code).toBe("CONFLICT");
  });

  it.each([
    ["the platform's", null],
    ["the council's own", "council"],
  ] as const)(
    "lets a council admin reset used-up attempts on %s course, keeping every earlier attempt and completion",
    async (_owner, owner) => {
      if (owner) course = await publishTestCourse(test, { owner: council.tenantId, slug: "own-course" });
      const admin = await as("admin");
      await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
      // A council's course is read in its own scope (RLS).
      const key = await answerKeyOf(test, course.versionId, owner && council.tenantId);
      // A completion earned earlier, then a new enrolment whose two attempts (the limit) both fail.
      const { manager, enrolmentId: first } = await managerReadyForQuiz();
      const passed = await manager.training.startAttempt({ enrolmentId: first });
      await manager.training.submitAttempt({
        attemptId: passed.attemptId,
        answers: rightAnswers(key, passed.questions),
      });
      const { enrolmentId } = await manager.training.enrol({ courseId: course.courseId });
      for (const lesson of (await manager.courses.get({ courseId: course.courseId })).modules.flatMap(
        (module) => module.lessons,
      )) {
        await manager.training.completeLesson({ enrolmentId, lessonId: lesson.id });
      }
      for (let number = 1; number <= 2; number += 1) {
        const attempt = await manager.training.startAttempt({ enrolmentId });
        await manager.training.submitAttempt({
          attemptId: attempt.attemptId,
          answers: wrongAnswers(attempt.questions, key),
        });
        await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
          tx
            .update(schema.quizAttempts)
            .set({ submittedAt: sql`now() - interval '61 minutes'` })
            .where(eq(schema.quizAttempts.enrolmentId, enrolmentId)),
        );
      }
      expect(await refusal(manager.training.startAttempt({ enrolmentId }))).toMatchObject({
        code: "CONFLICT",
      });
      const cell = async () =>
        (await admin.training.matrix({})).rows.find((row) => row.userId === council.users.contract_manager)
          ?.cells[course.courseId];
      expect(await cell()).toMatchObject({ attemptsUsedUp: true });

      // Only a council admin may reset: not the learner, not an SRO (who may assign).
      const attempter = { userId: council.users.contract_manager, courseId: course.courseId };
      for (const role of ["contract_manager", "sro"] as const) {
        expect(await refusal((await as(role)).training.resetAttempts(attempter))).toMatchObject({
          code: "FORBIDDEN",
        });
      }
      const history = () =>
        inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => ({
          attempts: await tx
            .select()
            .from(schema.quizAttempts)
            .where(eq(schema.quizAttempts.userId, council.users.contract_manager))
            .orderBy(schema.quizAttempts.startedAt),
          completions: await tx
            .select()
            .from(schema.completions)
            .where(eq(schema.completions.userId, council.users.contract_manager)),
        }));
      const before = await history();
      expect(before).toMatchObject({ attempts: { length: 3 }, completions: { length: 1 } });

      expect(await admin.training.resetAttempts(attempter)).toEqual({ attemptsResetAfter: 2 });
      expect(await history()).toEqual(before);
      expect(await cell()).toMatchObject({ attemptsUsedUp: false });
      const audit = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, "training.attempts_reset")),
      );
      expect(audit).toEqual([
        expect.objectContaining({
          actorUserId: council.users.admin,
          entityId: council.users.contract_manager,
          before: { enrolmentId, courseId: course.courseId, attemptsResetAfter: 0 },
          after: { enrolmentId, courseId: course.courseId, attemptsResetAfter: 2 },
        }),
      ]);
      // The learner's page still lists both failed attempts, and the quiz opens again.
      const outline = await manager.courses.get({ courseId: course.courseId });
      expect(outline.enrolment?.attempts.map((attempt) => attempt.scorePercent)).toEqual(
        before.attempts.slice(1).map((attempt) => attempt.scorePercent),
      );
      expect(outline.enrolment?.canAttempt).toBeNull();
      expect(await refusal(admin.training.resetAttempts(attempter))).toMatchObject({ code: "CONFLICT" });
      const third = await manager.training.startAttempt({ enrolmentId });
      expect(third.number).toBe(3);
      expect(await refusal(admin.training.resetAttempts(attempter))).toMatchObject({ code: "CONFLICT" });
      await manager.training.submitAttempt({
        attemptId: third.attemptId,
        answers: rightAnswers(key, third.questions),
      });
      // Completed: there is no open enrolment left to reset.
      expect(await refusal(admin.training.resetAttempts(attempter))).toMatchObject({ code: "NOT_FOUND" });
      expect((await manager.training.mine()).completions).toHaveLength(2);
    },
  );

  it("does not let a council admin reset another council's learner", async () => {
    const { manager, enrolmentId } = await managerReadyForQuiz();
    const key = await keyOf(course.versionId);
    const attempt = await manager.training.startAttempt({ enrolmentId });
    await manager.training.submitAttempt({
      attemptId: attempt.attemptId,
      answers: wrongAnswers(attempt.questions, key),
    });
    const other = await createTenantFixture(test);
    const otherAdmin = await as("admin", other);
    expect(
      await refusal(
        otherAdmin.training.resetAttempts({
          userId: council.users.contract_manager,
          courseId: course.courseId,
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    const [enrolment] = await inTransaction(
      test.database,
      { tenantId: council.tenantId, userId: null },
      (tx) => tx.select().from(schema.enrolments).where(eq(schema.enrolments.id, enrolmentId)),
    );
    expect(enrolment?.attemptsResetAfter).toBe(0);
  });

  it("re-enrolling after a completion keeps the earlier one, and a new version does not change it", async () => {
    const { manager, enrolmentId } = await managerReadyForQuiz();
    const key = await keyOf(course.versionId);
    const attempt = await manager.training.startAttempt({ enrolmentId });
    await manager.training.submitAttempt({
      attemptId: attempt.attemptId,
      answers: rightAnswers(key, attempt.questions),
    });

    // The operator publishes version 2 with a new title.
    const operator = (await callerFor(test, { userId: await createOperator(test) })).caller;
    await operator.platformCourses.startDraft({ courseId: course.courseId });
    const draft = await operator.platformCourses.get({ courseId: course.courseId });
    expect(draft.editing).toBe(true);
    const saved = await operator.platformCourses.saveDraft({
      courseId: course.courseId,
      version: draft.shown.version,
      draft: {
        ...draft.shown.draft,
        rules: { ...draft.shown.draft.rules, title: "Test Foundation (2027 edition)" },
      },
    });
    await operator.platformCourses.publish({ courseId: course.courseId, version: saved.version });

    const { enrolmentId: again } = await manager.training.enrol({ courseId: course.courseId });
    expect(again).not.toBe(enrolmentId);
    const outline = await manager.courses.get({ courseId: course.courseId });
    expect(outline).toMatchObject({ versionNumber: 2, title: "Test Foundation (2027 edition)" });
    const mine = await manager.training.mine();
    expect(mine.completions).toEqual([
      expect.objectContaining({ versionNumber: 1, courseTitle: "Test Foundation", latest: true }),
    ]);
    expect(mine.enrolments).toEqual([
      expect.objectContaining({ id: again, courseTitle: "Test Foundation (2027 edition)" }),
    ]);
  });
});

describe("requirements, the obligations engine and the warning when assigning a manager (issue 10 §6)", () => {
  it("shows an untrained manager as an overdue obligation until they complete the course", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
    const { id } = await admin.contracts.create({
      reference: "TRN-1",
      title: "Training test contract",
      category: "services",
      currency: "GBP",
      startDate: "2024-01-01",
      endDate: "2029-03-31",
      annualValueMinor: 1_000_000,
      contractManagerId: council.users.contract_manager,
    });
    const duty = async () =>
      (await admin.contracts.get({ contractId: id })).obligations.find(
        (obligation) => obligation.key === "manager_training",
      );
    expect(await duty()).toMatchObject({
      status: "overdue",
      detail: expect.stringContaining("Test Foundation"),
    });

    const { manager, enrolmentId } = await managerReadyForQuiz();
    const key = await keyOf(course.versionId);
    const attempt = await manager.training.startAttempt({ enrolmentId });
    await manager.training.submitAttempt({
      attemptId: attempt.attemptId,
      answers: rightAnswers(key, attempt.questions),
    });
    expect(await duty()).toMatchObject({ status: "met", dueDate: addMonths(today(), 24) });
  });

  it("warns, or blocks a High-tier contract, as the council's setting says", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
    const high = {
      reference: "TRN-H",
      title: "High tier contract",
      category: "services" as const,
      currency: "GBP",
      startDate: "2024-01-01",
      endDate: "2029-03-31",
      annualValueMinor: 9_000_000,
      contractManagerId: council.users.contract_manager,
    };
    const warned = await admin.contracts.create(high);
    expect(warned.managerWarning).toBe(
      `contract_manager of ${council.slug} has no current completion of Test Foundation, and this is a High-tier contract.`,
    );
    const settings = (await admin.council.get()).settings;
    await admin.council.updateSettings({ settings: { ...settings, trainingEnforcement: "block_high" } });
    const blocked = await refusal(admin.contracts.create({ ...high, reference: "TRN-H2" }));
    expect(blocked).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: {
        contractManagerId: expect.stringContaining("has no current completion of Test Foundation"),
      },
    });
    const low = await admin.contracts.create({ ...high, reference: "TRN-L", annualValueMinor: 100_000 });
    expect(low.managerWarning).toContain("has no current completion");
    expect(
      await admin.training.managerCheck({ userId: council.users.contract_manager, tier: "high" }),
    ).toMatchObject({
      outcome: "block",
    });
    expect(await admin.training.managerCheck({ userId: council.users.sro, tier: "high" })).toMatchObject({
      outcome: "block",
    });
  });
});

describe("the manager check on the register's bulk edit and CSV import (issue 10 §6)", () => {
  const values = (reference: string, annualValueMinor: number) => ({
    reference,
    title: `${reference} contract`,
    category: "services" as const,
    currency: "GBP",
    startDate: "2024-01-01",
    endDate: "2029-03-31",
    annualValueMinor,
  });
  const enforce = async (admin: Awaited<ReturnType<typeof as>>, enforcement: "warn" | "block_high") => {
    const settings = (await admin.council.get()).settings;
    await admin.council.updateSettings({ settings: { ...settings, trainingEnforcement: enforcement } });
  };
  const managerOf = async (admin: Awaited<ReturnType<typeof as>>, contractId: string) =>
    (await admin.contracts.get({ contractId })).contract.contractManagerId;

  it("bulk edit: warns with the contracts that got an untrained manager, or refuses the whole edit", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
    const high = await admin.contracts.create(values("BLK-H", 9_000_000));
    const low = await admin.contracts.create(values("BLK-L", 100_000));
    const set = { contractManagerId: council.users.contract_manager };
    const reason = `contract_manager of ${council.slug} has no current completion of Test Foundation`;

    await enforce(admin, "block_high");
    const refused = await admin.register.bulkEdit({ contractIds: [high.id, low.id], set }).then(
      () => null,
      (error: Error) => error,
    );
    expect(refused?.message).toBe(
      `Nothing was changed. ${reason}, and this is a High-tier contract. This council refuses it for BLK-H.`,
    );
    expect(await managerOf(admin, high.id)).toBeNull();
    expect(await managerOf(admin, low.id)).toBeNull();

    await enforce(admin, "warn");
    const warned = await admin.register.bulkEdit({ contractIds: [high.id, low.id], set });
    expect(warned).toMatchObject({ updated: 2, unchanged: 0 });
    expect(warned.managerWarnings).toEqual(
      expect.arrayContaining([
        { contractId: high.id, reference: "BLK-H", reason: `${reason}, and this is a High-tier contract.` },
        { contractId: low.id, reference: "BLK-L", reason: `${reason}.` },
      ]),
    );
    expect(await managerOf(admin, high.id)).toBe(council.users.contract_manager);
    // Setting the manager a contract already has checks nothing again.
    expect(
      (await admin.register.bulkEdit({ contractIds: [high.id], set: { serviceArea: "Parks" } }))
        .managerWarnings,
    ).toEqual([]);

    // A trained manager passes without a word.
    const { manager, enrolmentId } = await managerReadyForQuiz();
    const key = await keyOf(course.versionId);
    const attempt = await manager.training.startAttempt({ enrolmentId });
    await manager.training.submitAttempt({
      attemptId: attempt.attemptId,
      answers: rightAnswers(key, attempt.questions),
    });
    const other = await admin.contracts.create(values("BLK-O", 9_000_000));
    await enforce(admin, "block_high");
    expect(await admin.register.bulkEdit({ contractIds: [other.id], set })).toMatchObject({
      updated: 1,
      managerWarnings: [],
    });
  });

  it("CSV import: a refused manager is a problem row with the reason; a warned one is listed", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
    const stored = await admin.contracts.create(values("IMP-U", 100_000));
    await enforce(admin, "block_high");
    const manager = `contract_manager.${council.slug}@example.test`;
    const csv =
      "Reference,Title,Supplier Name,Start Date,End Date,Contract Value,Category,Contract Manager\r\n" +
      `IMP-H,High contract,Green Spaces Ltd,01/04/2025,31/03/2029,5000000,Services,${manager}\r\n` +
      `IMP-L,Low contract,Green Spaces Ltd,01/04/2025,31/03/2029,10000,Services,${manager}\r\n` +
      "IMP-N,No manager,Green Spaces Ltd,01/04/2025,31/03/2029,5000000,Services,\r\n" +
      `IMP-U,IMP-U contract,,01/01/2024,31/03/2029,500000,Services,${manager}\r\n`;
    const reason = `contract_manager of ${council.slug} has no current completion of Test Foundation`;

    const preview = await admin.register.previewImport({ csv });
    expect(preview.problems).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        field: "contractManager",
        message: expect.stringContaining(
          `Row 2: ${reason}, and this is a High-tier contract. This council refuses contracts to managers without it`,
        ),
      }),
    ]);
    expect(preview).toMatchObject({ newCount: 2, updateCount: 1, problemRowCount: 1 });
    expect(preview.managerWarnings).toEqual([
      { rowNumber: 3, reference: "IMP-L", reason: `${reason}.` },
      { rowNumber: 5, reference: "IMP-U", reason: `${reason}.` },
    ]);
    expect(await refusal(admin.register.commitImport({ csv }))).toMatchObject({ code: "BAD_REQUEST" });

    const result = await admin.register.commitImport({ csv, skipProblemRows: true });
    expect(result).toMatchObject({ created: 2, updated: 1, skipped: 1 });
    expect(result.managerWarnings.map((warning) => warning.reference)).toEqual(["IMP-L", "IMP-U"]);
    expect(await managerOf(admin, stored.id)).toBe(council.users.contract_manager);
    const register = await admin.contracts.list({});
    expect(register.rows.map((row) => row.reference).sort()).toEqual(["IMP-L", "IMP-N", "IMP-U"]);
  });
});

describe("the training matrix (issue 10 §7)", () => {
  it("lists members against required courses, filters them and exports CSV", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
    await admin.training.addRequirement({ role: "sro", courseId: course.courseId });
    await admin.training.assign({ courseId: course.courseId, userId: council.users.sro, dueOn: today() });
    const matrix = await admin.training.matrix({});
    expect(matrix.courses).toEqual([{ courseId: course.courseId, title: "Test Foundation" }]);
    expect(matrix.rows.map((row) => [row.role, row.cells[course.courseId]?.status])).toEqual(
      expect.arrayContaining([
        ["contract_manager", "missing"],
        ["sro", "due"],
      ]),
    );
    expect(matrix.counts).toMatchObject({ missing: 1, due: 1 });
    expect((await admin.training.matrix({ status: "due" })).rows.map((row) => row.role)).toEqual(["sro"]);
    expect((await admin.training.matrix({ role: "contract_manager" })).rows).toHaveLength(1);
    const csv = await admin.training.matrixCsv({});
    expect(csv.csv).toContain("Name,Email,Role,Test Foundation,Test Foundation: expires or due");
    expect(csv.csv).toContain(
      `sro of ${council.slug},sro.${council.slug}@example.test,Senior responsible officer,Due,${today()}`,
    );
  });

  it("gives the operator each council's counts and no one's name (issue 10 §7)", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "contract_manager", courseId: course.courseId });
    const operator = (await callerFor(test, { userId: await createOperator(test) })).caller;
    const counts = await operator.platformCourses.councilCounts();
    expect(counts.find((row) => row.councilId === council.tenantId)).toEqual({
      councilId: council.tenantId,
      name: `Council ${council.slug}`,
      people: 1,
      counts: { complete: 0, due: 0, overdue: 0, expired: 0, missing: 1 },
    });
    expect(JSON.stringify(counts)).not.toContain(council.users.contract_manager);
    expect(JSON.stringify(counts)).not.toContain("contract_manager of");
  });

  it("gives an engaged advisor each council's counts and no one's name (issue 10 §7)", async () => {
    const admin = await as("admin");
    await admin.training.addRequirement({ role: "sro", courseId: course.courseId });
    const advisor = (await callerFor(test, { userId: council.users.advisor })).caller;
    const counts = await advisor.trainingOverview.advisor();
    expect(counts).toEqual([
      {
        tenantId: council.tenantId,
        name: `Council ${council.slug}`,
        people: 1,
        counts: { complete: 0, due: 0, overdue: 0, expired: 0, missing: 1 },
        refusal: null,
      },
    ]);
    expect(JSON.stringify(counts)).not.toContain("sro of");
  });

  it("does not let another council's member or course in", async () => {
    const other = await createTenantFixture(test);
    const ownCourse = await publishTestCourse(test, { owner: other.tenantId });
    const admin = await as("admin");
    expect(
      await refusal(admin.training.addRequirement({ role: "sro", courseId: ownCourse.courseId })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await refusal(
        admin.training.assign({ courseId: course.courseId, userId: other.users.sro, dueOn: today() }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect((await admin.courses.catalogue()).map((entry) => entry.courseId)).not.toContain(
      ownCourse.courseId,
    );
  });
});
