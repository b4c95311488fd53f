import { z } from "zod";
import { invalid } from "../errors.ts";
import { idInput, integerInput, listInput, optionalTextInput, textInput, textLimits } from "../input.ts";
import { jurisdictions } from "../tenant-settings.ts";
import { questionKinds, trainingEnforcements } from "./vocabulary.ts";

/**
 * What authors write (issue 10 §8) and what fixtures/training/ holds (the course format of the session's
 * PROTOCOL), checked by one set of schemas: the operator's console, a council admin's authoring pages and the
 * demo seed's loader all go through them.
 */

/** A lesson is Markdown; 60,000 characters is a long chapter. */
export const lessonBodyLimit = 60_000;
const slugInput = z
  .string({ error: "Enter a short name of lower-case letters, digits and dashes." })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes, like tiering-basics.")
  .max(80, "Keep this under 80 characters.");

export const courseRulesInput = z.object({
  title: textInput({ max: textLimits.short }),
  summary: textInput({ max: 2_000 }),
  validityMonths: integerInput({ min: 1, max: 120, message: "Enter from 1 to 120 months." }).nullable(),
  passMarkPercent: integerInput({ min: 1, max: 100, message: "Enter a pass mark from 1 to 100%." }),
  questionsPerAttempt: integerInput({ min: 1, max: 100, message: "Ask from 1 to 100 questions." }),
  attemptLimit: integerInput({ min: 1, max: 20, message: "Allow from 1 to 20 attempts." }).nullable(),
  cooldownMinutes: integerInput({ min: 0, max: 10_080, message: "Enter from 0 minutes to 7 days (10,080)." }),
});
export type CourseRulesInput = z.infer<typeof courseRulesInput>;

export const newCourseInput = courseRulesInput.extend({ slug: slugInput });

export const jurisdictionsInput = listInput(z.enum(jurisdictions), jurisdictions.length).min(
  1,
  "Choose at least one jurisdiction.",
);

export const moduleInput = z.object({ title: textInput({ max: textLimits.short }) });

export const courseLessonInput = z.object({
  slug: slugInput,
  title: textInput({ max: textLimits.short }),
  body: textInput({ max: lessonBodyLimit }),
  jurisdictions: jurisdictionsInput,
});
export type CourseLessonInput = z.infer<typeof courseLessonInput>;

const optionInput = z.object({ text: textInput({ max: 1_000 }), correct: z.boolean() });

export const questionInput = z
  .object({
    key: textInput({ max: 40 }),
    lessonId: idInput.nullable(),
    kind: z.enum(questionKinds),
    prompt: textInput({ max: 2_000 }),
    options: listInput(optionInput, 10, "A question has at most 10 options.").min(
      2,
      "A question needs at least two options.",
    ),
    explanation: textInput({ max: 4_000 }),
    source: optionalTextInput(textLimits.short),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (question.kind === "single" && correct !== 1) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Mark exactly one option correct." });
    }
    if (question.kind === "multiple" && correct < 1) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Mark at least one option correct." });
    }
  });
export type QuestionInput = z.infer<typeof questionInput>;

/** A learner's answers to one attempt: for each question answered, the option ids chosen (the server marks them). */
export const attemptAnswersInput = listInput(
  z.object({
    questionId: idInput,
    optionIds: listInput(idInput, 10, "A question has at most 10 options."),
  }),
  100,
  "An attempt has at most 100 questions.",
)
  .refine(
    (answers) => new Set(answers.map((answer) => answer.questionId)).size === answers.length,
    "Answer each question once.",
  )
  .transform((answers) => Object.fromEntries(answers.map((answer) => [answer.questionId, answer.optionIds])));

export const trainingSettingsInput = z.object({ enforcement: z.enum(trainingEnforcements) });

