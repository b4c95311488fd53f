export * from "./library.ts";
export * from "./organisations.ts";
export * from "./periods.ts";
export * from "./privacy.ts";
export * from "./statistics.ts";
export * from "./templates.ts";
export * from "./vocabulary.ts";
