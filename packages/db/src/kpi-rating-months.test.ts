import { kpiRatings, newId } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { listKpiFacts } from "./queries/kpis.ts";
import {
  createTenantFixture,
  createTestDatabase,
  databaseError,
  type TenantFixture,
  type TestDatabase,
} from "./testing/index.ts";

/**
 * kpi_rating_months (migrations 0040–0041): the triggers on kpi_measurements keep each contract's count of
 * measurements by period and rating equal to counting the measurements themselves, whatever writes them.
 */
let test: TestDatabase;
let council: TenantFixture;
let contractId: string;
const kpiIds: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase();
  council = await createTenantFixture(test);
  contractId = newId();
  await inCouncil(async (sql) => {
    await sql`insert into contracts (tenant_id, id, reference, title, category, currency, tier, assessed_tier,
        original_total_value_minor)
      values (${council.tenantId}, ${contractId}, 'KRM-1', 'Counted', 'services', 'GBP', 'high', 'high', 100)`;
    for (let index = 0; index < 12; index += 1) {
      const kpiId = newId();
      kpiIds.push(kpiId);
      await sql`insert into kpis (tenant_id, id, contract_id, name, definition, unit, direction, target)
        values (${council.tenantId}, ${kpiId}, ${contractId}, ${`KPI ${index}`}, 'Counted', 'count',
          'higher_is_better', 1)`;
    }
  });
});
afterAll(() => test.close());

type CouncilSql = Parameters<Parameters<typeof inTransaction>[2]>[0]["$client"];

function inCouncil<T>(work: (sql: CouncilSql) => Promise<T>, tenantId = council.tenantId) {
  return inTransaction(test.database, { tenantId, userId: null }, (tx) => work(tx.$client));
}

function measure(sql: CouncilSql, rows: { kpi: number; period: string; rating: string }[]) {
  return sql`insert into kpi_measurements ${sql(
    rows.map(({ kpi, period, rating }) => ({
      tenant_id: council.tenantId,
      id: newId(),
      contract_id: contractId,
      kpi_id: kpiIds[kpi],
      period_start: period,
      value: 1,
      rating,
      rating_reason: "Counted.",
      entered_by: council.users.contract_manager,
    })),
  )}`;
}

/** The kept counts and a recount of the measurements, a row a period with each rating's count. */
async function keptAndRecounted() {
  return inCouncil(async (sql) => {
    const kept =
      await sql`select period_start::text as period, good, approaching_target, requires_improvement,
        inadequate, other
      from kpi_rating_months where contract_id = ${contractId}
        and good + approaching_target + requires_improvement + inadequate + other > 0
      order by period_start`;
    const recounted = await sql`select period_start::text as period,
        count(*) filter (where rating = 'good')::int as good,
        count(*) filter (where rating = 'approaching_target')::int as approaching_target,
        count(*) filter (where rating = 'requires_improvement')::int as requires_improvement,
        count(*) filter (where rating = 'inadequate')::int as inadequate,
        count(*) filter (where rating = 'other')::int as other
      from kpi_measurements where contract_id = ${contractId} group by period_start order by period_start`;
    return { kept: [...kept], recounted: [...recounted] };
  });
}

