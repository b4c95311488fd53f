import { newId } from "@steward/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { invitations, memberships } from "./schema/index.ts";
import {
  createTenantFixture,
  createTestDatabase,
  databaseError,
  type TenantFixture,
  type TestDatabase,
} from "./testing/index.ts";

let test: TestDatabase;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
// Two fresh councils per test, each with one invitation: no test depends on rows another made.
beforeEach(async () => {
  a = await createTenantFixture(test);
  b = await createTenantFixture(test);
  for (const [tenant, email] of [
    [a, "a@example.test"],
    [b, "b@example.test"],
  ] as const) {
    await inTransaction(test.database, { tenantId: tenant.tenantId, userId: null }, (tx) =>
      tx.insert(invitations).values({
        tenantId: tenant.tenantId,
        email,
        role: "viewer",
        tokenHash: newId(),
        invitedBy: tenant.users.admin,
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
    );
  }
});

const inTenant = <T>(tenantId: string | null, work: Parameters<typeof inTransaction<T>>[2]) =>
  inTransaction(test.database, { tenantId, userId: null }, work);

const rlsRefusal = { code: "42501", message: expect.stringMatching(/row-level security/) };

describe("row level security", () => {
  it("shows no rows and allows no writes without a tenant", async () => {
    expect(await inTenant(null, (tx) => tx.select().from(invitations))).toEqual([]);
    expect(await inTenant(null, (tx) => tx.select().from(memberships))).toEqual([]);
    expect(
      await databaseError(
        inTenant(null, (tx) =>
          tx.insert(invitations).values({
            tenantId: a.tenantId,
            email: "x@example.test",
            role: "viewer",
            tokenHash: "x",
            invitedBy: a.users.admin,
            expiresAt: new Date(),
          }),
        ),
      ),
    ).toMatchObject(rlsRefusal);
  });

  it("lets tenant A neither read, update, delete nor insert B's rows", async () => {
    const seen = await inTenant(a.tenantId, (tx) => tx.select().from(invitations));
    expect(seen.map((row) => row.email)).toEqual(["a@example.test"]);

    const updated = await inTenant(a.tenantId, (tx) =>
      tx
        .update(invitations)
        .set({ email: "stolen@example.test" })
        .where(sql`${invitations.tenantId} = ${b.tenantId}`)
        .returning(),
    );
    expect(updated).toEqual([]);
    const deleted = await inTenant(a.tenantId, (tx) =>
      tx.delete(invitations).where(sql`${invitations.tenantId} = ${b.tenantId}`).returning(),
    );
    expect(deleted).toEqual([]);
    expect(
      await databaseError(
        inTenant(a.tenantId, (tx) =>
          tx.insert(invitations).values({
            tenantId: b.tenantId,
            email: "planted@example.test",
            role: "admin",
            tokenHash: "planted",
            invitedBy: a.users.admin,
            expiresAt: new Date(),
          }),
        ),
      ),
    ).toMatchObject(rlsRefusal);
    // Moving A's own row into B is a write B's policy must refuse too.
    expect(
      await databaseError(inTenant(a.tenantId, (tx) => tx.update(invitations).set({ tenantId: b.tenantId }))),
    ).toMatchObject(rlsRefusal);

    const bRows = await inTenant(b.tenantId, (tx) => tx.select().from(invitations));
    expect(bRows.map((row) => row.email)).toEqual(["b@example.test"]);
  });

  it("never mixes tenants across 50 concurrent interleaved transactions", async () => {
    const tenants = [a, b];
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const tenant = tenants[index % 2] as TenantFixture;
        return inTenant(tenant.tenantId, async (tx) => {
          await tx.execute(sql`select pg_sleep(${(index % 5) / 500})`);
          const rows = await tx.select({ tenantId: memberships.tenantId }).from(memberships);
          return { expected: tenant.tenantId, seen: [...new Set(rows.map((row) => row.tenantId))] };
        });
      }),
    );
    for (const result of results) expect(result.seen).toEqual([result.expected]);
  });

  it("leaves no tenant or role on the pooled connection after a transaction", async () => {
    await inTenant(a.tenantId, (tx) => tx.select().from(memberships));
    // A plain query on the same pool, outside inTransaction: the setting must be gone.
    const rows = await test.database
      .sql`select nullif(current_setting('app.tenant_id', true), '') as tenant, current_user`;
    for (const row of rows) {
      expect(row.tenant).toBeNull();
      expect(row.current_user).not.toBe("steward_app");
    }
  });

  it("lets a user see their own memberships in every council, and no one else's", async () => {
    const own = await inTransaction(test.database, { tenantId: null, userId: a.users.viewer }, (tx) =>
      tx.select().from(memberships),
    );
    expect(own.map((row) => row.userId)).toEqual([a.users.viewer]);
  });
});
