import { createCaller } from "@steward/api";
import { addMembership, appRole, inTransaction, saveLicence } from "@steward/db";
import { firstOfMonth, newId } from "@steward/domain";
import { printBundleSizes, timeFirstLoad } from "./browser-load.ts";
import { type BenchDatabase, sessionCookie } from "./database.ts";
import { context, timeEach } from "./register.ts";

const samples = 300;

/** Issue 8's figures: a council with 2,000 contracts × 5 KPIs × 36 months (360,000 measurements) and parts. */
export const performanceSize = {
  slug: "bench-performance",
  contracts: 2_000,
  kpis: 5,
  months: 36,
  regions: 4,
};
/** The return: 5 rates with 4 regions (5 rows a month each) and 15 counts, 40 rows a month for 50 months. */
const uploadKpis = 20;
const uploadRates = 5;
const uploadMonths = 50;

export interface PerformanceCouncil {
  tenantId: string;
  slug: string;
  userId: string;
  cookie: string;
  contractIds: string[];
  /** A contract with 20 KPIs and no measurements, for the supplier return. */
  uploadContractId: string;
  /** The month before this one: the last with measurements and RAG entries. */
  lastMonth: string;
}

/**
 * The council, written by PostgreSQL itself (generate_series), not through the API. Each contract has five KPIs
 * (a rate with four regions as parts, a rate, a count, days and a score), 36 months of each up to last month, with
 * ratings by a simple rule on the value (not the rating engine); a RAG for each month, every seventh contract
 * Amber and every nineteenth Red in the last months, with commentary; two open actions a contract, a third of
 * them overdue; a risk a contract; an open improvement plan for each Red contract.
 */