/** fixtures/training/<course>/course.json (PROTOCOL's course format). */
export const courseFile = z.strictObject({
  slug: slugInput,
  title: z.string().min(1),
  summary: z.string().min(1),
  validityMonths: z.number().int().positive().nullable(),
  passMarkPercent: z.number().int().min(1).max(100),
  questionsPerAttempt: z.number().int().positive(),
  attemptLimit: z.number().int().positive().nullable(),
  cooldownMinutes: z.number().int().nonnegative(),
  modules: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        lessons: z
          .array(
            z.strictObject({
              slug: slugInput,
              title: z.string().min(1),
              file: z.string().regex(/^lessons\/[a-z0-9-]+\.md$/),
              jurisdictions: z.array(z.enum(jurisdictions)).min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

/** fixtures/training/<course>/questions.json. */
export const questionsFile = z.array(
  z.strictObject({
    id: z.string().regex(/^q\d{2,}$/),
    lesson: z.string().min(1),
    kind: z.enum(questionKinds),
    prompt: z.string().min(1),
    options: z.array(z.strictObject({ text: z.string().min(1), correct: z.boolean() })).min(2),
    explanation: z.string().min(1),
    source: z.string().min(1),
  }),
);

/** A whole course as the loader hands it to the database: rules, modules with their lessons' Markdown, questions. */
export interface CourseContent {
  slug: string;
  rules: CourseRulesInput;
  modules: { title: string; lessons: CourseLessonInput[] }[];
  questions: (Omit<QuestionInput, "lessonId"> & { lessonSlug: string })[];
}

/** Reads a course in the fixture format; `readLesson` returns a lesson file's Markdown. Every rule above applies. */
export function courseContentOf(
  courseJson: unknown,
  questionsJson: unknown,
  readLesson: (file: string) => string,
): CourseContent {
  const course = courseFile.parse(courseJson);
  const questions = questionsFile.parse(questionsJson);
  const rules = courseRulesInput.parse(course);
  const modules = course.modules.map((module) => ({
    title: module.title,
    lessons: module.lessons.map((lesson) =>
      courseLessonInput.parse({ ...lesson, body: readLesson(lesson.file) }),
    ),
  }));
  const slugs = new Set(modules.flatMap((module) => module.lessons.map((lesson) => lesson.slug)));
  return {
    slug: course.slug,
    rules,
    modules,
    questions: questions.map((question) => {
      if (!slugs.has(question.lesson))
        throw invalid(`Question ${question.id} names no lesson of the course.`);
      const { lessonId: _none, ...parsed } = questionInput.parse({
        ...question,
        key: question.id,
        lessonId: null,
      });
      return { ...parsed, lessonSlug: question.lesson };
    }),
  };
}

/** A question as the draft editor holds it: it names its lesson by slug (as questions.json does). */
const draftQuestionInput = z
  .object({
    key: textInput({ max: 40 }),
    lessonSlug: z.string().max(80),
    kind: z.enum(questionKinds),
    prompt: textInput({ max: 2_000 }),
    options: listInput(optionInput, 10, "A question has at most 10 options.").min(
      2,
      "A question needs at least two options.",
    ),
    explanation: textInput({ max: 4_000 }),
    source: optionalTextInput(textLimits.short),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (question.kind === "single" && correct !== 1) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Mark exactly one option correct." });
    }
    if (question.kind === "multiple" && correct < 1) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Mark at least one option correct." });
    }
  });

/**
 * A draft version's whole content, saved at once from the author's editor (issue 10 §8): its rules, modules
 * with their lessons, and the question bank. Lesson slugs and question keys are unique; every question's
 * lesson is one of the draft's.
 */
export const courseDraftInput = z
  .object({
    rules: courseRulesInput,
    modules: listInput(
      z.object({
        title: textInput({ max: textLimits.short }),
        lessons: listInput(courseLessonInput, 30, "A module has at most 30 lessons."),
      }),
      20,
      "A course has at most 20 modules.",
    ),
    questions: listInput(draftQuestionInput, 300, "A question bank has at most 300 questions."),
  })
  .superRefine((draft, ctx) => {
    const slugs = new Set<string>();
    draft.modules.forEach((module, moduleIndex) => {
      module.lessons.forEach((lesson, lessonIndex) => {
        if (slugs.has(lesson.slug)) {
          ctx.addIssue({
            code: "custom",
            path: ["modules", moduleIndex, "lessons", lessonIndex, "slug"],
            message: "Another lesson of this course has this short name.",
          });
        }
        slugs.add(lesson.slug);
      });
    });
    const keys = new Set<string>();
    draft.questions.forEach((question, index) => {
      if (keys.has(question.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "key"],
          message: "Another question has this key.",
        });
      }
      keys.add(question.key);
      if (!slugs.has(question.lessonSlug)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "lessonSlug"],
          message: "Choose one of this course's lessons.",
        });
      }
    });
  });
export type CourseDraftInput = z.infer<typeof courseDraftInput>;
