import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { recordAudit, verifyAuditChain } from "./queries/audit.ts";
import {
  createTenantFixture,
  createTestDatabase,
  databaseError,
  type TenantFixture,
  type TestDatabase,
} from "./testing/index.ts";

let test: TestDatabase;
let tenant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
// Two fresh councils per test: each test records the events it tampers with.
beforeEach(async () => {
  [tenant, other] = await Promise.all([createTenantFixture(test), createTenantFixture(test)]);
});

const inTenant = <T>(tenantId: string, work: Parameters<typeof inTransaction<T>>[2]) =>
  inTransaction(test.database, { tenantId, userId: null }, work);

async function recordEvents(tenantId: string, count: number) {
  // Concurrent writers: the advisory lock must still give one unbroken chain.
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      inTenant(tenantId, (tx) =>
        recordAudit(tx, {
          tenantId,
          actorUserId: null,
          action: "contract.imported",
          entityType: "contract",
          entityId: String(index),
          after: { reference: `C-${index}`, fileName: null },
          requestId: `req-${index}`,
        }),
      ),
    ),
  );
}

const verify = (tenantId: string) => inTenant(tenantId, (tx) => verifyAuditChain(tx, { tenantId }));

/** Plays an attacker holding the owner's powers: lifts forced RLS and the guard triggers to tamper. */
async function tamper(statement: string) {
  await test.owner.begin(async (sql) => {
    await sql.unsafe("alter table audit_events no force row level security");
    await sql.unsafe("alter table audit_events disable trigger user");
    await sql.unsafe(statement);
    await sql.unsafe("alter table audit_events enable trigger user");
    await sql.unsafe("alter table audit_events force row level security");
  });
}

describe("audit log", () => {
  it("chains concurrent writes per tenant without gaps", async () => {
    await recordEvents(tenant.tenantId, 20);
    await recordEvents(other.tenantId, 5);
    expect(await verify(tenant.tenantId)).toEqual({ ok: true, checked: 20, problems: [] });
    expect(await verify(other.tenantId)).toEqual({ ok: true, checked: 5, problems: [] });
  });

  it("chains each event through the council's index, never by reading the table (imports stay linear)", async () => {
    const [chain] = await test.owner<{ config: string[] }[]>`
      select proconfig as config from pg_proc where proname = 'steward_audit_chain'`;
    expect(chain?.config).toEqual(expect.arrayContaining(["enable_seqscan=off", "enable_bitmapscan=off"]));
  });

  it("refuses UPDATE, DELETE and TRUNCATE to the app role", async () => {
    await recordEvents(tenant.tenantId, 2);
    for (const statement of [
      "update audit_events set action = 'x'",
      "delete from audit_events",
      "truncate audit_events",
    ]) {
      const error = await databaseError(inTenant(tenant.tenantId, (tx) => tx.execute(statement)));
      expect(error.code, statement).toBe("42501");
    }
  });

  it("refuses UPDATE, DELETE and TRUNCATE even to the owner while the triggers stand", async () => {
    await recordEvents(tenant.tenantId, 2);
    for (const statement of [
      "update audit_events set action = 'x'",
      "delete from audit_events",
      "truncate audit_events",
    ]) {
      const attempt = test.owner.begin(async (sql) => {
        await sql.unsafe("alter table audit_events no force row level security");
        await sql.unsafe(statement);
      });
      await expect(attempt, statement).rejects.toThrow(/append-only/);
    }
  });

  it("detects an edited event", async () => {
    await recordEvents(tenant.tenantId, 6);
    await tamper(
      `update audit_events set after = '{"reference": "C-999", "fileName": null}' where tenant_id = '${tenant.tenantId}' and seq = 5`,
    );
    const result = await verify(tenant.tenantId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ seq: 5, problem: "content does not match its hash" }]);
  });

  it("detects a removed event", async () => {
    await recordEvents(other.tenantId, 5);
    await tamper(`delete from audit_events where tenant_id = '${other.tenantId}' and seq = 3`);
    const result = await verify(other.tenantId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { seq: 4, problem: "expected event 3" },
      { seq: 4, problem: "does not link to the event before it" },
    ]);
  });

  it("detects reordered events", async () => {
    await recordEvents(tenant.tenantId, 4);
    const where = `tenant_id = '${tenant.tenantId}'`;
    await tamper(`update audit_events set seq = -1 where ${where} and seq = 2;
      update audit_events set seq = 2 where ${where} and seq = 3;
      update audit_events set seq = 3 where ${where} and seq = -1`);
    const result = await verify(tenant.tenantId);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.seq)).toContain(2);
  });
});
