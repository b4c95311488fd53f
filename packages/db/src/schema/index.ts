export * from "./audit.ts";
export * from "./benchmarks.ts";
export * from "./performance.ts";
export * from "./platform.ts";
export * from "./register.ts";
export * from "./reminders.ts";
export * from "./tenancy.ts";
export * from "./training.ts";
