export * from "./changes.ts";
export * from "./contract-input.ts";
export * from "./contract-list.ts";
export * from "./iso-dates.ts";
export * from "./obligations.ts";
export * from "./payments.ts";
export * from "./supplier-input.ts";
export * from "./tiering.ts";
