export * from "./board.ts";
export * from "./improvement-plans.ts";
export * from "./measurements.ts";
export * from "./meetings.ts";
export * from "./rag.ts";
export * from "./rag-reminders.ts";
export * from "./ratings.ts";
export * from "./vocabulary.ts";
