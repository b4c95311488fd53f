export * from "./audit.ts";
export * from "./platform.ts";
export * from "./tenancy.ts";
