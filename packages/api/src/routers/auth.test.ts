import { hashPassword } from "@steward/auth";
import { inTransaction, listRecentMail } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;
const password = "the original passphrase";

let passwordHash: string;

beforeAll(async () => {
  test = await createTestDatabase();
  passwordHash = await hashPassword(password);
});
afterAll(() => test.close());
// One fresh council per test: no test depends on rows (sessions, reset tokens, limits) another made.
beforeEach(async () => {
  council = await createTenantFixture(test, { passwordHash });
});

const email = () => `finance.${council.slug}@example.test`;
const mailTo = async (address: string) =>
  (
    await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
      listRecentMail(tx, { limit: 50 }),
    )
  ).filter((mail) => mail.to === address);

describe("sign-in and password reset", () => {
  it("signs in, says who is signed in, and signs out", async () => {
    const visitor = await callerFor(test);
    expect(await visitor.caller.auth.me()).toBeNull();
    await visitor.caller.auth.signIn({ email: email().toUpperCase(), password });
    const cookie = visitor.context.resHeaders.get("set-cookie")?.split(";")[0];
    const signedIn = await callerFor(test);
    signedIn.context.cookieHeader = cookie;
    const me = await signedIn.caller.auth.me();
    expect(me?.user.email).toBe(email());
    expect(me?.councils.map((each) => [each.slug, each.role])).toEqual([[council.slug, "finance"]]);
    await signedIn.caller.auth.signOut();
    expect(await signedIn.caller.auth.me()).toBeNull();
  });

  it("gives the same answer for an unknown email and sends nothing", async () => {
    const visitor = await callerFor(test);
    expect(await visitor.caller.auth.requestPasswordReset({ email: "nobody@example.test" })).toEqual({
      sent: true,
    });
    expect(await mailTo("nobody@example.test")).toEqual([]);
    expect((await refusal(visitor.caller.auth.signIn({ email: "nobody@example.test", password }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("resets a password once with the mailed token and ends every session", async () => {
    const existing = await callerFor(test, { userId: council.users.finance, tenantId: council.tenantId });
    const visitor = await callerFor(test);
    await visitor.caller.auth.requestPasswordReset({ email: email() });
    const [mail] = await mailTo(email());
    const token = new URL(/http\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    expect(token).toMatch(/^[\w-]{43}$/);

    expect(
      (await refusal(visitor.caller.auth.resetPassword({ token, password: "short" }))).fieldErrors,
    ).toEqual({
      password: "Use at least 12 characters for your password.",
    });
    await visitor.caller.auth.resetPassword({ token, password: "a completely new passphrase" });
    expect((await refusal(existing.caller.members.list())).code).toBe("UNAUTHORIZED");
    expect(
      (await refusal(visitor.caller.auth.resetPassword({ token, password: "yet another passphrase" }))).code,
    ).toBe("BAD_REQUEST");
    expect((await refusal(visitor.caller.auth.signIn({ email: email(), password }))).code).toBe(
      "UNAUTHORIZED",
    );
    await visitor.caller.auth.signIn({ email: email(), password: "a completely new passphrase" });
  });

  it("refuses an expired reset token", async () => {
    const visitor = await callerFor(test);
    await visitor.caller.auth.requestPasswordReset({ email: `viewer.${council.slug}@example.test` });
    const [mail] = await mailTo(`viewer.${council.slug}@example.test`);
    const token = new URL(/http\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    await test.owner`update password_resets set expires_at = now() - interval '1 minute'`;
    expect(
      (await refusal(visitor.caller.auth.resetPassword({ token, password: "a completely new passphrase" })))
        .code,
    ).toBe("BAD_REQUEST");
  });

  it("refuses a fourth reset request for one address within the hour, so no one can flood an inbox", async () => {
    const visitor = await callerFor(test);
    const address = `board.${council.slug}@example.test`;
    for (let index = 0; index < 3; index += 1)
      await visitor.caller.auth.requestPasswordReset({ email: address });
    expect((await refusal(visitor.caller.auth.requestPasswordReset({ email: address }))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    expect(await mailTo(address)).toHaveLength(3);
  });

  it("sends three reset mails, no more, when ten requests for one account arrive at once", async () => {
    const fresh = await createTenantFixture(test);
    const address = `sro.${fresh.slug}@example.test`;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        const visitor = await callerFor(test);
        visitor.context.ip = `198.51.100.${index}`;
        return visitor.caller.auth.requestPasswordReset({ email: address }).then(
          () => "sent",
          async (error: unknown) => (await refusal(Promise.reject(error))).code,
        );
      }),
    );
    expect(outcomes.filter((outcome) => outcome === "sent")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === "TOO_MANY_REQUESTS")).toHaveLength(7);
    expect(await mailTo(address)).toHaveLength(3);
  });
});

describe("sessions across sign-ins", () => {
  it("ends the browser's previous session when it signs in again", async () => {
    const fresh = await createTenantFixture(test, { passwordHash: await hashPassword(password) });
    const browser = await callerFor(test);
    browser.context.ip = "198.51.100.201";
    const cookieOf = () => browser.context.resHeaders.get("set-cookie")?.split(";")[0];
    await browser.caller.auth.signIn({ email: `viewer.${fresh.slug}@example.test`, password });
    const first = cookieOf();
    browser.context.cookieHeader = first;
    browser.context.resHeaders = new Headers();
    await browser.caller.auth.signIn({ email: `board.${fresh.slug}@example.test`, password });
    const second = cookieOf();
    expect(second).not.toBe(first);

    const asFirst = await callerFor(test);
    asFirst.context.cookieHeader = first;
    expect(await asFirst.caller.auth.me()).toBeNull();
    const asSecond = await callerFor(test);
    asSecond.context.cookieHeader = second;
    expect((await asSecond.caller.auth.me())?.user.email).toBe(`board.${fresh.slug}@example.test`);
  });
});

describe("invitations for an existing account", () => {
  it("checks at most 10 guesses of the account's password through one invitation, then refuses before hashing", async () => {
    const inviting = await createTenantFixture(test);
    const existing = await createTenantFixture(test, { passwordHash: await hashPassword(password) });
    const address = `viewer.${existing.slug}@example.test`;
    const admin = await callerFor(test, { userId: inviting.users.admin, tenantId: inviting.tenantId });
    await admin.caller.members.invite({ email: address, role: "viewer" });
    const [mail] = await mailTo(address);
    const token = new URL(/http\S+/.exec(mail?.body ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    const visitor = await callerFor(test);
    visitor.context.ip = "198.51.100.202";
    const accept = (guess: string) =>
      refusal(visitor.caller.auth.acceptInvitation({ tenantId: inviting.tenantId, token, password: guess }));

    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, index) => accept(`guess ${index}`)));
    expect(outcomes.filter((outcome) => outcome.code === "BAD_REQUEST")).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome.code === "TOO_MANY_REQUESTS")).toHaveLength(5);
    expect((await accept(password)).code).toBe("TOO_MANY_REQUESTS");
  });
});
