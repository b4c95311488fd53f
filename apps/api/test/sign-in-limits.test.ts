import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { hashPassword, sha256Hex } from "@steward/auth";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";

let test: TestDatabase;
const appUrl = "http://localhost:3000";
const password = "correct horse battery staple";
let passwordHash: string;

beforeAll(async () => {
  test = await createTestDatabase();
  passwordHash = await hashPassword(password);
});
afterAll(() => test.close());

const appWith = (trustedProxy?: string) =>
  createApp({
    database: test.database,
    appUrl,
    logger: pino({ level: "silent" }),
    mail: { wake: () => {} },
    mailbox: "local",
    isReady: async () => true,
    ...(trustedProxy === undefined ? {} : { trustedProxy }),
  });

const sameOrigin = { "content-type": "application/json", "sec-fetch-site": "same-origin" };

async function freshAdmin() {
  const council = await createTenantFixture(test, { passwordHash });
  return `admin.${council.slug}@example.test`;
}

/** What @hono/node-server hands the app for a request that came from this address. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** The counter the sign-in limiter keeps for an address, if any. */
async function addressCount(ip: string) {
  const [row] = await test.owner<{ count: number }[]>`
    select count from attempt_counters where key_hash = ${sha256Hex(`sign-in:ip:${ip}`)}`;
  return row?.count ?? 0;
}

describe("sign-in limits at the HTTP edge", () => {
  it("refuses a batch of sign-ins before checking any password, and still takes a batch of one", async () => {
    const app = appWith();
    const email = await freshAdmin();
    const calls = 100;
    const input = Object.fromEntries(
      Array.from({ length: calls }, (_, index) => [String(index), { email, password: `guess ${index}` }]),
    );
    const batch = await app.request(
      `/trpc/${Array.from({ length: calls }, () => "auth.signIn").join(",")}?batch=1`,
      { method: "POST", headers: sameOrigin, body: JSON.stringify(input) },
      from("198.18.1.1"),
    );
    expect(batch.status).toBe(400);
    const answers = (await batch.json()) as { error: { message: string } }[];
    expect(answers).toHaveLength(calls);
    expect(answers[0]?.error.message).toMatch(/one at a time/);
    expect(batch.headers.get("set-cookie")).toBeNull();
    expect(await addressCount("198.18.1.1")).toBe(0);

    // A sign-in mixed into a batch of other mutations is refused the same way.
    const mixed = await app.request(
      "/trpc/auth.signOut,auth.signIn?batch=1",
      {
        method: "POST",
        headers: sameOrigin,
        body: JSON.stringify({ 1: { email, password } }),
      },
      from("198.18.1.1"),
    );
    expect(mixed.status).toBe(400);

    const single = await app.request(
      "/trpc/auth.signIn?batch=1",
      {
        method: "POST",
        headers: sameOrigin,
        body: JSON.stringify({ 0: { email, password } }),
      },
      from("198.18.1.1"),
    );
    expect(single.status).toBe(200);
    expect(single.headers.get("set-cookie")).toContain("steward_session=");
  });

  it("answers 40 parallel wrong passwords with 10 refusals of the password and 30 of the attempt", async () => {
    const app = appWith();
    const email = await freshAdmin();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        app.request(
          "/trpc/auth.signIn",
          {
            method: "POST",
            headers: sameOrigin,
            body: JSON.stringify({ email, password: "wrong password" }),
          },
          from(`198.18.2.${index}`),
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
  });

  it("counts the address a trusted proxy forwards, and only from a trusted proxy", async () => {
    const email = await freshAdmin();
    const serveOn = (trustedProxy?: string) =>
      new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
        const server = serve({ fetch: appWith(trustedProxy).fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
          resolve({
            url: `http://127.0.0.1:${(info as AddressInfo).port}`,
            close: () => new Promise((done) => server.close(() => done())),
          }),
        );
      });
    const wrongPassword = (url: string, forwardedFor: string) =>
      fetch(`${url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { ...sameOrigin, "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email, password: "wrong password" }),
      });

    const behindProxy = await serveOn("127.0.0.1");
    try {
      expect((await wrongPassword(behindProxy.url, "198.51.100.23")).status).toBe(401);
      expect(await addressCount("198.51.100.23")).toBe(1);
      // A client that forges the header gets its forgery ignored: the proxy's own entry is the client.
      expect((await wrongPassword(behindProxy.url, "6.6.6.6, 198.51.100.24")).status).toBe(401);
      expect(await addressCount("198.51.100.24")).toBe(1);
      expect(await addressCount("6.6.6.6")).toBe(0);
    } finally {
      await behindProxy.close();
    }

    const direct = await serveOn();
    try {
      const before = await addressCount("127.0.0.1");
      expect((await wrongPassword(direct.url, "198.51.100.25")).status).toBe(401);
      expect(await addressCount("198.51.100.25")).toBe(0);
      expect(await addressCount("127.0.0.1")).toBe(before + 1);
    } finally {
      await direct.close();
    }
  });
});
