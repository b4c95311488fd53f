import {
  type CourseOwner,
  createCourse,
  getOwnedCourse,
  insertDraftFrom,
  listOwnedCourses,
  lockOwnedCourse,
  publishDraft,
  readVersionContent,
  type Tx,
  updateDraftRules,
  writeVersionContent,
} from "@steward/db";
import {
  type CourseDraftInput,
  conflict,
  courseDraftInput,
  courseRulesInput,
  idInput,
  invalid,
  newCourseInput,
  notFound,
  publishProblems,
  textInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { lessonHtml } from "./lesson-html.ts";

/**
 * Course authoring (issue 10 §8), one implementation for both authors: the platform operator (owner null, the
 * `/operator` console) and a council admin (owner = the council). Authors edit one draft version at a time and
 * save it whole; publishing it retires the version before, and never changes a published version, so every
 * completion keeps naming the version it was earned on. These are the only procedures whose answers hold the
 * answer keys: the answer-key walk (router.answer-keys.test.ts) lists them.
 */

export const authoringInputs = {
  get: z.object({ courseId: idInput }),
  create: newCourseInput,
  saveDraft: z.object({ courseId: idInput, version: versionInput, draft: courseDraftInput }),
  publish: z.object({ courseId: idInput, version: versionInput }),
  startDraft: z.object({ courseId: idInput }),
  preview: z.object({ courseId: idInput, lessonSlug: textInput({ max: 80 }) }),
};

const changedMeanwhile = () =>
  conflict("Someone else changed this draft meanwhile. Reload to see their changes, then make yours again.");

export async function listAuthoredCourses(tx: Tx, owner: CourseOwner) {
  const rows = await listOwnedCourses(tx, { owner });
  const byCourse = new Map<
    string,
    {
      courseId: string;
      slug: string;
      title: string;
      published: { number: number; publishedAt: Date | null } | null;
      draft: { number: number } | null;
    }
  >();
  for (const row of rows) {
    const course = byCourse.get(row.courseId) ?? {
      courseId: row.courseId,
      slug: row.slug,
      title: row.title,
      published: null,
      draft: null,
    };
    course.title = row.title;
    if (row.status === "published") course.published = { number: row.number, publishedAt: row.publishedAt };
    if (row.status === "draft") course.draft = { number: row.number };
    byCourse.set(row.courseId, course);
  }
  return [...byCourse.values()];
}

/** The course's versions, and the draft's content (or the published one's, read-only, when there is no draft). */
export async function getAuthoredCourse(tx: Tx, owner: CourseOwner, courseId: string) {
  const found = await getOwnedCourse(tx, { owner, courseId });
  if (!found) throw notFound("That course");
  const draft = found.versions.find((version) => version.status === "draft") ?? null;
  const published = found.versions.find((version) => version.status === "published") ?? null;
  const shown = draft ?? published ?? found.versions[0];
  if (!shown) throw notFound("That course");
  const content = await readVersionContent(tx, { versionId: shown.id });
  return {
    courseId,
    slug: found.course.slug,
    versions: found.versions.map((version) => ({
      number: version.number,
      status: version.status,
      title: version.title,
      publishedAt: version.publishedAt,
    })),
    editing: draft !== null,
    shown: {
      number: shown.number,
      status: shown.status,
      version: shown.version,
      draft: {
        rules: {
          title: shown.title,
          summary: shown.summary,
          validityMonths: shown.validityMonths,
          passMarkPercent: shown.passMarkPercent,
          questionsPerAttempt: shown.questionsPerAttempt,
          attemptLimit: shown.attemptLimit,
          cooldownMinutes: shown.cooldownMinutes,
        },
        ...content,
      } satisfies CourseDraftInput,
    },
  };
}

/** Who writes: the course's owner (a council, or null for the platform) and the author's user id. */
export interface Author {
  owner: CourseOwner;
  actor: string;
}

export async function createAuthoredCourse(
  tx: Tx,
  { owner, actor }: Author,
  input: z.infer<typeof authoringInputs.create>,
) {
  const { slug, ...rules } = input;
  const created = await createCourse(tx, { owner, slug, rules: courseRulesInput.parse(rules), actor });
  if (!created) {
    throw invalid("Some answers need correcting: see the marked fields.", {
      slug: "Another course already has this short name.",
    });
  }
  return { courseId: created.course.id, versionNumber: created.version.number, title: created.version.title };
}

async function lockedDraft(tx: Tx, owner: CourseOwner, courseId: string) {
  if (!(await lockOwnedCourse(tx, { owner, courseId }))) throw notFound("That course");
  const found = await getOwnedCourse(tx, { owner, courseId });
  return {
    draft: found?.versions.find((version) => version.status === "draft") ?? null,
    published: found?.versions.find((version) => version.status === "published") ?? null,
  };
}

export async function saveAuthoredDraft(
  tx: Tx,
  { owner, actor }: Author,
  input: z.infer<typeof authoringInputs.saveDraft>,
) {
  const { draft } = await lockedDraft(tx, owner, input.courseId);
  if (!draft) throw conflict("This course has no draft: start a new version first.");
  const updated = await updateDraftRules(tx, {
    versionId: draft.id,
    version: input.version,
    rules: input.draft.rules,
    actor,
  });
  if (!updated) throw changedMeanwhile();
  await writeVersionContent(tx, {
    owner,
    versionId: draft.id,
    content: { rules: input.draft.rules, modules: input.draft.modules, questions: input.draft.questions },
  });
  return { version: updated.version, versionNumber: updated.number };
}

export async function publishAuthoredDraft(
  tx: Tx,
  { owner, actor }: Author,
  input: z.infer<typeof authoringInputs.publish>,
) {
  const { draft } = await lockedDraft(tx, owner, input.courseId);
  if (!draft) throw conflict("This course has no draft to publish.");
  if (draft.version !== input.version) throw changedMeanwhile();
  const content = await readVersionContent(tx, { versionId: draft.id });
  const problems = publishProblems({ questionsPerAttempt: draft.questionsPerAttempt }, content);
  if (problems.length > 0) throw invalid(`This draft cannot be published yet: ${problems.join(" ")}`);
  const published = await publishDraft(tx, { courseId: input.courseId, versionId: draft.id, actor });
  if (!published) throw changedMeanwhile();
  return { versionNumber: published.number };
}

/** A new draft, a copy of the published version, for the next edition. */
export async function startAuthoredDraft(
  tx: Tx,
  { owner, actor }: Author,
  input: z.infer<typeof authoringInputs.startDraft>,
) {
  const { draft, published } = await lockedDraft(tx, owner, input.courseId);
  if (draft) throw conflict(`Version ${draft.number} is already being drafted: edit that one.`);
  if (!published) throw conflict("This course has nothing published to start from.");
  const created = await insertDraftFrom(tx, { from: published, actor });
  if (!created) throw changedMeanwhile();
  const content = await readVersionContent(tx, { versionId: published.id });
  await writeVersionContent(tx, {
    owner,
    versionId: created.id,
    content: { rules: courseRulesInput.parse(created), ...content },
  });
  return { versionNumber: created.number };
}

/**
 * The author's preview of a saved lesson of the draft (or, without a draft, of the published version): as
 * learners will see it, through the same renderer and sanitiser.
 */
export async function previewLesson(
  tx: Tx,
  owner: CourseOwner,
  input: z.infer<typeof authoringInputs.preview>,
) {
  const course = await getAuthoredCourse(tx, owner, input.courseId);
  const lesson = course.shown.draft.modules
    .flatMap((module) => module.lessons)
    .find((candidate) => candidate.slug === input.lessonSlug);
  if (!lesson) throw notFound("That lesson");
  return { title: lesson.title, html: lessonHtml(lesson.body) };
}
