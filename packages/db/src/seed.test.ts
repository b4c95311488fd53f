import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { verifyAuditChain } from "./queries/audit.ts";
import { listDemoSignIns, seedDemo } from "./seed.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

describe("demo seed", () => {
  it("creates three councils with every role, a register each, and runs only once", async () => {
    const signIns = await seedDemo(test.database, "not-a-real-hash");
    expect(signIns?.map((signIn) => signIn.email)).toContain("admin@drakenstein.demo");
    const tenants = await test.owner<
      { id: string; jurisdiction: string }[]
    >`select id, jurisdiction from tenants order by slug`;
    expect(tenants.map((tenant) => tenant.jurisdiction).sort()).toEqual(["GB-ENG", "GB-ENG", "ZA"]);
    for (const tenant of tenants) {
      const result = await inTransaction(
        test.database,
        { tenantId: tenant.id, userId: null },
        async (tx) => ({
          contracts: await tx.execute("select tier, currency from contracts"),
          chain: await verifyAuditChain(tx, { tenantId: tenant.id }),
        }),
      );
      expect(result.contracts.length).toBe(6);
      expect(new Set(result.contracts.map((row) => row.tier))).toEqual(new Set(["high", "medium", "low"]));
      expect(result.chain.ok).toBe(true);
      const states = await inTransaction(
        test.database,
        { tenantId: tenant.id, userId: null },
        async (tx) => ({
          disputed: await tx.execute("select invoice_number from invoices where disputed_on is not null"),
          publicContracts: await tx.execute(
            "select reference from contracts where public_contract order by reference",
          ),
          deviations: await tx.execute(
            "select reference from contracts where deviation_ground is not null and deviation_reported_on is null",
          ),
        }),
      );
      // The demo shows a disputed invoice (PA23 s.68(3)) and, in South Africa, a deviation awaiting report.
      expect(states.disputed.map((row) => row.invoice_number)).toEqual(["INV-1102"]);
      expect(states.publicContracts.map((row) => row.reference)).toEqual(
        tenant.jurisdiction === "ZA" ? [] : ["GRD-2024-03", "WST-2023-01"],
      );
      expect(states.deviations.map((row) => row.reference)).toEqual(
        tenant.jurisdiction === "ZA" ? ["WRK-2026-01"] : [],
      );
    }
    expect(await seedDemo(test.database, "not-a-real-hash")).toBeNull();
    // A restart prints the same sign-ins again.
    expect(await listDemoSignIns(test.database)).toEqual(signIns);
  });
});
