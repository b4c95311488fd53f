import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { hashPassword } from "@steward/auth";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";

let test: TestDatabase;
let log = "";
let app: ReturnType<typeof createApp>;
let email: string;
const appUrl = "http://localhost:3000";
const password = "correct horse battery staple";
const newPassword = "a brand new passphrase for the test";

const capture = new Writable({
  write(chunk, _encoding, done) {
    log += chunk.toString();
    done();
  },
});

beforeAll(async () => {
  test = await createTestDatabase();
  const council = await createTenantFixture(test, { passwordHash: await hashPassword(password) });
  email = `admin.${council.slug}@example.test`;
  app = createApp({
    database: test.database,
    appUrl,
    logger: createLogger("info", capture),
    mail: { wake: () => {} },
    mailbox: "local",
    isReady: async () => true,
  });
});
afterAll(() => test.close());

const call = (path: string, body: unknown, cookie = "") =>
  app.request(`/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl, cookie },
    body: JSON.stringify(body),
  });

/** Makes every write to `table` fail inside PostgreSQL, as a broken constraint or a full disk would. */
async function breakWrites(table: "users" | "outbox") {
  await test.owner.unsafe(`
    create or replace function refuse_for_the_test() returns trigger language plpgsql
      as $$ begin raise exception 'refused for the test'; end $$;
    create trigger refuse_for_the_test before insert or update on ${table}
      for each row execute function refuse_for_the_test()`);
}

describe("logs", () => {
  it("hold no password, hash, session id, token or e-mail when a request fails with them as parameters", async () => {
    const signedIn = await call("auth.signIn", { email, password });
    expect(signedIn.status).toBe(200);
    const sessionId = /steward_session=([\w-]+)/.exec(signedIn.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect(sessionId).not.toBe("");
    const [user] = await test.owner<{ password_hash: string }[]>`
      select password_hash from users where email = ${email}`;
    const storedHash = user?.password_hash ?? "";

    // The new hash and the user's id go to PostgreSQL as parameters of the failing update.
    await breakWrites("users");
    const changed = await call(
      "auth.changePassword",
      { currentPassword: password, newPassword },
      `steward_session=${sessionId}`,
    );
    expect(changed.status).toBe(500);
    // The reset link's token and the address go to PostgreSQL as parameters of the failing outbox insert.
    await breakWrites("outbox");
    const reset = await call("auth.requestPasswordReset", { email });
    expect(reset.status).toBe(500);

    const lines = log.trim().split("\n");
    const failures = lines.filter((line) => line.includes('"procedure failed"'));
    expect(failures).toHaveLength(2);
    const secrets = {
      password,
      newPassword,
      storedHash,
      argon2Hash: "$argon2id$",
      sessionId,
      sessionIdHash: createHash("sha256").update(sessionId).digest("hex"),
      email,
      resetLink: "reset-password?",
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(5);
      expect(log.includes(secret), `the log holds the ${name}`).toBe(false);
    }
    // The line says what failed: the PostgreSQL code of a raised exception and the statement's text.
    for (const failure of failures) {
      expect(failure).toContain('"code":"P0001"');
      expect(failure).toContain('"statement":');
    }
  });

  it("mask what an error message quotes, since messages quote their input", () => {
    let line = "";
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk, _encoding, done) {
          line += chunk.toString();
          done();
        },
      }),
    );
    let parseError: unknown;
    try {
      JSON.parse("our secret passphrase");
    } catch (error) {
      parseError = error;
    }
    logger.error({ err: parseError }, "request failed");
    expect(line).not.toContain("secret");
    expect(JSON.parse(line).err).toMatchObject({
      type: "SyntaxError",
      message: expect.stringContaining("JSON"),
    });
  });

  it("cut every line, whatever it is given", () => {
    let line = "";
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk, _encoding, done) {
          line += chunk.toString();
          done();
        },
      }),
    );
    const huge = "x".repeat(1_000_000);
    logger.info(
      {
        input: huge,
        list: Array.from({ length: 10_000 }, () => huge),
        deep: { a: { b: { c: { d: huge } } } },
      },
      huge,
    );
    expect(line.length).toBeLessThan(16_000);
    expect(JSON.parse(line).msg).toMatch(/… \(1000000 characters\)$/);
  });
});