export async function seedPerformanceCouncil(
  bench: BenchDatabase,
  today: string,
): Promise<PerformanceCouncil> {
  const size = performanceSize;
  const tenantId = newId();
  const userId = newId();
  const lastMonth = firstOfMonth(today, -1);
  await bench.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale)
    values (${tenantId}, ${size.slug}, 'Bench Performance Council', 'GB-ENG', 'GBP', 'en-GB')`;
  await bench.owner`insert into users (id, email, name) values (${userId}, ${`manager@${size.slug}.test`}, 'Bench Manager')`;
  await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
    await addMembership(tx, { tenantId, userId, role: "admin" });
    await saveLicence(tx, { tenantId, values: { plan: "partnership", seats: 50, startsOn: "2025-04-01" } });
  });
  const started = performance.now();
  let uploadContractId = "";
  const contractIds = await bench.owner.begin(async (sql) => {
    await sql.unsafe(`set local role ${appRole}; set local app.tenant_id = '${tenantId}'`);
    await sql`
      insert into suppliers (tenant_id, id, name, registration_number)
      select ${tenantId}, gen_random_uuid(), 'Supplier ' || lpad(i::text, 4, '0') || ' Ltd', (20000000 + i)::text
      from generate_series(0, 399) i`;
    await sql`
      with numbered as (
        select id, row_number() over (order by name) - 1 as n from suppliers where tenant_id = ${tenantId}
      )
      insert into contracts (tenant_id, id, reference, title, category, supplier_id, contract_manager_id, sro_id,
        service_area, start_date, end_date, annual_value_minor, total_value_minor, currency, tier, assessed_tier,
        original_total_value_minor, original_end_date)
      select ${tenantId}, gen_random_uuid(), 'PF-' || lpad(i::text, 4, '0'),
        (array['Waste collection', 'Housing repairs', 'Contact centre', 'Grounds maintenance'])[i % 4 + 1] || ' lot ' || i,
        'services', numbered.id, ${userId}::uuid, ${userId}::uuid,
        (array['Environment', 'Housing', 'Customer services', 'Parks'])[i % 4 + 1],
        date '2023-01-01', date '2029-12-31', 100000000 + i * 1000, 600000000 + i * 6000, 'GBP',
        (array['high', 'medium', 'low'])[i % 3 + 1], 'low', 600000000 + i * 6000, date '2029-12-31'
      from generate_series(0, ${size.contracts - 1}) i join numbered on numbered.n = i % 400`;
    await sql`
      insert into kpis (tenant_id, id, contract_id, name, definition, numerator_label, denominator_label, unit,
        direction, baseline, target, tolerance, inadequate_at, frequency, data_source, breakdown_label, position)
      select ${tenantId}, gen_random_uuid(), c.id, k.name, k.name || ', as the supplier''s return counts it',
        k.numerator_label, k.denominator_label, k.unit, k.direction, k.target, k.target, k.tolerance, k.inadequate_at,
        'monthly', 'supplier', k.breakdown, k.position
      from contracts c cross join (values
        (0, 'Collections on time', 'Collections on time', 'Collections due', 'percent', 'higher_is_better', 95.0, 2.0, 85.0, 'Region'),
        (1, 'Calls answered in 60 seconds', 'Calls answered in 60 s', 'Calls', 'percent', 'higher_is_better', 90.0, 5.0, 75.0, null),
        (2, 'Complaints', null, null, 'count', 'lower_is_better', 20.0, 5.0, 40.0, null),
        (3, 'Days to complete a repair', null, null, 'days', 'lower_is_better', 7.0, 2.0, 14.0, null),
        (4, 'Resident satisfaction score', null, null, 'score', 'higher_is_better', 8.0, 0.5, 6.0, null)
      ) as k(position, name, numerator_label, denominator_label, unit, direction, target, tolerance, inadequate_at, breakdown)
      where c.tenant_id = ${tenantId}`;
    // Values wander around the target by a hash of (KPI, month); rates carry their numerator and denominator.
    await sql`
      with periods as (
        select (date_trunc('month', ${lastMonth}::date) - make_interval(months => m))::date as period_start, m
        from generate_series(0, ${size.months - 1}) m
      ), figures as (
        select k.id as kpi_id, k.contract_id, k.unit, k.direction, k.target, k.tolerance, k.inadequate_at, p.period_start,
          ((hashtext(k.id::text || p.m) & 1023) / 1023.0) as noise
        from kpis k cross join periods p where k.tenant_id = ${tenantId}
      ), valued as (
        select *,
          case when unit = 'percent' then 1000 end as denominator,
          case when unit = 'percent' then round(1000 * least(1, (target + (noise - 0.7) * 20) / 100)) end as numerator,
          case when unit = 'percent' then round(1000 * least(1, (target + (noise - 0.7) * 20) / 100)) / 10.0
               when direction = 'lower_is_better' then round((target * (0.6 + noise * 0.9))::numeric, 1)
               else round((target * (0.8 + noise * 0.3))::numeric, 1) end as value
        from figures
      )
      insert into kpi_measurements (tenant_id, id, contract_id, kpi_id, period_start, value, numerator, denominator,
        rating, rating_reason, entered_by)
      select ${tenantId}, gen_random_uuid(), contract_id, kpi_id, period_start, value, numerator, denominator,
        case
          when (direction = 'higher_is_better' and value >= target) or (direction = 'lower_is_better' and value <= target) then 'good'
          when abs(value - target) <= tolerance then 'approaching_target'
          when (direction = 'higher_is_better' and value <= inadequate_at) or (direction = 'lower_is_better' and value >= inadequate_at) then 'inadequate'
          else 'requires_improvement' end,
        'Rated by the bench seed.', ${userId}::uuid
      from valued`;
    // The regions of the rated KPI: 250 of the 1,000 collections each, the numerators split to add up.
    await sql`
      insert into kpi_measurement_parts (tenant_id, id, measurement_id, label, value, numerator, denominator)
      select ${tenantId}, gen_random_uuid(), m.id, 'Region ' || r,
        (case when r < ${size.regions} then floor(m.numerator / ${size.regions})
              else m.numerator - floor(m.numerator / ${size.regions}) * (${size.regions} - 1) end) / 2.5,
        case when r < ${size.regions} then floor(m.numerator / ${size.regions})
             else m.numerator - floor(m.numerator / ${size.regions}) * (${size.regions} - 1) end,
        250
      from kpi_measurements m join kpis k on k.tenant_id = m.tenant_id and k.id = m.kpi_id
        cross join generate_series(1, ${size.regions}) r
      where m.tenant_id = ${tenantId} and k.breakdown_label is not null`;
    await sql`
      with numbered as (
        select id, row_number() over (order by reference) - 1 as n from contracts where tenant_id = ${tenantId}
      ), months as (
        select (date_trunc('month', ${lastMonth}::date) - make_interval(months => m))::date as month, m
        from generate_series(0, ${size.months - 1}) m
      ), statuses as (
        select numbered.id, months.month,
          case when numbered.n % 19 = 0 and months.m < 3 then 'red'
               when numbered.n % 7 = 0 and months.m < 6 then 'amber' else 'green' end as status
        from numbered cross join months
      )
      insert into rag_entries (tenant_id, id, contract_id, month, status, commentary, set_by)
      select ${tenantId}, gen_random_uuid(), id, month, status,
        case when status <> 'green' then 'Collections on time fell short in two regions; the supplier has a plan.' end,
        ${userId}::uuid
      from statuses`;
    await sql`
      insert into actions (tenant_id, id, contract_id, description, owner_party, owner_user_id, due_on, created_by)
      select ${tenantId}, gen_random_uuid(), c.id, 'Agree the recovery steps for the late collections', 'council',
        ${userId}::uuid, ${today}::date + (a * 20 - 25 + (hashtext(c.id::text) & 15)), ${userId}::uuid
      from contracts c cross join generate_series(0, 1) a where c.tenant_id = ${tenantId}`;
    await sql`
      insert into risks (tenant_id, id, contract_id, title, category, likelihood, impact, owner_party,
        owner_user_id, review_on, created_by)
      select ${tenantId}, gen_random_uuid(), c.id, 'Supplier staff shortage in peak season', 'delivery',
        1 + (hashtext(c.id::text) & 3), 2 + (hashtext(c.reference) & 3), 'supplier', ${userId}::uuid,
        ${today}::date + ((hashtext(c.id::text) & 63) - 20), ${userId}::uuid
      from contracts c where c.tenant_id = ${tenantId}`;
    await sql`
      insert into improvement_plans (tenant_id, id, contract_id, trigger, trigger_month, title, reason, opened_by,
        opened_on)
      select ${tenantId}, gen_random_uuid(), r.contract_id, 'red_month', r.month, 'Recover collections on time',
        'Red for the month', ${userId}::uuid, ${today}::date - 20
      from rag_entries r where r.tenant_id = ${tenantId} and r.month = ${lastMonth}::date and r.status = 'red'`;
    // The contract the 2,000-row return is uploaded for: 20 KPIs, none measured yet.
    const [upload] = await sql<{ id: string }[]>`
      insert into contracts (tenant_id, id, reference, title, category, contract_manager_id, start_date,
        end_date, currency, tier, assessed_tier)
      values (${tenantId}, gen_random_uuid(), 'PF-UPLOAD', 'Waste collection (return upload)', 'services',
        ${userId}::uuid, date '2021-01-01', date '2029-12-31', 'GBP', 'high', 'high')
      returning id`;
    await sql`
      insert into kpis (tenant_id, id, contract_id, name, definition, unit, direction, target, tolerance,
        breakdown_label, position)
      select ${tenantId}, gen_random_uuid(), ${upload?.id ?? ""}::uuid, 'Return KPI ' || lpad(i::text, 2, '0'),
        'Counted by the supplier', case when i < ${uploadRates} then 'percent' else 'count' end,
        case when i < ${uploadRates} then 'higher_is_better' else 'lower_is_better' end,
        case when i < ${uploadRates} then 95 else 20 end, 2,
        case when i < ${uploadRates} then 'Region' end, i
      from generate_series(0, ${uploadKpis - 1}) i`;
    uploadContractId = upload?.id ?? "";
    const rows = await sql<{ id: string }[]>`
      select id from contracts where tenant_id = ${tenantId} and reference <> 'PF-UPLOAD' order by reference`;
    const [counts] = await sql<{ measurements: number; parts: number; rag: number }[]>`
      select (select count(*) from kpi_measurements where tenant_id = ${tenantId})::int as measurements,
        (select count(*) from kpi_measurement_parts where tenant_id = ${tenantId})::int as parts,
        (select count(*) from rag_entries where tenant_id = ${tenantId})::int as rag`;
    const count = (n: number | undefined) => (n ?? 0).toLocaleString("en-GB");
    console.log(
      `seeded ${count(rows.length)} contracts, ${count(counts?.measurements)} measurements, ${count(counts?.parts)} parts, ${count(counts?.rag)} RAG months in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return rows.map((row) => row.id);
  });
  await bench.owner.unsafe("vacuum analyze");
  return {
    tenantId,
    slug: size.slug,
    userId,
    cookie: await sessionCookie(bench, userId),
    contractIds,
    uploadContractId,
    lastMonth,
  };
}

