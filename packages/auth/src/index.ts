export * from "./accounts.ts";
export * from "./adapter.ts";
export * from "./client-address.ts";
export * from "./crypto.ts";
export * from "./origin.ts";
export * from "./rate-limit.ts";
export * from "./sessions.ts";
