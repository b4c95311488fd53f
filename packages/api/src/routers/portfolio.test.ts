import { appRole, insertEngagement, inTransaction } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addDays, firstOfMonth } from "@steward/domain";
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

  it("counts every measurement in the council's attainment and only linked suppliers' in the named figures", async () => {
    const council = await createTenantFixture(test);
    await councilWithSupplier(council, "LINKED-1");
    const { caller } = await callerFor(test, {
      userId: council.users.contract_manager,
      tenantId: council.tenantId,
    });
    const own = await caller.suppliers.create({ name: "Our Own Works Ltd" });
    await caller.contracts.create({
      reference: "OWN-1",
      title: "Grounds",
      category: "services",
      currency: "GBP",
      supplierId: own.id,
      startDate: "2025-04-01",
      endDate: addDays(today(), 400),
    });
    await caller.contracts.create({
      reference: "NONE-1",
      title: "Catering",
      category: "services",
      currency: "GBP",
      startDate: "2025-04-01",
      endDate: addDays(today(), 400),
    });
    const lastMonth = firstOfMonth(today(), -1);
    const thisMonth = firstOfMonth(today());
    // Linked: two Good and one Inadequate last month or before; one Good this month, after the window.
    // Unlinked and no supplier: one Good and one Requires improvement.
    const measurements = [
      ["LINKED-1", lastMonth, "good"],
      ["LINKED-1", firstOfMonth(today(), -2), "good"],
      ["LINKED-1", firstOfMonth(today(), -3), "inadequate"],
      ["LINKED-1", thisMonth, "good"],
      ["OWN-1", lastMonth, "good"],
      ["NONE-1", lastMonth, "requires_improvement"],
    ];
    await test.owner.begin(async (sql) => {
      await sql.unsafe(`set local role ${appRole}; set local app.tenant_id = '${council.tenantId}'`);
      await sql`
        insert into kpis (tenant_id, id, contract_id, name, definition, unit, direction, target, tolerance,
          frequency, data_source, position)
        select tenant_id, gen_random_uuid(), id, 'Measure', 'Measured monthly', 'count', 'higher_is_better', 100,
          5, 'monthly', 'supplier', 0
        from contracts where tenant_id = ${council.tenantId}`;
      for (const [reference, periodStart, rating] of measurements) {
        await sql`
          insert into kpi_measurements (tenant_id, id, contract_id, kpi_id, period_start, value, rating,
            rating_reason, entered_by)
          select k.tenant_id, gen_random_uuid(), c.id, k.id, ${periodStart ?? ""}::date, 1, ${rating ?? ""},
            'Rated by the test.', ${council.users.contract_manager}::uuid
          from contracts c join kpis k on k.tenant_id = c.tenant_id and k.contract_id = c.id
          where c.tenant_id = ${council.tenantId} and c.reference = ${reference ?? ""}`;
      }
    });

    const advisor = (await callerFor(test, { userId: council.users.advisor })).caller;
    const portfolio = await advisor.portfolio.overview();
    // The council: 3 Good of 5 rated in the window (every contract's); the organisation: 2 of 3.
    expect(portfolio.councils).toMatchObject([{ tenantId: council.tenantId, kpiAttainment: 60 }]);
    expect(portfolio.suppliers).toMatchObject([
      { attainment: 67, councils: [{ tenantId: council.tenantId, contracts: 1, attainment: 67 }] },
    ]);
  });
});
