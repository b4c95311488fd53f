import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { listPlatformAuditEvents, recordPlatformAudit } from "./queries/audit.ts";
import {
  createOperator,
  createTenantFixture,
  createTestDatabase,
  databaseError,
  type TestDatabase,
} from "./testing/index.ts";

let test: TestDatabase;
let operator: string;

beforeAll(async () => {
  test = await createTestDatabase();
  operator = await createOperator(test);
});
afterAll(() => test.close());

const platform = { tenantId: null, userId: null };

const recordK = (k: number) =>
  inTransaction(test.database, platform, (tx) =>
    recordPlatformAudit(tx, {
      action: "benchmarks.k_changed",
      entityType: "benchmark_settings",
      entityId: "platform",
      after: { k, version: k },
      actorUserId: operator,
      requestId: `req-${k}`,
    }),
  );

describe("platform audit log", () => {
  it("chains concurrent writes into one unbroken chain, listed newest first by page", async () => {
    await Promise.all([3, 4, 5, 6, 7].map(recordK));
    const chain = await test.owner<{ seq: number; prev: string; hash: string; recomputed: string }[]>`
      select seq::int as seq, prev_hash as prev, row_hash as hash, steward_platform_audit_row_hash(e) as recomputed
      from platform_audit_events e order by seq`;
    expect(chain.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    chain.forEach((row, index) => {
      expect(row.recomputed).toBe(row.hash);
      expect(row.prev).toBe(index === 0 ? "" : chain[index - 1]?.hash);
    });
    const page = await inTransaction(test.database, platform, (tx) =>
      listPlatformAuditEvents(tx, { limit: 2, offset: 2 }),
    );
    expect(page.total).toBe(5);
    expect(page.rows.map((row) => row.seq)).toEqual([3, 2]);
    expect(page.rows[0]?.actorName).not.toBeNull();
  });

  it("is hidden from every council's transaction: it reads none and writes none", async () => {
    await recordK(8);
    const council = await createTenantFixture(test);
    const inCouncil = { tenantId: council.tenantId, userId: null };
    const seen = await inTransaction(test.database, inCouncil, (tx) =>
      listPlatformAuditEvents(tx, { limit: 50, offset: 0 }),
    );
    expect(seen).toEqual({ rows: [], total: 0 });
    const write = await databaseError(
      inTransaction(test.database, inCouncil, (tx) =>
        recordPlatformAudit(tx, {
          action: "benchmarks.k_changed",
          entityType: "benchmark_settings",
          entityId: "platform",
          after: { k: 9, version: 9 },
          actorUserId: operator,
          requestId: null,
        }),
      ),
    );
    expect(write.code).toBe("42501");
  });

  it("refuses UPDATE, DELETE and TRUNCATE to the app role, and to the owner while the triggers stand", async () => {
    await recordK(10);
    for (const statement of [
      "update platform_audit_events set action = 'x'",
      "delete from platform_audit_events",
      "truncate platform_audit_events",
    ]) {
      const error = await databaseError(
        inTransaction(test.database, platform, (tx) => tx.execute(statement)),
      );
      expect(error.code, statement).toBe("42501");
      const asOwner = test.owner.begin(async (sql) => {
        await sql.unsafe("alter table platform_audit_events no force row level security");
        await sql.unsafe(statement);
      });
      await expect(asOwner, statement).rejects.toThrow(/append-only/);
    }
  });
});
