import { insertEngagement, inTransaction } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addDays } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../contract-facts.ts";
import { callerFor } from "../testing.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

/** A council with one contract with a shared supplier (by its Companies House number) and one of its own. */
async function councilWithSupplier(council: TenantFixture, reference: string) {
  const { caller } = await callerFor(test, {
    userId: council.users.contract_manager,
    tenantId: council.tenantId,
  });
  const shared = await caller.suppliers.create({
    name: `CleanStreets as ${reference} calls it`,
    registrationNumber: "02931784",
    organisationScheme: "GB-COH",
  });
  await caller.contracts.create({
    reference,
    title: "Street cleansing",
    category: "services",
    currency: "GBP",
    supplierId: shared.id,
    startDate: "2025-04-01",
    endDate: addDays(today(), 60),
    totalValueMinor: 50_000_000,
  });
}

describe("the advisor's portfolio (issue 9 §7)", () => {
  it("compares every engaged council side by side and names the suppliers they share, and no other council", async () => {
    const [first, second, notEngaged] = await Promise.all([
      createTenantFixture(test),
      createTenantFixture(test),
      createTenantFixture(test),
    ]);
    const advisorId = first.users.advisor;
    await inTransaction(test.database, { tenantId: second.tenantId, userId: null }, (tx) =>
      insertEngagement(tx, {
        tenantId: second.tenantId,
        advisorUserId: advisorId,
        scopes: ["read_portfolio"],
        startsOn: today(),
        endsOn: addDays(today(), 30),
        grantedBy: second.users.admin,
      }),
    );
    await councilWithSupplier(first, "ONE-1");
    await councilWithSupplier(second, "TWO-1");
    await councilWithSupplier(notEngaged, "THREE-1");

    const { caller } = await callerFor(test, { userId: advisorId });
    const portfolio = await caller.portfolio.overview();
    expect(portfolio.councils.map((council) => council.tenantId).sort()).toEqual(
      [first.tenantId, second.tenantId].sort(),
    );
    for (const council of portfolio.councils) {
      expect(council).toMatchObject({
        contracts: 1,
        rag: { green: 0, amber: 0, red: 0, unset: 1 },
        kpiAttainment: null,
        endingSoon: expect.arrayContaining([{ days: 90, count: 1 }]),
      });
      expect(council.complianceScore).toEqual(expect.any(Number));
      expect(council.overdueObligations).toEqual(expect.any(Number));
    }
    expect(portfolio.suppliers).toHaveLength(1);
    expect(portfolio.suppliers[0]?.councils.map((council) => council.tenantId).sort()).toEqual(
      [first.tenantId, second.tenantId].sort(),
    );
    expect(JSON.stringify(portfolio)).not.toContain(notEngaged.tenantId);
    expect(JSON.stringify(portfolio)).not.toContain("THREE-1");
  });
});
