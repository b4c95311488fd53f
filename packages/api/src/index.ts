export { refuseBatchedAuthMutations } from "./batching.ts";
export type { RequestContext } from "./context.ts";
export type { ProcedureMeta } from "./init.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
export { reconcileCouncil } from "./stripe-reconciliation.ts";
export { receiveStripeEvent, type WebhookAnswer } from "./stripe-webhook.ts";
