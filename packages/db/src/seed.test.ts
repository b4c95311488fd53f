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
  // About 4 s alone; the full suite runs every package at once on a shared machine, so it is given room.
  it("creates fourteen councils (the first three with every role), a register each, and runs only once", {
    timeout: 90_000,
  }, async () => {
    const signIns = await seedDemo(test.database, "not-a-real-hash");
    expect(signIns?.map((signIn) => signIn.email)).toContain("admin@drakenstein.demo");
    const tenants = await test.owner<
      { id: string; jurisdiction: string }[]
    >`select id, jurisdiction from tenants order by slug`;
    // Issue 9 §8: enough councils, English and South African, for benchmarks with k = 5.
    expect(tenants.filter((tenant) => tenant.jurisdiction === "GB-ENG")).toHaveLength(8);
    expect(tenants.filter((tenant) => tenant.jurisdiction === "ZA")).toHaveLength(6);
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
    // The performance story (issue 8): the first council's waste contract slips in the East rounds.
    const [first] = await test.owner<{ id: string }[]>`select id from tenants where slug = 'oadby-wigston'`;
    const story = await inTransaction(
      test.database,
      { tenantId: first?.id ?? "", userId: null },
      async (tx) => ({
        measurements: await tx.execute("select count(*)::int as count from kpi_measurements"),
        months: await tx.execute(`
        select count(distinct m.period_start)::int as count from kpi_measurements m
        join contracts c on c.tenant_id = m.tenant_id and c.id = m.contract_id where c.reference = 'WST-2023-01'`),
        rag: await tx.execute(`
        select r.status from rag_entries r join contracts c on c.tenant_id = r.tenant_id and c.id = r.contract_id
        where c.reference = 'WST-2023-01' order by r.month`),
        lastEast: await tx.execute(`
        select p.label, p.value from kpi_measurement_parts p
        join kpi_measurements m on m.tenant_id = p.tenant_id and m.id = p.measurement_id
        where m.period_start = (select max(period_start) from kpi_measurements where numerator is not null)
          and m.kpi_id = (select id from kpis where name = 'Missed collections per 100,000')
        order by p.value desc`),
        partsAddUp: await tx.execute(`
        select count(*)::int as count from kpi_measurements m
        join (select tenant_id, measurement_id, sum(numerator) as n, sum(denominator) as d
              from kpi_measurement_parts group by 1, 2) p on p.tenant_id = m.tenant_id and p.measurement_id = m.id
        where p.n <> m.numerator or p.d <> m.denominator`),
        openPlans: await tx.execute("select trigger from improvement_plans where status = 'open'"),
      }),
    );
    expect(Number(story.measurements[0]?.count)).toBeGreaterThan(200);
    expect(story.months[0]?.count).toBe(24);
    const statuses = story.rag.map((row) => row.status);
    expect(statuses.slice(0, 12).every((status) => status === "green")).toBe(true);
    expect(statuses.slice(-2)).toEqual(["red", "red"]);
    expect(statuses).toContain("amber");
    // 002's Vendor E: the disaggregation shows which part is failing.
    expect(story.lastEast[0]?.label).toBe("East");
    expect(story.partsAddUp[0]?.count).toBe(0);
    expect(story.openPlans.map((row) => row.trigger)).toEqual(["red_month"]);
    // Issue 11 "Demo data": one council on Essentials, one past due in its grace period, the rest Partnership.
    const licences: Record<string, string> = {};
    for (const tenant of await test.owner<{ id: string; slug: string }[]>`select id, slug from tenants`) {
      const [row] = await inTransaction(test.database, { tenantId: tenant.id, userId: null }, (tx) =>
        tx.execute<{ plan: string; state: string }>("select plan, state from licences"),
      );
      licences[tenant.slug] = `${row?.plan} ${row?.state}`;
    }
    expect(licences).toMatchObject({
      "oadby-wigston": "partnership active",
      harborough: "essentials active",
      drakenstein: "partnership past_due",
    });
    // Issue 9 §8: most councils in the pool, real distributions, a suppressed cell with its reason, an early warning.
    const [pool] = await test.owner<{ count: number }[]>`
      select count(*)::int as count from benchmark_snapshots
      where period_start = (select max(period_start) from benchmark_snapshots) and pool_size = 12`;
    expect(pool?.count).toBe(1);
    const cells = await test.owner<{ published: number; too_few: number; warnings: number }[]>`
      select count(*) filter (where c.suppression_reason is null)::int as published,
        count(*) filter (where c.suppression_reason = 'too_few_councils')::int as too_few,
        (select count(*)::int from benchmark_warnings w where w.snapshot_id = s.id) as warnings
      from benchmark_snapshots s join benchmark_cells c on c.snapshot_id = s.id
      where s.period_start = (select max(period_start) from benchmark_snapshots) group by s.id`;
    expect(cells[0]?.published).toBeGreaterThan(10);
    expect(cells[0]?.too_few).toBeGreaterThan(0);
    expect(cells[0]?.warnings).toBe(1);
    const [warned] = await test.owner<{ name: string }[]>`
      select o.name from benchmark_warnings w join organisations o on o.id = w.organisation_id
      join benchmark_snapshots s on s.id = w.snapshot_id order by s.period_start desc limit 1`;
    expect(warned?.name).toBe("CLEANSTREETS SERVICES PLC");
    expect(await seedDemo(test.database, "not-a-real-hash")).toBeNull();
    // A restart prints the same sign-ins again.
    expect(await listDemoSignIns(test.database)).toEqual(signIns);
  });
});
