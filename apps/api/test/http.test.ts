import { hashPassword } from "@steward/auth";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";

let test: TestDatabase;
let app: ReturnType<typeof createApp>;
let adminEmail: string;
const appUrl = "http://localhost:3000";
const password = "correct horse battery staple";

let passwordHash: string;

beforeAll(async () => {
  test = await createTestDatabase();
  passwordHash = await hashPassword(password);
  app = createApp({
    database: test.database,
    appUrl,
    logger: pino({ level: "silent" }),
    mail: { mailboxOpen: true, wake: () => {} },
    isReady: async () => true,
  });
});
afterAll(() => test.close());
// One fresh council per test: a wrong password in one test counts against no other's sign-in.
beforeEach(async () => {
  const council = await createTenantFixture(test, { passwordHash });
  adminEmail = `admin.${council.slug}@example.test`;
});

const signIn = (headers: Record<string, string>, body = JSON.stringify({ email: adminEmail, password })) =>
  app.request("/trpc/auth.signIn", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("HTTP edge", () => {
  it("answers health and readiness", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
    expect((await app.request("/readyz")).status).toBe(200);
  });

  it("refuses a cross-site POST whatever its content type", async () => {
    expect((await signIn({ origin: "https://evil.example" })).status).toBe(403);
    expect((await signIn({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await signIn({})).status).toBe(403);
    const form = await app.request("/trpc/auth.signOut", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost:3000.evil.example",
      },
      body: "a=b",
    });
    expect(form.status).toBe(403);
  });

  it("accepts a same-origin sign-in and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    for (const headers of [{ "sec-fetch-site": "same-origin" }, { origin: appUrl }] as Record<
      string,
      string
    >[]) {
      const response = await signIn(headers);
      expect(response.status).toBe(200);
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^steward_session=[\w-]{43};/);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
    }
  });

  it("gives a generic error for a wrong password and a request id on every response", async () => {
    const response = await signIn(
      { origin: appUrl },
      JSON.stringify({ email: adminEmail, password: "wrong" }),
    );
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("The email or password is not right");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns field errors for invalid input", async () => {
    const response = await signIn({ origin: appUrl }, JSON.stringify({ email: "nope", password: "" }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { fieldErrors: Record<string, string> } } };
    expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(["email", "password"]);
  });
});
