import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { jurisdictions } from "../tenant-settings.ts";
import { courseContentOf, courseFile, questionsFile } from "./course-input.ts";

/**
 * The Contract Management Foundation course as files (issue 10 §9), in the format the loader of
 * fixtures/training/ reads: course.json, lessons/*.md and questions.json. The loader's own schemas and rules
 * (`courseContentOf`) read them; this adds what the files must hold beyond the format: every lesson file exists
 * and is listed, lessons have their example and summary, questions have wrong options to choose from, and the
 * course meets the counts the issue asks for.
 */
const courseDirectory = new URL(
  "../../../../fixtures/training/contract-management-foundation/",
  import.meta.url,
);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, courseDirectory), "utf8"));

const course = courseFile.parse(readJson("course.json"));
const questions = questionsFile.parse(readJson("questions.json"));
const lessons = course.modules.flatMap((module) => module.lessons);
const lessonText = (file: string) => readFileSync(new URL(file, courseDirectory), "utf8");
const words = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;

// Issue 10 §9 and the content brief: at least 6 lessons and 36 questions, at least 4 questions a lesson.
const minimumLessons = 6;
const minimumQuestions = 36;
const minimumQuestionsPerLesson = 4;

describe("the Contract Management Foundation course files", () => {
  test("the loader reads the course through the authoring rules", () => {
    const content = courseContentOf(readJson("course.json"), readJson("questions.json"), lessonText);
    expect(content.slug).toBe("contract-management-foundation");
    expect(content.modules.flatMap((module) => module.lessons)).toHaveLength(lessons.length);
    expect(content.questions).toHaveLength(questions.length);
  });

  test("the course sets the Foundation's rules (issue 10 §5: re-accredited every 2 years)", () => {
    expect(course).toMatchObject({
      slug: "contract-management-foundation",
      title: "Contract Management Foundation",
      validityMonths: 24,
    });
    expect(course.questionsPerAttempt).toBeLessThanOrEqual(questions.length);
  });

  test("lessons have unique slugs and files, and every lesson file exists and is referenced", () => {
    expect(new Set(lessons.map((lesson) => lesson.slug)).size).toBe(lessons.length);
    expect(new Set(lessons.map((lesson) => lesson.file)).size).toBe(lessons.length);
    for (const lesson of lessons) {
      expect(existsSync(new URL(lesson.file, courseDirectory)), lesson.file).toBe(true);
      expect(new Set(lesson.jurisdictions).size, lesson.slug).toBe(lesson.jurisdictions.length);
    }
    const onDisk = readdirSync(new URL("lessons/", courseDirectory)).map((name) => `lessons/${name}`);
    expect(onDisk.sort()).toEqual(lessons.map((lesson) => lesson.file).sort());
  });

  test.each(lessons.map((lesson) => [lesson.slug, lesson.file]))(
    "lesson %s is Markdown in sections with an example and a summary, and no raw HTML",
    (_slug, file) => {
      const text = lessonText(file);
      // The page heads a lesson with its title from course.json, so the Markdown opens with its text, not a title.
      expect(text).not.toMatch(/^# /m);
      expect(text.match(/^## /gm)?.length ?? 0).toBeGreaterThanOrEqual(4);
      expect(text).toMatch(/^## In practice$/m);
      expect(text).toMatch(/^## Summary$/m);
      expect(text).not.toMatch(/<\/?[a-zA-Z][^>]*>/);
      for (const image of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) {
        expect(image[1]).toMatch(/^https:\/\//);
      }
      expect(words(text)).toBeGreaterThanOrEqual(550);
      expect(words(text)).toBeLessThanOrEqual(1_500);
    },
  );

  test("every question names a lesson of the course and has a unique id", () => {
    const slugs = new Set(lessons.map((lesson) => lesson.slug));
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
    for (const question of questions) expect(slugs.has(question.lesson), question.id).toBe(true);
  });

  test("a single-choice question has exactly one correct option, a multiple-choice one at least one, each with wrong options to weigh", () => {
    for (const question of questions) {
      const correct = question.options.filter((option) => option.correct).length;
      const wrong = question.options.length - correct;
      if (question.kind === "single") expect(correct, question.id).toBe(1);
      else expect(correct, question.id).toBeGreaterThanOrEqual(1);
      expect(wrong, `${question.id} needs a wrong option`).toBeGreaterThanOrEqual(1);
      expect(question.options.length, `${question.id} needs at least three options`).toBeGreaterThanOrEqual(
        3,
      );
      const texts = question.options.map((option) => option.text);
      expect(new Set(texts).size, question.id).toBe(texts.length);
    }
  });

  test("the counts: lessons, questions, questions a lesson, and a full attempt in every jurisdiction", () => {
    expect(lessons.length).toBeGreaterThanOrEqual(minimumLessons);
    expect(questions.length).toBeGreaterThanOrEqual(minimumQuestions);
    for (const lesson of lessons) {
      const count = questions.filter((question) => question.lesson === lesson.slug).length;
      expect(count, lesson.slug).toBeGreaterThanOrEqual(minimumQuestionsPerLesson);
    }
    for (const jurisdiction of jurisdictions) {
      const shown = new Set(
        lessons.filter((lesson) => lesson.jurisdictions.includes(jurisdiction)).map((lesson) => lesson.slug),
      );
      const bank = questions.filter((question) => shown.has(question.lesson));
      expect(bank.length, jurisdiction).toBeGreaterThanOrEqual(course.questionsPerAttempt);
    }
  });
});
