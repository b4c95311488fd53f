import { appRouter, type RequestContext, refuseBatchedAuthMutations } from "@steward/api";
import { AttemptLimiter, passwordResetLimiter, SessionStore } from "@steward/auth";
import { inTransaction, postgresAttachmentStore } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { TRPCRequestInfo } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJsonCall, isPlainJsonCall } from "../src/trpc-json.ts";

let test: TestDatabase;
let cookieHeader: string;
let tenantId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  const council = await createTenantFixture(test);
  tenantId = council.tenantId;
  const { sessionId } = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
    new SessionStore(tx, null, { secure: false }).create(council.users.admin),
  );
  cookieHeader = `steward_session=${sessionId}`;
});
afterAll(() => test.close());

const limits = { signIn: new AttemptLimiter(), passwordReset: passwordResetLimiter() };

function context(info: TRPCRequestInfo, resHeaders: Headers, signedIn: boolean): RequestContext {
  refuseBatchedAuthMutations(info);
  return {
    database: test.database,
    requestId: "request-1",
    ip: "127.0.0.1",
    cookieHeader: signedIn ? cookieHeader : undefined,
    tenantHeader: tenantId,
    appUrl: "http://localhost:3000",
    cookie: { secure: false },
    limits,
    attachments: postgresAttachmentStore,
    stripe: null,
    resHeaders,
    mail: { mailboxReaders: "nobody", wake: () => {} },
  };
}

/** The same request through tRPC's fetch adapter and through answerJsonCall: status, body, errors, Allow. */
async function bothWays(path: string, init: RequestInit = {}, signedIn = true) {
  const url = `http://localhost:3000/trpc/${path}`;
  const adapterErrors: [string, string | undefined][] = [];
  const adapter = await fetchRequestHandler({
    endpoint: "/trpc",
    req: new Request(url, init),
    router: appRouter,
    createContext: ({ info, resHeaders }) => context(info, resHeaders, signedIn),
    onError: ({ error, path }) => adapterErrors.push([error.code, path]),
  });
  const jsonErrors: [string, string | undefined][] = [];
  const request = new Request(url, init);
  expect(isPlainJsonCall(request)).toBe(true);
  const json = await answerJsonCall({
    req: request,
    path: new URL(url).pathname.slice("/trpc/".length),
    router: appRouter,
    createContext: (info) => context(info, new Headers(), signedIn),
    onError: (error, path) => jsonErrors.push([error.code, path]),
  });
  return {
    adapter: {
      status: adapter.status,
      body: await adapter.json(),
      errors: adapterErrors,
      allow: adapter.headers.get("allow") ?? undefined,
    },
    json: { status: json.status, body: JSON.parse(json.body), errors: jsonErrors, allow: json.allow },
  };
}

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("tRPC's JSON calls without the fetch adapter", () => {
  it.each([
    ["a query", "members.list", {}, 200],
    [
      "a query with input",
      `contracts.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 5 }))}`,
      {},
      200,
    ],
    ["a batch of queries", "members.list,auth.me?batch=1&input=%7B%7D", {}, 200],
    ["a query of no procedure", "members.nothing", {}, 404],
    ["a batch with a call of no procedure", "auth.me,members.nothing?batch=1&input=%7B%7D", {}, 207],
    ["a query sent as POST", "members.list", post({}), 405],
    ["a mutation sent as GET", "auth.signOut", {}, 405],
    [
      "input that fails its schema",
      `contracts.get?input=${encodeURIComponent('{"contractId":"x"}')}`,
      {},
      400,
    ],
    ["input that is not JSON", "contracts.get?input=%7Bnot", {}, 400],
    ["a batch whose input is not an object", "contracts.get,contracts.get?batch=1&input=%22x%22", {}, 400],
    ["a path badly encoded", "members.list%E0%A4%A", {}, 400],
    ["procedures of two types in one batch", "auth.me,auth.signOut?batch=1&input=%7B%7D", {}, 400],
    ["a batched sign-in", "auth.signIn,auth.signIn?batch=1", post({ 0: {}, 1: {} }), 400],
    ["a mutation with bad input", "suppliers.create", post({ name: "" }), 400],
  ])("answers %s as the adapter does", async (_, path, init, status) => {
    const { adapter, json } = await bothWays(path, init);
    expect(adapter.status).toBe(status);
    expect(json).toEqual(adapter);
  });

  it("answers a caller with no session as the adapter does", async () => {
    const { adapter, json } = await bothWays("members.list", {}, false);
    expect(adapter.status).toBe(401);
    expect(json).toEqual(adapter);
  });

  it("leaves streamed, form-data and HEAD requests to the adapter", () => {
    const url = "http://localhost:3000/trpc/members.list";
    expect(isPlainJsonCall(new Request(url, { headers: { "trpc-accept": "application/jsonl" } }))).toBe(
      false,
    );
    expect(isPlainJsonCall(new Request(url, { method: "HEAD" }))).toBe(false);
    expect(isPlainJsonCall(new Request(url, { method: "POST", body: new FormData() }))).toBe(false);
    expect(isPlainJsonCall(new Request(url, { method: "POST", body: "{}" }))).toBe(false);
  });
});
