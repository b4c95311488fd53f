import { connectDatabase, deleteExpiredAttemptCounters, inTransaction } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./accounts.ts";
import { hashPassword, sha256Hex, verifyPassword } from "./crypto.ts";
import { AttemptLimiter, passwordResetLimiter } from "./rate-limit.ts";
import { SessionStore } from "./sessions.ts";

let test: TestDatabase;
const password = "correct horse battery staple";
const cookie = { secure: false };
let passwordHash: string;

beforeAll(async () => {
  test = await createTestDatabase();
  passwordHash = await hashPassword(password);
});
afterAll(() => test.close());

const limits = (overrides: Partial<AttemptLimiter["limits"]>) =>
  new AttemptLimiter({ ...new AttemptLimiter().limits, ...overrides });

/** What the sign-in procedure does: count the attempt on its own, then check the password in a transaction. */
async function attemptSignIn(
  limiter: AttemptLimiter,
  attempt: { email: string; password: string; ip: string },
  verify: typeof verifyPassword = verifyPassword,
  database = test.database,
) {
  if (!(await limiter.reserve(database, { ip: attempt.ip, account: attempt.email }))) return "refused";
  return inTransaction(database, { tenantId: null, userId: null }, (tx) =>
    signIn(
      tx,
      { ...attempt, previousSessionId: null },
      { limiter, sessions: new SessionStore(tx, null, cookie), verify },
    ),
  ).then(
    () => "signed in",
    (error: unknown) => (error instanceof Error && "kind" in error ? String(error.kind) : "error"),
  );
}

function countingVerify() {
  const counter = { checks: 0 };
  const verify: typeof verifyPassword = (hash, attempt) => {
    counter.checks += 1;
    return verifyPassword(hash, attempt);
  };
  return { counter, verify };
}

describe("sign-in limiter", () => {
  it("checks exactly 10 passwords out of 40 wrong ones sent at the same moment", async () => {
    const council = await createTenantFixture(test, { passwordHash });
    const email = `viewer.${council.slug}@example.test`;
    const { counter, verify } = countingVerify();
    const limiter = new AttemptLimiter();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        attemptSignIn(limiter, { email, password: "wrong password", ip: `198.51.100.${index}` }, verify),
      ),
    );
    expect(counter.checks).toBe(10);
    expect(outcomes.filter((outcome) => outcome === "unauthorised")).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(30);
    // The right password is refused too while the account is blocked, and costs no check.
    expect(await attemptSignIn(limiter, { email, password, ip: "198.51.100.200" }, verify)).toBe("refused");
    expect(counter.checks).toBe(10);
  });

  it("shares one limit between two API processes", async () => {
    const council = await createTenantFixture(test, { passwordHash });
    const email = `viewer.${council.slug}@example.test`;
    const other = connectDatabase(test.ownerUrl, { max: 5 });
    try {
      const { counter, verify } = countingVerify();
      const limiter = new AttemptLimiter();
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          attemptSignIn(
            limiter,
            { email, password: "wrong password", ip: `203.0.113.${index}` },
            verify,
            index % 2 === 0 ? test.database : other,
          ),
        ),
      );
      expect(counter.checks).toBe(10);
      expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(20);
    } finally {
      await other.close();
    }
  });

  it("counts right and never deadlocks when right and wrong passwords for one account arrive together", async () => {
    const council = await createTenantFixture(test, { passwordHash });
    const email = `sro.${council.slug}@example.test`;
    const limiter = limits({ perAccount: 1000, perIp: 1000 });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        attemptSignIn(limiter, { email, password: index % 2 ? password : "wrong", ip: "192.0.2.150" }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "signed in")).toHaveLength(15);
    expect(outcomes.filter((outcome) => outcome === "unauthorised")).toHaveLength(15);
    const [address] = await test.owner<{ count: number }[]>`
      select count from attempt_counters where key_hash = ${sha256Hex("sign-in:ip:192.0.2.150")}`;
    expect(address?.count).toBe(15);
  });

  it("limits one address across many accounts", async () => {
    const limiter = limits({ perAccount: 10, perIp: 3 });
    for (const account of ["a@x.test", "b@x.test", "c@x.test"])
      expect(await limiter.reserve(test.database, { ip: "192.0.2.219", account })).toBe(true);
    expect(await limiter.reserve(test.database, { ip: "192.0.2.219", account: "d@x.test" })).toBe(false);
    expect(await limiter.reserve(test.database, { ip: "192.0.2.220", account: "d@x.test" })).toBe(true);
  });

  it("forgets the account's failures after a successful sign-in, and gives the address its attempt back", async () => {
    const council = await createTenantFixture(test, { passwordHash });
    const email = `finance.${council.slug}@example.test`;
    const limiter = limits({ perAccount: 2, perIp: 3 });
    const ip = "192.0.2.77";
    expect(await attemptSignIn(limiter, { email, password: "wrong", ip })).toBe("unauthorised");
    expect(await attemptSignIn(limiter, { email, password, ip })).toBe("signed in");
    expect(await attemptSignIn(limiter, { email, password: "wrong", ip })).toBe("unauthorised");
    expect(await attemptSignIn(limiter, { email, password: "wrong", ip })).toBe("unauthorised");
    // Three failures from the address now; the success did not count.
    expect(await attemptSignIn(limiter, { email, password, ip })).toBe("refused");
  });

  it("starts a new window once the last has passed, and a sweep removes expired counters", async () => {
    const limiter = limits({ purpose: "window-test", perAccount: 1, perIp: 100 });
    const attempt = { ip: "203.0.113.1", account: "window@x.test" };
    const keys = [sha256Hex("window-test:account:window@x.test"), sha256Hex("window-test:ip:203.0.113.1")];
    const expire = () =>
      test.owner`update attempt_counters set window_ends_at = now() - interval '1 second' where key_hash in ${test.owner(keys)}`;
    expect(await limiter.reserve(test.database, attempt)).toBe(true);
    expect(await limiter.reserve(test.database, attempt)).toBe(false);
    await expire();
    expect(await limiter.reserve(test.database, attempt)).toBe(true);
    await expire();
    await inTransaction(test.database, { tenantId: null, userId: null }, deleteExpiredAttemptCounters);
    expect(await test.owner`select * from attempt_counters where key_hash in ${test.owner(keys)}`).toEqual(
      [],
    );
  });

  it("stores no address or email, only digests", async () => {
    await passwordResetLimiter().reserve(test.database, { ip: "192.0.2.99", account: "someone@x.test" });
    const dump = JSON.stringify(await test.owner`select * from attempt_counters`);
    expect(dump).not.toContain("192.0.2.99");
    expect(dump).not.toContain("someone@x.test");
  });
});
