import { type CourseContent, type CourseRulesInput, type Jurisdiction, newId } from "@steward/domain";
import { and, arrayContains, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { courseLessons, courseModules, courseQuestions, courses, courseVersions } from "../schema/index.ts";

/**
 * Course content (issue 10 §1, §8). `owner` is the council that owns a course, or null for the platform's. RLS
 * already shows a council only its own and the platform's courses (migration training_rls); every query here
 * says which owner it means as well.
 */
export type CourseOwner = string | null;
export type CourseVersionRow = typeof courseVersions.$inferSelect;

const ownedBy = (owner: CourseOwner) =>
  owner === null ? isNull(courses.ownerTenantId) : eq(courses.ownerTenantId, owner);
/** What a council's members may take: the platform's courses and the council's own. */
const visibleTo = (tenantId: string) =>
  or(isNull(courses.ownerTenantId), eq(courses.ownerTenantId, tenantId));

/** A new course with an empty first draft. Null when the owner already has a course of that slug. */
export async function createCourse(
  tx: Tx,
  {
    owner,
    slug,
    rules,
    actor,
  }: { owner: CourseOwner; slug: string; rules: CourseRulesInput; actor: string | null },
) {
  const [course] = await tx
    .insert(courses)
    .values({ ownerTenantId: owner, slug })
    .onConflictDoNothing()
    .returning();
  if (!course) return null;
  const [version] = await tx
    .insert(courseVersions)
    .values({
      courseId: course.id,
      ownerTenantId: owner,
      number: 1,
      status: "draft",
      ...rules,
      updatedBy: actor,
    })
    .returning();
  if (!version) throw new Error("insert returned no course version");
  return { course, version };
}

/**
 * Replaces a draft version's modules, lessons and questions with `content` (the whole draft is saved at once,
 * as the author's editor holds it). Only a draft: a published version is never changed.
 */
export async function writeVersionContent(
  tx: Tx,
  {
    owner,
    versionId,
    content,
  }: { owner: CourseOwner; versionId: string; content: Omit<CourseContent, "slug"> },
) {
  await tx.delete(courseModules).where(eq(courseModules.versionId, versionId));
  await tx.delete(courseQuestions).where(eq(courseQuestions.versionId, versionId));
  const lessonIds = new Map<string, { id: string; jurisdictions: Jurisdiction[] }>();
  const moduleRows = content.modules.map((module, position) => ({
    id: newId(),
    versionId,
    ownerTenantId: owner,
    position,
    title: module.title,
  }));
  if (moduleRows.length > 0) await tx.insert(courseModules).values(moduleRows);
  const lessonRows = content.modules.flatMap((module, modulePosition) =>
    module.lessons.map((lesson, position) => {
      const id = newId();
      lessonIds.set(lesson.slug, { id, jurisdictions: lesson.jurisdictions });
      return {
        id,
        versionId,
        moduleId: moduleRows[modulePosition]?.id ?? "",
        ownerTenantId: owner,
        position,
        slug: lesson.slug,
        title: lesson.title,
        body: lesson.body,
        jurisdictions: lesson.jurisdictions,
      };
    }),
  );
  if (lessonRows.length > 0) await tx.insert(courseLessons).values(lessonRows);
  const questionRows = content.questions.map((question) => {
    const lesson = lessonIds.get(question.lessonSlug);
    return {
      versionId,
      ownerTenantId: owner,
      key: question.key,
      lessonId: lesson?.id ?? null,
      kind: question.kind,
      prompt: question.prompt,
      options: question.options.map((option) => ({
        id: newId(),
        text: option.text,
        correct: option.correct,
      })),
      explanation: question.explanation,
      source: question.source,
      jurisdictions: lesson?.jurisdictions ?? ["GB-ENG", "ZA"],
    };
  });
  if (questionRows.length > 0) await tx.insert(courseQuestions).values(questionRows);
}

/** A whole course at once, published (the demo seed's loader, and tests). */
export async function insertPublishedCourse(
  tx: Tx,
  { owner, content }: { owner: CourseOwner; content: CourseContent },
) {
  const created = await createCourse(tx, { owner, slug: content.slug, rules: content.rules, actor: null });
  if (!created) throw new Error(`a course ${content.slug} already exists`);
  await writeVersionContent(tx, { owner, versionId: created.version.id, content });
  await tx
    .update(courseVersions)
    .set({ status: "published", publishedAt: new Date() })
    .where(eq(courseVersions.id, created.version.id));
  return { courseId: created.course.id, versionId: created.version.id };
}

/**
 * The catalogue a council's member sees: every visible course with a published version, its rules, and how many
 * of its lessons are for the council's jurisdiction (the ones its learners take).
 */
export async function listCatalogue(
  tx: Tx,
  { tenantId, jurisdiction }: { tenantId: string; jurisdiction: Jurisdiction },
) {
  return tx
    .select({
      courseId: courses.id,
      slug: courses.slug,
      ownedByCouncil: sql<boolean>`${courses.ownerTenantId} is not null`,
      versionId: courseVersions.id,
      versionNumber: courseVersions.number,
      title: courseVersions.title,
      summary: courseVersions.summary,
      validityMonths: courseVersions.validityMonths,
      passMarkPercent: courseVersions.passMarkPercent,
      lessons: sql<number>`(select count(*)::int from ${courseLessons} l
        where l.version_id = ${courseVersions.id} and l.jurisdictions @> array[${jurisdiction}]::text[])`,
    })
    .from(courses)
    .innerJoin(
      courseVersions,
      and(eq(courseVersions.courseId, courses.id), eq(courseVersions.status, "published")),
    )
    .where(visibleTo(tenantId))
    .orderBy(asc(courseVersions.title));
}

/** The published version of a course the council may take, or null. */
export async function getPublishedVersion(
  tx: Tx,
  { tenantId, courseId }: { tenantId: string; courseId: string },
) {
  const [row] = await tx
    .select({ version: courseVersions })
    .from(courses)
    .innerJoin(
      courseVersions,
      and(eq(courseVersions.courseId, courses.id), eq(courseVersions.status, "published")),
    )
    .where(and(eq(courses.id, courseId), visibleTo(tenantId)));
  return row?.version ?? null;
}

/** A version a council's member may read (any status: an enrolment keeps the version it started on). */
export async function getVisibleVersion(
  tx: Tx,
  { tenantId, versionId }: { tenantId: string; versionId: string },
) {
  const [row] = await tx
    .select({ version: courseVersions })
    .from(courseVersions)
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .where(and(eq(courseVersions.id, versionId), visibleTo(tenantId)));
  return row?.version ?? null;
}

/** A version's modules and the lessons for a jurisdiction, in order, without their text. */
export async function listVersionOutline(
  tx: Tx,
  { versionId, jurisdiction }: { versionId: string; jurisdiction: Jurisdiction },
) {
  const rows = await tx
    .select({
      moduleId: courseModules.id,
      moduleTitle: courseModules.title,
      lessonId: courseLessons.id,
      slug: courseLessons.slug,
      title: courseLessons.title,
    })
    .from(courseModules)
    .innerJoin(courseLessons, eq(courseLessons.moduleId, courseModules.id))
    .where(
      and(eq(courseModules.versionId, versionId), arrayContains(courseLessons.jurisdictions, [jurisdiction])),
    )
    .orderBy(asc(courseModules.position), asc(courseLessons.position));
  const modules: { id: string; title: string; lessons: { id: string; slug: string; title: string }[] }[] = [];
  for (const row of rows) {
    let module = modules.at(-1);
    if (module?.id !== row.moduleId) {
      module = { id: row.moduleId, title: row.moduleTitle, lessons: [] };
      modules.push(module);
    }
    module.lessons.push({ id: row.lessonId, slug: row.slug, title: row.title });
  }
  return modules;
}

export async function getLesson(tx: Tx, { versionId, lessonId }: { versionId: string; lessonId: string }) {
  const [lesson] = await tx
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.versionId, versionId), eq(courseLessons.id, lessonId)));
  return lesson ?? null;
}

