export * from "./course-input.ts";
export * from "./rules.ts";
export * from "./vocabulary.ts";
