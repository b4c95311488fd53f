import { AttemptLimiter, passwordResetLimiter, SessionStore } from "@steward/auth";
import type { StripeBilling } from "@steward/billing";
import { type AttachmentStore, inTransaction, postgresAttachmentStore } from "@steward/db";
import type { TestDatabase } from "@steward/db/testing";
import { newId } from "@steward/domain";
import { TRPCError } from "@trpc/server";
import type { RequestContext } from "./context.ts";
import { fieldErrorsOf } from "./init.ts";
import { createCaller } from "./root.ts";

const cookie = { secure: false };

/** A real session for a user, as the sign-in procedure would make one. */
export async function sessionCookieFor(test: TestDatabase, userId: string): Promise<string> {
  const { sessionId } = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
    new SessionStore(tx, null, cookie).create(userId),
  );
  return `steward_session=${sessionId}`;
}

export interface TestCaller {
  caller: ReturnType<typeof createCaller>;
  context: RequestContext;
}

/** A caller with the context apps/api would build for a request from this user in this council. */
export async function callerFor(
  test: TestDatabase,
  options: {
    userId?: string;
    tenantId?: string | null;
    signInLimiter?: AttemptLimiter;
    attachments?: AttachmentStore;
    stripe?: StripeBilling | null;
  } = {},
): Promise<TestCaller> {
  const context: RequestContext = {
    database: test.database,
    requestId: newId(),
    ip: "192.0.2.10",
    cookieHeader: options.userId ? await sessionCookieFor(test, options.userId) : undefined,
    tenantHeader: options.tenantId ?? null,
    appUrl: "http://localhost:3000",
    cookie,
    limits: { signIn: options.signInLimiter ?? new AttemptLimiter(), passwordReset: passwordResetLimiter() },
    attachments: options.attachments ?? postgresAttachmentStore,
    stripe: options.stripe ?? null,
    resHeaders: new Headers(),
    mail: { mailboxReaders: "anyone", wake: () => {} },
  };
  return { caller: createCaller(context), context };
}

/** The code and field messages a client would see for a failed call. */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code: string; fieldErrors: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError)
      return { code: error.code, fieldErrors: fieldErrorsOf(error.cause) ?? {} };
    throw error;
  }
  throw new Error("expected the call to be refused");
}
