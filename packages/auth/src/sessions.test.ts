import { connectDatabase, getUser, inTransaction } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changePassword, signIn } from "./accounts.ts";
import { absoluteSessionLifetimeMs } from "./adapter.ts";
import { hashPassword, sha256Hex, verifyPassword } from "./crypto.ts";
import { AttemptLimiter } from "./rate-limit.ts";
import { idleSessionLifetime, SessionStore } from "./sessions.ts";

let test: TestDatabase;
let council: TenantFixture;
const password = "correct horse battery staple";
const cookie = { secure: false };

let passwordHash: string;

beforeAll(async () => {
  test = await createTestDatabase();
  passwordHash = await hashPassword(password);
});
afterAll(() => test.close());
// One fresh council per test: no test depends on sessions or passwords another changed.
beforeEach(async () => {
  council = await createTenantFixture(test, { passwordHash });
});

const platform = <T>(work: Parameters<typeof inTransaction<T>>[2]) =>
  inTransaction(test.database, { tenantId: null, userId: null }, work);
const email = () => `viewer.${council.slug}@example.test`;
const sessionIdFrom = (setCookie: string) => /steward_session=([^;]+)/.exec(setCookie)?.[1] ?? "";

async function signInAsViewer() {
  const result = await platform((tx) =>
    signIn(
      tx,
      { email: email(), password, ip: "192.0.2.1", previousSessionId: null },
      { limiter: new AttemptLimiter(), sessions: new SessionStore(tx, null, cookie) },
    ),
  );
  return sessionIdFrom(result.setCookie);
}
const validate = (sessionId: string, tenantId: string | null = null) =>
  inTransaction(test.database, { tenantId, userId: null }, (tx) =>
    new SessionStore(tx, tenantId, cookie).validate(sessionId),
  );

describe("sessions", () => {
  it("stores only the SHA-256 of the session id", async () => {
    const sessionId = await signInAsViewer();
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await test.owner`select id_hash from sessions`;
    expect(rows.map((row) => row.id_hash)).toContain(sha256Hex(sessionId));
    const dump = JSON.stringify(await test.owner`select * from sessions`);
    expect(dump).not.toContain(sessionId);
  });

  it("never sends the raw session id to the database, at sign-in or on any later request", async () => {
    const sent: string[] = [];
    const wire = connectDatabase(test.ownerUrl, {
      max: 2,
      onQuery: (query, parameters) => sent.push(query, JSON.stringify(parameters)),
    });
    try {
      const { setCookie } = await inTransaction(wire, { tenantId: null, userId: null }, (tx) =>
        signIn(
          tx,
          { email: email(), password, ip: "192.0.2.1", previousSessionId: null },
          { limiter: new AttemptLimiter(), sessions: new SessionStore(tx, null, cookie) },
        ),
      );
      const sessionId = sessionIdFrom(setCookie);
      await inTransaction(wire, { tenantId: council.tenantId, userId: null }, (tx) =>
        new SessionStore(tx, council.tenantId, cookie).validate(sessionId),
      );
      await inTransaction(wire, { tenantId: null, userId: null }, (tx) =>
        new SessionStore(tx, null, cookie).end(sessionId),
      );
      expect(sent.join("\n")).toContain(sha256Hex(sessionId));
      expect(sent.join("\n")).not.toContain(sessionId);
    } finally {
      await wire.close();
    }
  });

  it("makes a new session at every sign-in", async () => {
    const first = await signInAsViewer();
    const second = await signInAsViewer();
    expect(first).not.toBe(second);
    expect((await validate(second))?.user.id).toBe(council.users.viewer);
  });

  it("ends the browser's previous session when it signs in again", async () => {
    const previous = await signInAsViewer();
    const { setCookie } = await platform((tx) =>
      signIn(
        tx,
        { email: email(), password, ip: "192.0.2.1", previousSessionId: previous },
        { limiter: new AttemptLimiter(), sessions: new SessionStore(tx, null, cookie) },
      ),
    );
    expect(await validate(previous)).toBeNull();
    expect((await validate(sessionIdFrom(setCookie)))?.user.id).toBe(council.users.viewer);
  });

  it("brings the member's role in the council with the session, and none elsewhere", async () => {
    const sessionId = await signInAsViewer();
    expect((await validate(sessionId, council.tenantId))?.user.role).toBe("viewer");
    const other = await createTenantFixture(test);
    expect((await validate(sessionId, other.tenantId))?.user.role).toBeNull();
  });

  it("expires after the idle lifetime", async () => {
    const sessionId = await signInAsViewer();
    await test.owner`update sessions set expires_at = now() - interval '1 second' where id_hash = ${sha256Hex(sessionId)}`;
    expect(await validate(sessionId)).toBeNull();
  });

  it("renews a session used in the second half of its idle lifetime", async () => {
    const sessionId = await signInAsViewer();
    const soon = new Date(Date.now() + idleSessionLifetime.milliseconds() / 4);
    await test.owner`update sessions set expires_at = ${soon} where id_hash = ${sha256Hex(sessionId)}`;
    const result = await validate(sessionId);
    expect(result?.setCookie).toContain("steward_session=");
    const [row] = await test.owner`select expires_at from sessions where id_hash = ${sha256Hex(sessionId)}`;
    expect(new Date(row?.expires_at).getTime()).toBeGreaterThan(soon.getTime());
  });

  it("expires after the absolute lifetime even while in use", async () => {
    const sessionId = await signInAsViewer();
    const signedInLongAgo = new Date(Date.now() - absoluteSessionLifetimeMs - 1000);
    await test.owner`update sessions set created_at = ${signedInLongAgo} where id_hash = ${sha256Hex(sessionId)}`;
    expect(await validate(sessionId)).toBeNull();
  });

  it("ends the user's other sessions when the password changes", async () => {
    const other = await signInAsViewer();
    const current = await signInAsViewer();
    const changed = await platform((tx) =>
      changePassword(
        tx,
        { userId: council.users.viewer, currentPassword: password, newPassword: "a brand new passphrase" },
        new SessionStore(tx, null, cookie),
      ),
    );
    expect(await validate(other)).toBeNull();
    expect(await validate(current)).toBeNull();
    expect((await validate(sessionIdFrom(changed.setCookie)))?.user.id).toBe(council.users.viewer);
    const user = await platform((tx) => getUser(tx, council.users.viewer));
    expect(await verifyPassword(user?.passwordHash ?? "", "a brand new passphrase")).toBe(true);
    await test.owner`update users set password_hash = ${await hashPassword(password)} where id = ${council.users.viewer}`;
  });
});
