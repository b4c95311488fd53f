import { inTransaction } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal } from "./testing.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

async function freshCouncil() {
  const council = await createTenantFixture(test);
  const manager = () =>
    callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId });
  const inCouncil = (statement: string) =>
    inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) => tx.execute(statement));
  const suppliers = async () => (await inCouncil("select name from suppliers")).map((row) => row.name);
  const supplierEvents = async () =>
    (await inCouncil("select id from audit_events where action = 'supplier.created'")).length;
  return { manager, suppliers, supplierEvents };
}

describe("idempotency keys", () => {
  it("replays the first result to five concurrent calls with one key, and creates once", async () => {
    const { manager, suppliers, supplierEvents } = await freshCouncil();
    const callers = await Promise.all(Array.from({ length: 5 }, manager));
    const results = await Promise.all(
      callers.map(({ caller }) =>
        caller.suppliers.create({ name: "Acme Grounds Ltd", idempotencyKey: "supplier-form-0001" }),
      ),
    );
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await suppliers()).toEqual(["Acme Grounds Ltd"]);
    expect(await supplierEvents()).toBe(1);
  });

  it("refuses a used key with another body (422) instead of replaying the first result", async () => {
    const { manager, suppliers } = await freshCouncil();
    const { caller } = await manager();
    await caller.suppliers.create({ name: "Acme Grounds Ltd", idempotencyKey: "supplier-form-0002" });
    expect(
      (await refusal(caller.suppliers.create({ name: "Other Ltd", idempotencyKey: "supplier-form-0002" })))
        .code,
    ).toBe("UNPROCESSABLE_CONTENT");
    expect(await suppliers()).toEqual(["Acme Grounds Ltd"]);
    // The same body again is a retry: replayed, not refused.
    await caller.suppliers.create({ name: "Acme Grounds Ltd", idempotencyKey: "supplier-form-0002" });
    expect(await suppliers()).toEqual(["Acme Grounds Ltd"]);
  });
});
