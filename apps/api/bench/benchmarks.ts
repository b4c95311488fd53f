import { readFileSync } from "node:fs";
import { createCaller } from "@steward/api";
import {
  addMembership,
  inTransaction,
  loadKpiLibrary,
  publishBenchmarkSnapshot,
  saveLicence,
} from "@steward/db";
import { latestCompletePeriod, newId, parseKpiLibrary } from "@steward/domain";
import { type BenchDatabase, sessionCookie } from "./database.ts";
import { context, timeEach } from "./register.ts";

/** Issue 9's figures: 1,000 councils × 200 supplier organisations × 24 months = 4.8 M measurements. */
const size = { councils: 1_000, organisations: 200, months: 24 };
const samples = 300;

/** Tables the seed writes straight, as the owner, with FORCE RLS lifted for the load and put back after. */
/** The tables of the measurements' bulk load: their foreign keys are dropped for it and validated once after. */
const bulkLoaded = ["kpi_measurements", "kpi_rating_months"];
const loaded = [
  "benchmark_participation",
  "suppliers",
  "contracts",
  "kpis",
  "kpi_measurements",
  "kpi_rating_months",
  "licences",
];

/**
 * The pool, written by PostgreSQL itself (generate_series): every council contracts with every organisation
 * (a contract, its supplier linked to the registry, one KPI linked to the library's missed-collections
 * template), 24 months of measurements each, and every council opted in. No RAG, invoices or changes: the
 * universal measures are computed over what there is (KPI attainment, variation rate).
 */
