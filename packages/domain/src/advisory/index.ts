export * from "./engagements.ts";
export * from "./notes.ts";
export * from "./portfolio.ts";
export * from "./reviews.ts";
