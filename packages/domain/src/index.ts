export * from "./accounts.ts";
export * from "./contracts/index.ts";
export * from "./errors.ts";
export * from "./ids.ts";
export * from "./money.ts";
export * from "./register-import/index.ts";
export * from "./roles.ts";
export * from "./tenant-settings.ts";