async function seedPool(bench: BenchDatabase, lastMonth: string) {
  const library = readFileSync(new URL("../../../fixtures/kpi-library.md", import.meta.url), "utf8");
  const templateId = await inTransaction(bench.database, { tenantId: null, userId: null }, async (tx) => {
    const { templateIds } = await loadKpiLibrary(tx, parseKpiLibrary(library));
    return templateIds.get("missed-collections-rate") as string;
  });
  const userId = newId();
  await bench.owner`insert into users (id, email, name) values (${userId}, 'pool@bench.test', 'Bench Manager')`;
  await bench.owner`
    insert into tenants (id, slug, name, jurisdiction, currency, locale)
    select gen_random_uuid(), 'pool-' || i, 'Pool Council ' || i, 'GB-ENG', 'GBP', 'en-GB'
    from generate_series(1, ${size.councils}) i`;
  await bench.owner`
    insert into organisations (id, scheme, identifier, name, name_source, match_keys)
    select gen_random_uuid(), 'GB-COH', lpad((30000000 + i)::text, 8, '0'), 'POOL SUPPLIER ' || i || ' LIMITED',
      'operator', array['pool supplier ' || i]
    from generate_series(1, ${size.organisations}) i`;
  for (const table of loaded) await bench.owner.unsafe(`alter table ${table} no force row level security`);
  try {
    await bench.owner`
      insert into licences (tenant_id, plan, seats, starts_on)
      select id, 'partnership', 50, date '2025-01-01' from tenants where slug like 'pool-%'`;
    await bench.owner`
      insert into benchmark_participation (tenant_id, opted_in, decided_by)
      select id, true, ${userId}::uuid from tenants where slug like 'pool-%'`;
    await bench.owner`
      insert into suppliers (tenant_id, id, name, registration_number, organisation_id)
      select t.id, gen_random_uuid(), 'Supplier ' || o.identifier, o.identifier, o.id
      from tenants t cross join organisations o where t.slug like 'pool-%' and o.identifier like '3%'`;
    await bench.owner`
      insert into contracts (tenant_id, id, reference, title, category, supplier_id, currency, tier, assessed_tier,
        start_date, end_date, total_value_minor, original_total_value_minor)
      select s.tenant_id, gen_random_uuid(), 'C-' || s.registration_number, 'Waste collection', 'services', s.id,
        'GBP', 'high', 'high', date '2024-01-01', date '2030-12-31', 500000000, 500000000
      from suppliers s join tenants t on t.id = s.tenant_id where t.slug like 'pool-%'`;
    await bench.owner`
      insert into kpis (tenant_id, id, contract_id, name, definition, unit, direction, target, tolerance,
        inadequate_at, template_id)
      select c.tenant_id, gen_random_uuid(), c.id, 'Missed bins', 'Missed ÷ due per 100,000', 'per_100000',
        'lower_is_better', 40, 10, 80, ${templateId}::uuid
      from contracts c join tenants t on t.id = c.tenant_id where t.slug like 'pool-%'`;
    const started = performance.now();
    // A bulk load: the measurements' foreign keys and secondary indexes are dropped for the insert and put back
    // after it (one validating join per key, one sorted build per index), instead of four key lookups and three
    // index insertions per row; the rows are written council by council. The triggers that keep the counts by
    // rating are off for the insert, and the counts made once after it.
    const keys = await bench.owner<{ table: string; name: string; definition: string }[]>`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint where conrelid = any(${bulkLoaded}::regclass[]) and contype = 'f'`;
    const indexes = await bench.owner<{ name: string; definition: string }[]>`
      select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = 'public' and i.tablename = 'kpi_measurements'
        and i.indexname not in (select conname from pg_constraint where conrelid = 'kpi_measurements'::regclass)`;
    for (const key of keys)
      await bench.owner.unsafe(`alter table ${key.table} drop constraint "${key.name}"`);
    for (const index of indexes) await bench.owner.unsafe(`drop index "${index.name}"`);
    await bench.owner`alter table kpi_measurements disable trigger user`;
    await bench.owner`
      with periods as (
        select (date_trunc('month', ${lastMonth}::date) - make_interval(months => m))::date as period_start, m
        from generate_series(0, ${size.months - 1}) m
      ), valued as (
        select k.tenant_id, k.id as kpi_id, k.contract_id, p.period_start,
          round((20 + (hashtext(k.id::text || p.m) & 1023) / 1023.0 * 60)::numeric, 1) as value
        from kpis k join tenants t on t.id = k.tenant_id cross join periods p where t.slug like 'pool-%'
        order by k.tenant_id, k.id, p.period_start
      )
      insert into kpi_measurements (tenant_id, id, contract_id, kpi_id, period_start, value, rating, rating_reason,
        entered_by)
      select tenant_id, gen_random_uuid(), contract_id, kpi_id, period_start, value,
        case when value <= 40 then 'good' when value <= 50 then 'approaching_target'
             when value >= 80 then 'inadequate' else 'requires_improvement' end,
        'Rated by the bench seed.', ${userId}::uuid
      from valued`;
    await bench.owner`alter table kpi_measurements enable trigger user`;
    await bench.owner`select steward_recount_kpi_ratings()`;
    for (const index of indexes) await bench.owner.unsafe(index.definition);
    for (const key of keys) {
      await bench.owner.unsafe(`alter table ${key.table} add constraint "${key.name}" ${key.definition}`);
    }
    console.log(`  measurements written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const table of loaded) await bench.owner.unsafe(`alter table ${table} force row level security`);
  }
  await bench.owner`analyze`;
  return { userId };
}

/**
 * The same percentiles as the job, as a plain materialized view over the same month: each council's figure per
 * cell (a template, per supplier organisation; KPI attainment, per category and organisation; variation rate),
 * then count, median and quartiles across councils. Refreshed as the owner with FORCE RLS lifted, so it reads
 * the rows without any policy: the floor the job is measured against.
 */
async function timeMaterializedView(bench: BenchDatabase, period: { start: string; end: string }) {
  const { start, end } = period;
  await bench.owner.unsafe(`
    create materialized view bench_benchmark_cells as
    with measured as (
      select m.tenant_id, k.template_id, t.category_id, s.organisation_id, m.value, m.rating
      from kpi_measurements m
      join kpis k on k.tenant_id = m.tenant_id and k.id = m.kpi_id
      join contracts c on c.tenant_id = m.tenant_id and c.id = m.contract_id
      left join suppliers s on s.tenant_id = c.tenant_id and s.id = c.supplier_id
      left join kpi_templates t on t.id = k.template_id
      where m.period_start >= '${start}' and m.period_start < '${end}'
    ), contributions as (
      select tenant_id, template_id, null::text as measure, organisation_id, null::uuid as category_id, avg(value) as value
      from measured where template_id is not null
      group by grouping sets ((tenant_id, template_id), (tenant_id, template_id, organisation_id))
      union all
      select tenant_id, null, 'kpi_attainment', organisation_id, category_id,
        100.0 * count(*) filter (where rating = 'good') / count(*)
      from measured where rating <> 'other'
      group by grouping sets ((tenant_id), (tenant_id, organisation_id), (tenant_id, category_id),
        (tenant_id, category_id, organisation_id))
      union all
      select c.tenant_id, null, 'variation_rate', s.organisation_id, null, 0
      from contracts c left join suppliers s on s.tenant_id = c.tenant_id and s.id = c.supplier_id
      where c.original_total_value_minor > 0
      group by grouping sets ((c.tenant_id), (c.tenant_id, s.organisation_id))
    )
    select template_id, measure, organisation_id, category_id, count(*) as councils,
      percentile_cont(0.5) within group (order by value) as median,
      percentile_cont(0.25) within group (order by value) as lower_quartile,
      percentile_cont(0.75) within group (order by value) as upper_quartile
    from contributions group by 1, 2, 3, 4
    with no data`);
  const times: number[] = [];
  for (const table of loaded) await bench.owner.unsafe(`alter table ${table} no force row level security`);
  try {
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      await bench.owner.unsafe("refresh materialized view bench_benchmark_cells");
      times.push(performance.now() - started);
    }
  } finally {
    for (const table of loaded) await bench.owner.unsafe(`alter table ${table} force row level security`);
  }
  return Math.min(...times);
}

export async function benchBenchmarks(bench: BenchDatabase, councils = size.councils) {
  size.councils = councils;
  const today = new Date().toISOString().slice(0, 10);
  const period = latestCompletePeriod(today);
  console.log(
    `benchmarks: ${size.councils} councils × ${size.organisations} organisations × ${size.months} months (${(size.councils * size.organisations * size.months).toLocaleString("en-GB")} measurements)`,
  );
  const seeded = performance.now();
  const { userId } = await seedPool(bench, period.start);
  console.log(`  pool written in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const view = await timeMaterializedView(bench, period);
  // Each run publishes a new month (a month is computed once): the months before the latest, newest first.
  const jobTimes: number[] = [];
  for (let back = 0; back < 3; back += 1) {
    const month = new Date(`${period.start}T00:00:00Z`);
    month.setUTCMonth(month.getUTCMonth() - back);
    const start = month.toISOString().slice(0, 10);
    month.setUTCMonth(month.getUTCMonth() + 1);
    const started = performance.now();
    const report = await publishBenchmarkSnapshot(bench.database, {
      period: { start, end: month.toISOString().slice(0, 10) },
    });
    jobTimes.push(performance.now() - started);
    if (back === 0) {
      console.log(
        `  job: ${report.publishedCells} cells published, ${report.suppressed.too_few_councils + report.suppressed.differencing} suppressed, pool ${report.poolSize}`,
      );
    }
  }
  const job = Math.min(...jobTimes);
  console.log(
    `  one month's aggregation: job ${job.toFixed(0)} ms (best of 3) against REFRESH MATERIALIZED VIEW ${view.toFixed(0)} ms (best of 3): ${(job / view).toFixed(2)}× (target within 3×)`,
  );

  // A council user's benchmark pages: the council with all 200 suppliers linked and its KPIs in the library.
  const [council] = await bench.owner<{ id: string }[]>`select id from tenants where slug = 'pool-1'`;
  const tenantId = council?.id as string;
  await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
    await addMembership(tx, { tenantId, userId, role: "contract_manager" });
    await saveLicence(tx, { tenantId, values: { plan: "partnership", seats: 50, startsOn: "2025-01-01" } });
  });
  const caller = createCaller(context(bench.database, tenantId, await sessionCookie(bench, userId)));
  const [supplier] = await bench.owner.begin(async (sql) => {
    await sql.unsafe(`set local role steward_app; set local app.tenant_id = '${tenantId}'`);
    return sql<{ id: string }[]>`select id from suppliers where tenant_id = ${tenantId} limit 1`;
  });
  const overview = await timeEach(samples, () => caller.benchmarks.overview());
  const supplierPage = await timeEach(samples, () =>
    caller.benchmarks.supplier({ supplierId: supplier?.id ?? "" }),
  );
  console.log(
    `  benchmark pages (${samples} each, target p95 under 20 ms): overview p50 ${overview.p50} ms, p95 ${overview.p95} ms; supplier p50 ${supplierPage.p50} ms, p95 ${supplierPage.p95} ms`,
  );
}
