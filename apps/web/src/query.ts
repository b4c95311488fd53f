import { type CreateQueryResult, createQuery, QueryClient, type QueryKey } from "@tanstack/solid-query";
import { api, type Client, describeProblem } from "./trpc.ts";

/**
 * One procedure call, named by its path and input. The same value gives the cache key and the request, so
 * the two cannot disagree.
 */
export interface Call<Output> {
  readonly path: readonly string[];
  readonly input: unknown;
  /** Carries the output type only; never set. */
  readonly output?: Output;
}

/** The tRPC client's shape, where calling a procedure describes the call instead of sending it. */
export type Procedures<Node> = {
  [Name in keyof Node]: Node[Name] extends { query: (...args: infer Args) => Promise<infer Output> }
    ? (input: Args[0]) => Call<Output>
    : Node[Name] extends { mutate: (...args: infer Args) => Promise<infer Output> }
      ? (input: Args[0]) => Call<Output>
      : Procedures<Node[Name]>;
};

function describe(path: readonly string[]): unknown {
  return new Proxy(() => undefined, {
    get: (_target, part) => (typeof part === "string" ? describe([...path, part]) : undefined),
    apply: (_target, _this, args: unknown[]): Call<unknown> => ({ path, input: args[0] }),
  });
}

export const procedures = describe([]) as Procedures<Client>;

/** A router ("members") or one of its procedures ("members.list"): what a mutation makes out of date. */
export type Scope = {
  [Router in keyof Client & string]: Router | `${Router}.${keyof Client[Router] & string}`;
}[keyof Client & string];

/**
 * Every council mutation writes an audit event in its transaction (DESIGN §3.4), so the audit log and a
 * contract's history are out of date after any of them.
 */
const auditTrail: Scope[] = ["audit", "contracts.history"];

/**
 * Council data is cached under the council's id: switching council can never show another council's
 * answer, and invalidating one council's data leaves the other's alone.
 */
export function councilKey(tenantId: string, call: Call<unknown>): QueryKey {
  return ["council", tenantId, ...call.path, call.input];
}

/** The key prefix a scope covers in one council. */
export function scopeKey(tenantId: string, scope: Scope): QueryKey {
  return ["council", tenantId, ...scope.split(".")];
}

/** Data that belongs to no council (the session, an invitation, the dev mailbox). */
export function publicKey(call: Call<unknown>): QueryKey {
  return ["public", ...call.path, call.input];
}

export function send<Output>(
  client: Client,
  call: Call<Output>,
  method: "query" | "mutate",
): Promise<Output> {
  let node: unknown = client;
  for (const part of call.path) node = (node as Record<string, unknown>)[part];
  const procedure = node as Record<typeof method, (input: unknown) => Promise<Output>>;
  return procedure[method](call.input);
}

/** Asking again helps after a lost connection or a server fault, not after a refusal. */
export function isRetryable(error: unknown): boolean {
  const code = describeProblem(error).code;
  return (
    code === null || code === "INTERNAL_SERVER_ERROR" || code === "TIMEOUT" || code === "TOO_MANY_REQUESTS"
  );
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A page visited again shows its cached answer at once and asks again in the background.
      staleTime: 10_000,
      retry: (failures, error) => failures < 1 && isRetryable(error),
    },
  },
});

/** A query that belongs to no council. */
export function publicQuery<Output>(
  call: (procedures: Procedures<Client>) => Call<Output> | null,
): CreateQueryResult<Output> {
  return createQuery(() => {
    const wanted = call(procedures);
    return {
      queryKey: wanted ? publicKey(wanted) : ["public", "nothing"],
      queryFn: () => (wanted ? send(api, wanted, "query") : Promise.reject(new Error("nothing to ask"))),
      enabled: wanted !== null,
    };
  });
}

/** The query's answer, or undefined while it has none or after it failed (a picker's options, a title). */
export function answer<Output>(query: CreateQueryResult<Output>): Output | undefined {
  // `data` is read only once there is an answer: reading it earlier would suspend the page.
  return query.isSuccess ? query.data : undefined;
}

export function invalidate(tenantId: string, changes: readonly Scope[]): Promise<void> {
  return Promise.all(
    [...new Set([...changes, ...auditTrail])].map((scope) =>
      queryClient.invalidateQueries({ queryKey: scopeKey(tenantId, scope) }),
    ),
  ).then(() => undefined);
}
