export * from "./ratings.ts";
export * from "./vocabulary.ts";
