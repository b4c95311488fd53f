import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import {
  addDays,
  addMonths,
  completionExpiresOn,
  courseContentOf,
  newId,
  verificationCode,
} from "@steward/domain";
import { eq } from "drizzle-orm";
import { type Database, inTransaction } from "./database.ts";
import { insertPublishedCourse, listQuestionBank, listVersionOutline } from "./queries/courses.ts";
import { getLicence } from "./queries/licences.ts";
import { addMembership } from "./queries/memberships.ts";
import { insertCompletion, insertRequirement } from "./queries/training.ts";
import { enrolments, lessonProgress, memberships, quizAttempts, users } from "./schema/index.ts";

/** fixtures/training/: one folder a course, in the course format (docs/training.md). */
const trainingFixtures = new URL("../../../fixtures/training/", import.meta.url);
export const foundationSlug = "contract-management-foundation";

/** Reads every course folder of fixtures/training/ through the authoring rules (courseContentOf). */
export function readFixtureCourses() {
  if (!existsSync(trainingFixtures)) return [];
  return readdirSync(trainingFixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = new URL(`${entry.name}/`, trainingFixtures);
      const read = (file: string) => readFileSync(new URL(file, folder), "utf8");
      return courseContentOf(JSON.parse(read("course.json")), JSON.parse(read("questions.json")), read);
    });
}

/**
 * Staff at every stage (issue 10's demo data), so the matrix and the contract warnings show on first start:
 * the council's own contract manager is part-way through the Foundation course (their contracts warn), its SRO
 * and admin hold current completions, and five more contract managers are complete, due for re-accreditation,
 * expired (with an earlier completion kept), assigned but not started, and through every lesson with the quiz's
 * attempts used up (for an admin to reset from the matrix).
 */
const extraStaff = [
  { first: ["Priya", "Thandi", "Megan"], last: ["Shah", "Nkosi", "Hall"], stage: "complete" },
  { first: ["Tom", "Pieter", "Owen"], last: ["Baker", "Botha", "Price"], stage: "due" },
  { first: ["Grace", "Lerato", "Isla"], last: ["Lee", "Molefe", "Grant"], stage: "expired" },
  { first: ["Omar", "Sizwe", "Ruth"], last: ["Haddad", "Zulu", "Moss"], stage: "not_started" },
  { first: ["Ben", "Sipho", "Cara"], last: ["Okafor", "Dlamini", "Ross"], stage: "attempts_used_up" },
] as const;

/**
 * The demo's training (issue 10): the platform's courses from fixtures/training/ published, each council
 * requiring the Foundation course of its contract managers and SROs, and staff at every stage. Called once from
 * `seedDemo`, after the councils exist.
 */
