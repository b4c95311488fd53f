import { TRPCError } from "@trpc/server";
import type { TRPCRequestInfo } from "@trpc/server/http";

/**
 * Sign-in, password and invitation mutations (the `auth` router) go one per HTTP request: a batch of a
 * hundred sign-ins would otherwise be a hundred password guesses in one request. A batch of one (what the
 * web client's batch link sends for a single call) is allowed. Called from createContext, so a refused batch
 * runs none of its calls.
 */
export function refuseBatchedAuthMutations(info: Pick<TRPCRequestInfo, "type" | "calls">): void {
  if (info.type !== "mutation" || info.calls.length < 2) return;
  if (info.calls.some((call) => call.path.startsWith("auth."))) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Sign-in and account changes are sent one at a time, not in a batch.",
    });
  }
}