/** The ids of a version's questions a jurisdiction may be asked: what an attempt is drawn from. */
export async function listQuestionBank(
  tx: Tx,
  { versionId, jurisdiction }: { versionId: string; jurisdiction: Jurisdiction },
) {
  const rows = await tx
    .select({ id: courseQuestions.id })
    .from(courseQuestions)
    .where(
      and(
        eq(courseQuestions.versionId, versionId),
        arrayContains(courseQuestions.jurisdictions, [jurisdiction]),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Questions as a learner sees them: prompt, kind and options' ids and text. The answer key (`correct`) and the
 * explanation are left out here, in the SQL, so no caller can pass them on.
 */
export async function listQuestionsForLearner(
  tx: Tx,
  { versionId, ids }: { versionId: string; ids: string[] },
) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: courseQuestions.id,
      kind: courseQuestions.kind,
      prompt: courseQuestions.prompt,
      options: sql<
        { id: string; text: string }[]
      >`(select coalesce(jsonb_agg(jsonb_build_object('id', o->>'id', 'text', o->>'text') order by n), '[]'::jsonb) from jsonb_array_elements(${courseQuestions.options}) with ordinality as e(o, n))`,
    })
    .from(courseQuestions)
    .where(and(eq(courseQuestions.versionId, versionId), inArray(courseQuestions.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The drawn questions with their answer keys, for marking only. */
export async function listQuestionsForMarking(
  tx: Tx,
  { versionId, ids }: { versionId: string; ids: string[] },
) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: courseQuestions.id,
      kind: courseQuestions.kind,
      options: courseQuestions.options,
      explanation: courseQuestions.explanation,
    })
    .from(courseQuestions)
    .where(and(eq(courseQuestions.versionId, versionId), inArray(courseQuestions.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The prompts of some questions (a submitted attempt's feedback names them). */
export async function listQuestionPrompts(tx: Tx, { versionId, ids }: { versionId: string; ids: string[] }) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: courseQuestions.id, prompt: courseQuestions.prompt })
    .from(courseQuestions)
    .where(and(eq(courseQuestions.versionId, versionId), inArray(courseQuestions.id, ids)));
  return new Map(rows.map((row) => [row.id, row.prompt]));
}

// Authoring (issue 10 §8): the owner's courses, their versions, and the draft's whole content with its keys.

export async function listOwnedCourses(tx: Tx, { owner }: { owner: CourseOwner }) {
  return tx
    .select({
      courseId: courses.id,
      slug: courses.slug,
      versionId: courseVersions.id,
      number: courseVersions.number,
      status: courseVersions.status,
      title: courseVersions.title,
      publishedAt: courseVersions.publishedAt,
    })
    .from(courses)
    .innerJoin(courseVersions, eq(courseVersions.courseId, courses.id))
    .where(ownedBy(owner))
    .orderBy(asc(courses.slug), asc(courseVersions.number));
}

/** One of the owner's courses, with its versions (latest first). */
export async function getOwnedCourse(tx: Tx, { owner, courseId }: { owner: CourseOwner; courseId: string }) {
  const [course] = await tx
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), ownedBy(owner)));
  if (!course) return null;
  const versions = await tx
    .select()
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(sql`${courseVersions.number} desc`);
  return { course, versions };
}