describe("kpi_rating_months", () => {
  it("has one count column for each rating of the domain's kpiRatings", async () => {
    const columns = await test.owner<
      { column_name: string }[]
    >`select column_name from information_schema.columns
      where table_name = 'kpi_rating_months' and column_name not in ('tenant_id', 'contract_id', 'period_start')`;
    expect(columns.map((column) => column.column_name).sort()).toEqual([...kpiRatings].sort());
  });

  it("counts a statement's measurements of every rating, added to the months already counted", async () => {
    await inCouncil((sql) =>
      measure(sql, [
        ...kpiRatings.map((rating, kpi) => ({ kpi, period: "2026-01-01", rating })),
        { kpi: 0, period: "2026-02-01", rating: "good" },
      ]),
    );
    await inCouncil((sql) => measure(sql, [{ kpi: 1, period: "2026-02-01", rating: "inadequate" }]));
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
    expect(kept[0]).toMatchObject({ period: "2026-01-01", good: 1, inadequate: 1, other: 1 });
    expect(kept[1]).toMatchObject({ period: "2026-02-01", good: 1, inadequate: 1, approaching_target: 0 });
  });

  it("moves a corrected rating, and a measurement moved to another period, in the same statement", async () => {
    await inCouncil(async (sql) => {
      await sql`update kpi_measurements set rating = 'good'
        where contract_id = ${contractId} and period_start = '2026-02-01' and rating = 'inadequate'`;
      await sql`update kpi_measurements set period_start = '2026-03-01'
        where contract_id = ${contractId} and period_start = '2026-01-01' and rating = 'other'`;
    });
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
    expect(kept.find((row) => row.period === "2026-02-01")).toMatchObject({ good: 2, inadequate: 0 });
    expect(kept.find((row) => row.period === "2026-01-01")).toMatchObject({ other: 0 });
    expect(kept.find((row) => row.period === "2026-03-01")).toMatchObject({ other: 1 });
  });

  it("takes away deleted measurements, and refuses a delete by a writer that cannot see the counts", async () => {
    const deleteMarch = (liftedOn: string[]) =>
      test.owner.begin(async (sql) => {
        for (const table of liftedOn) await sql.unsafe(`alter table ${table} no force row level security`);
        await sql`delete from kpi_measurements where contract_id = ${contractId} and period_start = '2026-03-01'`;
        for (const table of liftedOn) await sql.unsafe(`alter table ${table} force row level security`);
      });
    // The app role may not delete measurements. The owner may, with FORCE lifted as a migration would; under
    // FORCE on the counts it sees none of them, and the delete is refused rather than leaving them behind.
    const refused = await databaseError(deleteMarch(["kpi_measurements"]));
    expect(refused.code).toBe("42501");
    expect((await keptAndRecounted()).kept.map((row) => row.period)).toContain("2026-03-01");
    await deleteMarch(["kpi_measurements", "kpi_rating_months"]);
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
    expect(kept.map((row) => row.period)).not.toContain("2026-03-01");
  });

  it("counts every measurement when many transactions write the same month at once", async () => {
    await Promise.all(
      kpiIds.map((_, kpi) =>
        inCouncil((sql) => measure(sql, [{ kpi, period: "2026-04-01", rating: "good" }])),
      ),
    );
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
    expect(kept.find((row) => row.period === "2026-04-01")).toMatchObject({ good: kpiIds.length });
  });

  it("is the council's own: another council's transaction reads none of it", async () => {
    const other = await createTenantFixture(test);
    const seen = await inCouncil(
      (sql) => sql`select count(*)::int as n from kpi_rating_months`,
      other.tenantId,
    );
    expect(seen[0]?.n).toBe(0);
    const own = await inCouncil((sql) => sql`select count(*)::int as n from kpi_rating_months`);
    expect(own[0]?.n).toBeGreaterThan(0);
  });

  it("gives the obligations engine a contract's latest measured month and last month's, an archived KPI's too", async () => {
    const facts = () =>
      inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        listKpiFacts(tx, { tenantId: council.tenantId, lastMonth: "2026-04-01", today: "2026-04-15" }),
      );
    // Months with measurements: January, February, April (March's moved away and was deleted above).
    expect(await facts()).toEqual([
      { contractId, count: kpiIds.length, measuredPeriods: ["2026-04-01", "2026-04-01"] },
    ]);
    await inCouncil(async (sql) => {
      await sql`update kpi_measurements set period_start = '2026-05-01' where contract_id = ${contractId}
        and period_start = '2026-04-01'`;
      // February's two measurements are of KPIs 0 and 1: both archived, February is still measured.
      await sql`update kpis set archived_at = now() where id in ${sql(kpiIds.slice(0, 2))}`;
    });
    // April is now at nought (not measured) and May is after today.
    expect(await facts()).toEqual([
      { contractId, count: kpiIds.length - 2, measuredPeriods: ["2026-02-01"] },
    ]);
  });
});