export async function seedTraining(database: Database, passwordHash: string, today: string) {
  const courses = readFixtureCourses();
  const published = await inTransaction(database, { tenantId: null, userId: null }, async (tx) => {
    const ids = [];
    for (const content of courses)
      ids.push({ slug: content.slug, ...(await insertPublishedCourse(tx, { owner: null, content })) });
    return ids;
  });
  const foundation = published.find((course) => course.slug === foundationSlug);
  const foundationContent = courses.find((course) => course.slug === foundationSlug);
  if (!foundation || !foundationContent) return;
  const validity = foundationContent.rules.validityMonths;

  const councils = await database.sql<{ id: string; slug: string; jurisdiction: "GB-ENG" | "ZA" }[]>`
    select id, slug, jurisdiction from tenants order by created_at`;
  // Councils side by side, as seedDemo seeds them.
  const seedCouncil = async (council: (typeof councils)[number], index: number) => {
    // Only councils whose plan includes training (docs/billing.md: Essentials does not; seedBilling ran first).
    const licence = await inTransaction(database, { tenantId: council.id, userId: null }, (tx) =>
      getLicence(tx, { tenantId: council.id }),
    );
    if (licence?.plan === "essentials") return;
    const pick = (names: readonly string[]) => names[index % names.length] ?? names[0] ?? "";
    const staff: { userId: string; name: string; stage: (typeof extraStaff)[number]["stage"] }[] = [];
    for (const person of extraStaff) {
      const name = `${pick(person.first)} ${pick(person.last)}`;
      const userId = newId();
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${council.slug}.demo`;
      await database.sql`insert into users (id, email, name, password_hash)
        values (${userId}, ${email}, ${name}, ${passwordHash}) on conflict do nothing`;
      staff.push({ userId, name, stage: person.stage });
    }
    await inTransaction(database, { tenantId: council.id, userId: null }, async (tx) => {
      const tenantId = council.id;
      for (const person of staff)
        await addMembership(tx, { tenantId, userId: person.userId, role: "contract_manager" });
      await insertRequirement(tx, { tenantId, role: "contract_manager", courseId: foundation.courseId });
      await insertRequirement(tx, { tenantId, role: "sro", courseId: foundation.courseId });
      const members = await tx
        .select({ userId: users.id, name: users.name, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.tenantId, tenantId));
      const outline = await listVersionOutline(tx, {
        versionId: foundation.versionId,
        jurisdiction: council.jurisdiction,
      });
      const lessonIds = outline.flatMap((module) => module.lessons.map((lesson) => lesson.id));
      const admin = members.find((member) => member.role === "admin")?.userId ?? null;

      const complete = async (userId: string, name: string, completedOn: string) => {
        const enrolmentId = newId();
        await tx.insert(enrolments).values({
          tenantId,
          id: enrolmentId,
          userId,
          courseId: foundation.courseId,
          versionId: foundation.versionId,
          enrolledAt: new Date(`${addDays(completedOn, -14)}T09:00:00Z`),
          completedAt: new Date(`${completedOn}T15:00:00Z`),
        });
        await insertCompletion(tx, {
          tenantId,
          userId,
          courseId: foundation.courseId,
          versionId: foundation.versionId,
          enrolmentId,
          holderName: name,
          completedOn,
          expiresOn: completionExpiresOn(completedOn, validity),
          verificationCode: verificationCode(randomBytes(16)),
        });
      };
      const enrol = async (userId: string, dueOn: string | null, lessonsDone: number) => {
        const enrolmentId = newId();
        await tx.insert(enrolments).values({
          tenantId,
          id: enrolmentId,
          userId,
          courseId: foundation.courseId,
          versionId: foundation.versionId,
          assignedBy: admin,
          dueOn,
          lastLessonId: lessonsDone > 0 ? (lessonIds[lessonsDone - 1] ?? null) : null,
        });
        const done = lessonIds.slice(0, lessonsDone).map((lessonId) => ({ tenantId, enrolmentId, lessonId }));
        if (done.length > 0) await tx.insert(lessonProgress).values(done);
        return enrolmentId;
      };
      const bank = await listQuestionBank(tx, {
        versionId: foundation.versionId,
        jurisdiction: council.jurisdiction,
      });
      const questionCount = foundationContent.rules.questionsPerAttempt;
      /** Every attempt the course allows, each failed, the last a week ago. */
      const failEveryAttempt = async (userId: string, enrolmentId: string) => {
        const limit = foundationContent.rules.attemptLimit ?? 1;
        await tx.insert(quizAttempts).values(
          Array.from({ length: limit }, (_, index) => {
            const submittedAt = new Date(`${addDays(today, -7 - 7 * (limit - 1 - index))}T10:20:00Z`);
            const correctCount = Math.floor(questionCount / 2) + (index % 2);
            return {
              tenantId,
              enrolmentId,
              userId,
              number: index + 1,
              questionIds: bank.slice(index, index + questionCount),
              startedAt: new Date(submittedAt.getTime() - 20 * 60_000),
              submittedAt,
              answers: {},
              correctCount,
              scorePercent: Math.round((correctCount / questionCount) * 100),
              passed: false,
            };
          }),
        );
      };

      for (const member of members) {
        if (member.role === "sro") await complete(member.userId, member.name, addMonths(today, -8));
        if (member.role === "admin") await complete(member.userId, member.name, addMonths(today, -3));
        if (member.role === "contract_manager" && !staff.some((person) => person.userId === member.userId)) {
          // The council's own contract manager: assigned a month ago, two lessons done.
          await enrol(member.userId, addDays(today, 21), 2);
        }
      }
      for (const person of staff) {
        if (person.stage === "complete") await complete(person.userId, person.name, addMonths(today, -5));
        if (person.stage === "due")
          await complete(person.userId, person.name, addDays(addMonths(today, -24), 25));
        if (person.stage === "expired") {
          await complete(person.userId, person.name, addMonths(today, -52));
          await complete(person.userId, person.name, addMonths(today, -26));
        }
        if (person.stage === "not_started") await enrol(person.userId, addDays(today, 14), 0);
        if (person.stage === "attempts_used_up") {
          const enrolmentId = await enrol(person.userId, addDays(today, 7), lessonIds.length);
          await failEveryAttempt(person.userId, enrolmentId);
        }
      }
    });
  };
  await Promise.all(councils.map(seedCouncil));
}
