import type { AppRouter } from "@steward/api";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";

const tenantHeader = "x-steward-tenant";

/**
 * Calls the shell makes on every page of a council (the licence banner): sent on their own, so they never hold
 * back or share a batch with the page's own calls.
 */
const unbatched = new Set(["billing.status"]);

function createClient(tenantId: string | null) {
  const options = {
    url: "/trpc",
    // The session cookie is HttpOnly and same-origin; the browser adds Sec-Fetch-Site for the origin check.
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, credentials: "same-origin" }),
    headers: () => (tenantId ? { [tenantHeader]: tenantId } : {}),
  };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => unbatched.has(operation.path),
        true: httpLink(options),
        false: httpBatchLink(options),
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;
/** What a query answers, as it arrives over JSON (dates are ISO strings). */
export type Answer<Query extends { query: (...args: never[]) => Promise<unknown> }> = Awaited<
  ReturnType<Query["query"]>
>;
export type Me = NonNullable<Answer<Client["auth"]["me"]>>;
export type Council = Me["councils"][number];

/** Sign-in, invitations, the user's own account: no council. */
export const api: Client = createClient(null);

const councilClients = new Map<string, Client>();

/**
 * A client bound to one council: every request it sends names that council, so a request started on one
 * council's page cannot go out under another after the user switches (DESIGN §3.5: the server still checks
 * the membership).
 */
export function councilApi(tenantId: string): Client {
  let client = councilClients.get(tenantId);
  if (!client) {
    client = createClient(tenantId);
    councilClients.set(tenantId, client);
  }
  return client;
}

export interface Problem {
  /** A sentence for the person: what went wrong and what to do. */
  message: string;
  /** Messages keyed by input field name. */
  fieldErrors: Record<string, string>;
  code: string | null;
}

/** Turns anything thrown by a call into sentences a council officer can act on. */
export function describeProblem(error: unknown): Problem {
  if (error instanceof TRPCClientError) {
    const typed = error as TRPCClientError<AppRouter>;
    const data = typed.data;
    if (!data) {
      return {
        message: "Steward could not be reached. Check your connection and try again.",
        fieldErrors: {},
        code: null,
      };
    }
    // The server's sentence for a fault of its own names the request ("quote reference …") and nothing of
    // the cause, so support can find it in the logs.
    return { message: typed.message, fieldErrors: data.fieldErrors ?? {}, code: data.code };
  }
  return { message: "Something went wrong. Try again in a moment.", fieldErrors: {}, code: null };
}

export function isSignedOut(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error as TRPCClientError<AppRouter>).data?.code === "UNAUTHORIZED"
  );
}
