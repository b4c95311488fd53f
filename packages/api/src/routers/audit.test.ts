import { inTransaction, nameAuditEntities } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../testing.ts";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

const as = (council: TenantFixture, role: keyof TenantFixture["users"]) =>
  callerFor(test, { userId: council.users[role], tenantId: council.tenantId }).then(({ caller }) => caller);

describe("audit log", () => {
  it("names what each event is about, resolved on the server", async () => {
    const council = await createTenantFixture(test);
    const admin = await as(council, "admin");
    const { id: supplierId } = await admin.suppliers.create({ name: "Acme Ltd" });
    await admin.contracts.create({
      reference: "WST-2023-01",
      title: "Waste collection",
      category: "services",
      currency: "GBP",
      startDate: "2025-04-01",
      endDate: "2028-03-31",
      supplierId,
    });
    await admin.members.changeRole({ userId: council.users.viewer, role: "finance" });
    await admin.members.invite({ email: "new.officer@example.test", role: "viewer" });

    const events = await admin.audit.list({ limit: 10 });
    expect(
      events.map(({ action, entityType, entityName, actorName }) => ({
        action,
        entityType,
        entityName,
        actorName,
      })),
    ).toEqual([
      {
        action: "invitation.sent",
        entityType: "invitation",
        entityName: "new.officer@example.test",
        actorName: `admin of ${council.slug}`,
      },
      {
        action: "member.role_changed",
        entityType: "membership",
        entityName: `viewer of ${council.slug}`,
        actorName: `admin of ${council.slug}`,
      },
      {
        action: "contract.created",
        entityType: "contract",
        entityName: "WST-2023-01",
        actorName: `admin of ${council.slug}`,
      },
      {
        action: "supplier.created",
        entityType: "supplier",
        entityName: "Acme Ltd",
        actorName: `admin of ${council.slug}`,
      },
    ]);
  });

  it("names nothing of another council, even given its ids", async () => {
    const [council, other] = await Promise.all([createTenantFixture(test), createTenantFixture(test)]);
    const { id: supplierId } = await (await as(other, "admin")).suppliers.create({ name: "Other Ltd" });
    const names = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      nameAuditEntities(tx, {
        tenantId: council.tenantId,
        events: [
          { entityType: "supplier", entityId: supplierId },
          { entityType: "membership", entityId: other.users.admin },
        ],
      }),
    );
    expect([...names]).toEqual([]);
  });
});
