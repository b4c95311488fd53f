export { refuseBatchedAuthMutations } from "./batching.ts";
export type { RequestContext } from "./context.ts";
export type { ProcedureMeta } from "./init.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
