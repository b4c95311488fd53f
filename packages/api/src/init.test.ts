import { createSupplier, inTransaction } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { conflict } from "@steward/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, permittedProcedure, router, type TenantContext } from "./init.ts";
import { callerFor } from "./testing.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

/** What the council holds, read in a transaction of its own, so only committed rows count. */
async function writtenIn(council: TenantFixture) {
  return inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => {
    const [counts] = await tx.execute<{ suppliers: number; audit: number }>(sql`
      select (select count(*)::int from suppliers where tenant_id = ${council.tenantId}) as suppliers,
             (select count(*)::int from audit_events where tenant_id = ${council.tenantId}) as audit`);
    return counts;
  });
}

/**
 * The ladder itself is under test: a procedure on the real rung writes through real query functions and the
 * audit, registers after-commit work, then fails. Everything it wrote must go with the transaction.
 */
const after = { committed: 0 };
/** A supplier and its audit event, through the real query function and ctx.audit. */
async function writeSupplier(ctx: TenantContext, name: string) {
  const supplier = await createSupplier(ctx.tx, { tenantId: ctx.tenantId, name });
  await ctx.audit({
    action: "supplier.created",
    entityType: "supplier",
    entityId: supplier.id,
    after: supplier,
  });
  return supplier.id;
}
const countCommit = () => {
  after.committed += 1;
};
const ladder = router({
  write: permittedProcedure("suppliers:write").mutation(async ({ ctx }) => {
    const supplierId = await writeSupplier(ctx, "Written Ltd");
    ctx.afterCommit(countCommit);
    return supplierId;
  }),
  writeThenRefuse: permittedProcedure("suppliers:write").mutation(async ({ ctx }) => {
    await writeSupplier(ctx, "Refused Ltd");
    ctx.afterCommit(countCommit);
    throw conflict("Refused after the write.");
  }),
  writeThenCrash: permittedProcedure("suppliers:write").mutation(async ({ ctx }) => {
    await writeSupplier(ctx, "Crashed Ltd");
    throw new Error("an unexpected failure after the write");
  }),
});
const ladderCaller = async (council: TenantFixture) => {
  const { context } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
  return createCallerFactory(ladder)(context);
};

describe("one transaction per request", () => {
  it("commits a procedure that succeeds, with its audit event, then runs its after-commit work", async () => {
    const council = await createTenantFixture(test);
    const committedBefore = after.committed;
    await (await ladderCaller(council)).write();
    expect(await writtenIn(council)).toEqual({ suppliers: 1, audit: 1 });
    expect(after.committed).toBe(committedBefore + 1);
  });

  it("writes nothing, no audit event and no after-commit work, when a procedure is refused after writing", async () => {
    const council = await createTenantFixture(test);
    const committedBefore = after.committed;
    await expect((await ladderCaller(council)).writeThenRefuse()).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await writtenIn(council)).toEqual({ suppliers: 0, audit: 0 });
    expect(after.committed).toBe(committedBefore);
  });

  it("writes nothing when a procedure fails unexpectedly after writing", async () => {
    const council = await createTenantFixture(test);
    await expect((await ladderCaller(council)).writeThenCrash()).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
    });
    expect(await writtenIn(council)).toEqual({ suppliers: 0, audit: 0 });
  });

  it("undoes a real procedure's first write when a later step fails (an approval whose change moved on)", async () => {
    const council = await createTenantFixture(test);
    const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
    const { id: contractId } = await caller.contracts.create({
      reference: "RB-001",
      title: "Rollback probe",
      category: "services",
      currency: "GBP",
      startDate: "2025-04-01",
      endDate: "2028-03-31",
      totalValueMinor: 10_000_000,
    });
    // Requested by the contract manager: the admin approving it may not be its requester (segregation of duties).
    const { caller: manager } = await callerFor(test, {
      userId: council.users.contract_manager,
      tenantId: council.tenantId,
    });
    const { id: changeId } = await manager.changes.request({
      contractId,
      change: {
        type: "value",
        reason: "other",
        description: "More work",
        valueDeltaMinor: 100_000,
        termDeltaDays: 0,
      },
    });
    const before = {
      contract: await caller.contracts.get({ contractId }),
      changes: await caller.changes.list({ contractId }),
      audit: await caller.audit.list({ limit: 50 }),
    };
    // The approval updates the contract first, then finds the change's version stale and is refused.
    await expect(caller.changes.approve({ changeId, version: 99 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect({
      contract: await caller.contracts.get({ contractId }),
      changes: await caller.changes.list({ contractId }),
      audit: await caller.audit.list({ limit: 50 }),
    }).toEqual(before);
    expect(before.contract.contract).toMatchObject({ version: 1, totalValueMinor: 10_000_000 });
  });
});