/** The supplier's return: 2,000 rows, the 50 months up to last month of the upload contract's 20 KPIs. */
export function supplierReturnCsv(lastMonth: string): string {
  const lines = ["KPI,Period,Value,Numerator,Denominator,Region,Evidence"];
  for (let back = uploadMonths - 1; back >= 0; back -= 1) {
    const period = firstOfMonth(lastMonth, -back).slice(0, 7);
    for (let index = 0; index < uploadKpis; index += 1) {
      const name = `Return KPI ${String(index).padStart(2, "0")}`;
      if (index < uploadRates) {
        const regions = [235, 240, 238, 243].map((on, region) => on - ((back + region + index) % 7));
        const total = regions.reduce((sum, on) => sum + on, 0);
        lines.push(`${name},${period},,${total},1000,,Supplier's monthly return`);
        for (const [region, on] of regions.entries()) {
          lines.push(`${name},${period},,${on},250,Region ${region + 1},`);
        }
      } else lines.push(`${name},${period},${10 + ((back * 7 + index) % 25)},,,,`);
    }
  }
  return lines.join("\n");
}

function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  return work().then((value) => ({ ms: performance.now() - started, value }));
}

/** `npm run bench -- performance`: prints figures; it is not a test. */
export async function benchPerformance(bench: BenchDatabase) {
  const today = new Date().toISOString().slice(0, 10);
  const council = await seedPerformanceCouncil(bench, today);
  const caller = () => createCaller(context(bench.database, council.tenantId, council.cookie));
  const page = (index: number) => council.contractIds[(index * 37) % council.contractIds.length] ?? "";

  const board = await timeEach(samples, () => caller().board.view({}));
  const kpiPage = await timeEach(samples, (index) => caller().kpis.list({ contractId: page(index % 16) }));
  console.table({
    "board view (board.view)": board,
    "a contract's KPI page (kpis.list, 24 months)": kpiPage,
  });
  console.log(`targets: p95 under 50 ms (${samples} calls each after 20 to warm up, one at a time)`);

  const csv = supplierReturnCsv(council.lastMonth);
  const rows = csv.split("\n").length - 1;
  const preview = await time(() =>
    caller().kpis.previewReturn({ contractId: council.uploadContractId, csv }),
  );
  const commit = await time(() =>
    caller().kpis.commitReturn({ contractId: council.uploadContractId, csv, fileName: "return.csv" }),
  );
  console.log(
    `supplier return of ${rows.toLocaleString("en-GB")} rows: preview ${Math.round(preview.ms)} ms (${preview.value.problemCount} problems), upload ${Math.round(commit.ms)} ms (${commit.value.recorded} measurements recorded) (target under 2,000 ms)`,
  );

  await printBundleSizes();
  await timeFirstLoad(bench, {
    path: `/t/${council.slug}/board`,
    cookie: council.cookie,
    runs: 5,
    label: "board view in Chromium",
  });
}
