import { newId } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../database.ts";
import { createTestDatabase, type TestDatabase } from "../testing/index.ts";
import { deleteMailOlderThan } from "./outbox.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

describe("the outbox", () => {
  it("deletes mail older than the cut-off, sent or not, as the app role, and keeps newer mail", async () => {
    const day = 24 * 60 * 60 * 1000;
    const rows = [
      { subject: "old, sent", age: 8 * day, sent: true },
      { subject: "old, never sent", age: 8 * day, sent: false },
      { subject: "recent, sent", age: 6 * day, sent: true },
      { subject: "recent, unsent", age: 0, sent: false },
    ];
    for (const row of rows) {
      const createdAt = new Date(Date.now() - row.age);
      await test.owner`insert into outbox (id, "to", subject, body, sent_at, created_at)
        values (${newId()}, 'someone@example.test', ${row.subject}, 'a link', ${row.sent ? createdAt : null}, ${createdAt})`;
    }
    const deleted = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
      deleteMailOlderThan(tx, { before: new Date(Date.now() - 7 * day) }),
    );
    expect(deleted).toBe(2);
    const left = await test.owner<{ subject: string }[]>`select subject from outbox order by subject`;
    expect(left.map((row) => row.subject)).toEqual(["recent, sent", "recent, unsent"]);
  });
});