/** A version's whole content as its author edits it, answer keys included: only authoring reads this. */
export async function readVersionContent(tx: Tx, { versionId }: { versionId: string }) {
  const [modules, lessons, questions] = await Promise.all([
    tx
      .select()
      .from(courseModules)
      .where(eq(courseModules.versionId, versionId))
      .orderBy(asc(courseModules.position)),
    tx
      .select()
      .from(courseLessons)
      .where(eq(courseLessons.versionId, versionId))
      .orderBy(asc(courseLessons.position)),
    tx
      .select()
      .from(courseQuestions)
      .where(eq(courseQuestions.versionId, versionId))
      .orderBy(asc(courseQuestions.key)),
  ]);
  const slugOf = new Map(lessons.map((lesson) => [lesson.id, lesson.slug]));
  return {
    modules: modules.map((module) => ({
      title: module.title,
      lessons: lessons
        .filter((lesson) => lesson.moduleId === module.id)
        .map((lesson) => ({
          slug: lesson.slug,
          title: lesson.title,
          body: lesson.body,
          jurisdictions: lesson.jurisdictions as Jurisdiction[],
        })),
    })),
    questions: questions.map((question) => ({
      key: question.key,
      lessonSlug: question.lessonId ? (slugOf.get(question.lessonId) ?? "") : "",
      kind: question.kind,
      prompt: question.prompt,
      options: question.options.map((option) => ({ text: option.text, correct: option.correct })),
      explanation: question.explanation,
      source: question.source,
    })),
  };
}

/** Locks the course's row, so two publications (or two new drafts) of one course go one after the other. */
export async function lockOwnedCourse(tx: Tx, { owner, courseId }: { owner: CourseOwner; courseId: string }) {
  const [course] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.id, courseId), ownedBy(owner)))
    .for("update");
  return course ?? null;
}

/** The draft's rules, if it is still the draft at `version` (the author's optimistic lock). */
export async function updateDraftRules(
  tx: Tx,
  {
    versionId,
    version,
    rules,
    actor,
  }: { versionId: string; version: number; rules: CourseRulesInput; actor: string },
) {
  const [row] = await tx
    .update(courseVersions)
    .set({ ...rules, version: version + 1, updatedAt: new Date(), updatedBy: actor })
    .where(
      and(
        eq(courseVersions.id, versionId),
        eq(courseVersions.version, version),
        eq(courseVersions.status, "draft"),
      ),
    )
    .returning();
  return row ?? null;
}

/** Publishes the draft: the published version before it is retired, in the same statement's transaction. */
export async function publishDraft(
  tx: Tx,
  { courseId, versionId, actor }: { courseId: string; versionId: string; actor: string },
) {
  await tx
    .update(courseVersions)
    .set({ status: "retired", updatedAt: new Date() })
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.status, "published")));
  const [row] = await tx
    .update(courseVersions)
    .set({ status: "published", publishedAt: new Date(), publishedBy: actor, updatedAt: new Date() })
    .where(and(eq(courseVersions.id, versionId), eq(courseVersions.status, "draft")))
    .returning();
  return row ?? null;
}

/** A new draft, numbered after the latest version, with a copy of `from`'s rules (its content is copied next). */
export async function insertDraftFrom(tx: Tx, { from, actor }: { from: CourseVersionRow; actor: string }) {
  const [latest] = await tx
    .select({ number: sql<number>`max(${courseVersions.number})` })
    .from(courseVersions)
    .where(eq(courseVersions.courseId, from.courseId));
  const [row] = await tx
    .insert(courseVersions)
    .values({
      courseId: from.courseId,
      ownerTenantId: from.ownerTenantId,
      number: (latest?.number ?? from.number) + 1,
      status: "draft",
      title: from.title,
      summary: from.summary,
      validityMonths: from.validityMonths,
      passMarkPercent: from.passMarkPercent,
      questionsPerAttempt: from.questionsPerAttempt,
      attemptLimit: from.attemptLimit,
      cooldownMinutes: from.cooldownMinutes,
      updatedBy: actor,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}
