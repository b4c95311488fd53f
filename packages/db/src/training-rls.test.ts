import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { courses } from "./schema/index.ts";
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
  a = await createTenantFixture(test);
  b = await createTenantFixture(test);
});
afterAll(() => test.close());

const inTenant = <T>(tenantId: string | null, work: Parameters<typeof inTransaction<T>>[2]) =>
  inTransaction(test.database, { tenantId, userId: null }, work);
const rlsRefusal = { code: "42501", message: expect.stringMatching(/row-level security/) };

/** Course content (migration training_rls): a council sees its own courses and the platform's, writes only its own. */
describe("course content row level security", () => {
  it("lets only a transaction with no council write a platform course, and every council read it", async () => {
    const [platform] = await inTenant(null, (tx) =>
      tx.insert(courses).values({ slug: "platform-course", ownerTenantId: null }).returning(),
    );
    expect(
      await databaseError(inTenant(a.tenantId, (tx) => tx.insert(courses).values({ slug: "x" }))),
    ).toEqual(rlsRefusal);
    const [own] = await inTenant(a.tenantId, (tx) =>
      tx.insert(courses).values({ slug: "a-course", ownerTenantId: a.tenantId }).returning(),
    );
    expect(
      await databaseError(
        inTenant(a.tenantId, (tx) =>
          tx.insert(courses).values({ slug: "b-course", ownerTenantId: b.tenantId }),
        ),
      ),
    ).toEqual(rlsRefusal);
    expect(
      await databaseError(
        inTenant(null, (tx) => tx.insert(courses).values({ slug: "no-council", ownerTenantId: a.tenantId })),
      ),
    ).toEqual(rlsRefusal);

    const seen = async (tenantId: string | null) =>
      (await inTenant(tenantId, (tx) => tx.select({ id: courses.id }).from(courses)))
        .map((row) => row.id)
        .sort();
    expect(await seen(a.tenantId)).toEqual([platform?.id, own?.id].sort());
    expect(await seen(b.tenantId)).toEqual([platform?.id]);
    expect(await seen(null)).toEqual([platform?.id]);
    // Council B cannot change council A's course, nor A the platform's: an update reaches only a council's own.
    expect(await inTenant(b.tenantId, (tx) => tx.update(courses).set({ slug: "taken" }).returning())).toEqual(
      [],
    );
    const changed = await inTenant(a.tenantId, (tx) =>
      tx.update(courses).set({ slug: "renamed" }).returning({ id: courses.id }),
    );
    expect(changed).toEqual([{ id: own?.id }]);
    expect(await inTenant(a.tenantId, (tx) => tx.delete(courses).returning({ id: courses.id }))).toEqual([
      { id: own?.id },
    ]);
  });
});
