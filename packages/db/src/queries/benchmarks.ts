import { type BenchmarkPeriod, newId, type SuppressionReason, type UniversalMeasure } from "@steward/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Tx } from "../database.ts";
import {
  benchmarkParticipation,
  benchmarkSettings,
  benchmarkSnapshots,
  benchmarkWarnings,
} from "../schema/index.ts";

/**
 * Cross-council benchmarking (issue 9 §3–§6). The aggregation's SQL is written once: the job runs it over the
 * pool as the benchmark role (`inBenchmarkTransaction`), and a council's page runs it over the council alone, as
 * the app role in the council's transaction, to place the council's own figures in the published distribution.
 */

/** A council's figure for one cell: a KPI template's or a universal measure's, optionally per supplier or category. */
export interface Contribution {
  templateId: string | null;
  measure: UniversalMeasure | null;
  organisationId: string | null;
  categoryId: string | null;
  value: number;
  measurements: number;
}

/**
 * The councils a contributions query counts: the run's pool (the job, as the benchmark role, after
 * `drawBenchmarkPool`), or one council (its own page, as the app role in its own transaction). A council's page
 * needs its figures across all its suppliers, and per supplier organisation only for the one it is about
 * (`organisationId`; none for the overview).
 */
type Counted = { pool: true } | { tenantId: string; organisationId: string | null };

/**
 * One figure per council and cell for the period, with the council's tenant id (the job keeps it in its
 * transaction's temporary tables only; `aggregateBenchmarkCells` turns it into the run's pseudonym). Each
 * figure is the council's own average, so a council with many contracts counts once, like every other:
 * - a KPI template: the mean value of the council's measurements of KPIs linked to it;
 * - kpi_attainment: measurements rated Good ÷ rated measurements ("Other" is not a rating of performance);
 *   for a category, the council's KPIs linked to a template of that category;
 * - months_red: Red contract-months ÷ contract-months with a RAG;
 * - days_to_pay: mean days from receipt to payment (PA23 s.68: from the day after receipt), invoices paid in
 *   the period and not disputed;
 * - variation_rate: approved change value decided before the period's end ÷ original total value, over
 *   contracts with an original value live in the period.
 * A supplier's cells read the contracts of suppliers linked to that registry organisation. `flagged` marks early
 * warning's input (issue 9 §6) on a council's KPI attainment and months Red: a measurement rated Inadequate,
 * or a Red month, in the period.
 *
 * For one council every table read is filtered by its own tenant column (`counted`); for the job the policies
 * are the filter. The contracts and their suppliers (`supplied`) are joined where each use needs them rather
 * than materialized once: a materialized CTE hides the tables' statistics, and at 1,000 councils the planner
 * then chose nested loops whose cost grew with the square of the pool (docs/benchmarks.md, "Benchmarking").
 */
function contributionsSql(client: postgres.Sql, period: BenchmarkPeriod, councils: Counted) {
  const { start, end } = period;
  // The pool needs no predicate: the benchmark role's `benchmark_pool` policies already let through only the
  // opted-in councils' rows, and the job's cells join the run's pool.
  const counted = (column: string) =>
    "tenantId" in councils ? client`${client(column)} = ${councils.tenantId}::uuid` : client`true`;
  // Which supplier organisations get cells of their own: every one for the job, the page's one for a council.
  const supplierCells = (column: string) =>
    !("tenantId" in councils)
      ? client`${client(column)} is not null`
      : councils.organisationId
        ? client`${client(column)} = ${councils.organisationId}::uuid`
        : client`false`;
  return client`
    with supplied as not materialized (
      select c.tenant_id, c.id as contract_id, s.organisation_id
      from public.contracts c
      left join public.suppliers s on s.tenant_id = c.tenant_id and s.id = c.supplier_id
      where ${counted("c.tenant_id")}
    ),
    measured as (
      select m.tenant_id, k.template_id, t.category_id, sp.organisation_id, m.value, m.rating
      from public.kpi_measurements m
      join public.kpis k on k.tenant_id = m.tenant_id and k.id = m.kpi_id
      join supplied sp on sp.tenant_id = m.tenant_id and sp.contract_id = m.contract_id
      left join public.kpi_templates t on t.id = k.template_id
      where m.period_start >= ${start}::date and m.period_start < ${end}::date and ${counted("m.tenant_id")}
    ),
    -- Each row counts at every level of its cells: across all suppliers and for its own supplier organisation
    -- (and for KPI attainment, per service category too). A plain GROUP BY that leads with tenant_id then gives
    -- one figure per council and cell: no GROUPING SETS, which Citus does not distribute (infra/README.md).
    levels (by_organisation, by_category) as (
      values (false, false), (true, false), (false, true), (true, true)
    ),
    templated as (
      select m.tenant_id, m.template_id, null::text as measure,
        case when l.by_organisation then m.organisation_id end as organisation_id, null::uuid as category_id,
        avg(m.value)::float8 as value, count(*)::int as measurements, false as flagged
      from measured m join levels l on not l.by_category
      where m.template_id is not null and m.value is not null
        and (not l.by_organisation or ${supplierCells("m.organisation_id")})
      group by 1, 2, 4
    ),
    attainment as (
      select m.tenant_id, null::uuid as template_id, 'kpi_attainment'::text as measure,
        case when l.by_organisation then m.organisation_id end as organisation_id,
        case when l.by_category then m.category_id end as category_id,
        (100.0 * count(*) filter (where m.rating = 'good') / count(*))::float8 as value,
        count(*)::int as measurements, bool_or(m.rating = 'inadequate') as flagged
      from measured m cross join levels l
      where m.rating <> 'other' and (not l.by_organisation or ${supplierCells("m.organisation_id")})
        and (not l.by_category or m.category_id is not null)
      group by 1, 4, 5
    ),
    red as (
      select r.tenant_id, null::uuid as template_id, 'months_red'::text as measure,
        case when l.by_organisation then sp.organisation_id end as organisation_id, null::uuid as category_id,
        (100.0 * count(*) filter (where r.status = 'red') / count(*))::float8 as value, count(*)::int as measurements,
        bool_or(r.status = 'red') as flagged
      from public.rag_entries r
      join supplied sp on sp.tenant_id = r.tenant_id and sp.contract_id = r.contract_id
      join levels l on not l.by_category and (not l.by_organisation or ${supplierCells("sp.organisation_id")})
      where r.month >= ${start}::date and r.month < ${end}::date and ${counted("r.tenant_id")}
      group by 1, 4
    ),
    paid as (
      select i.tenant_id, null::uuid as template_id, 'days_to_pay'::text as measure,
        case when l.by_organisation then sp.organisation_id end as organisation_id, null::uuid as category_id,
        avg(i.paid_on - i.received_on)::float8 as value, count(*)::int as measurements, false as flagged
      from public.invoices i
      join supplied sp on sp.tenant_id = i.tenant_id and sp.contract_id = i.contract_id
      join levels l on not l.by_category and (not l.by_organisation or ${supplierCells("sp.organisation_id")})
      where i.paid_on >= ${start}::date and i.paid_on < ${end}::date and i.disputed_on is null
        and ${counted("i.tenant_id")}
      group by 1, 4
    ),
    approved as (
      select ch.tenant_id, ch.contract_id, sum(ch.value_delta_minor) as value
      from public.contract_changes ch
      where ch.status = 'approved' and ch.decided_at < ${end}::date and ${counted("ch.tenant_id")}
      group by ch.tenant_id, ch.contract_id
    ),
    varied as (
      select c.tenant_id, s.organisation_id, c.original_total_value_minor as original,
        coalesce(a.value, 0) as approved
      from public.contracts c
      left join public.suppliers s on s.tenant_id = c.tenant_id and s.id = c.supplier_id
      left join approved a on a.tenant_id = c.tenant_id and a.contract_id = c.id
      where ${counted("c.tenant_id")} and c.original_total_value_minor > 0 and c.archived_at is null
        and (c.start_date is null or c.start_date < ${end}::date)
        and (c.end_date is null or c.end_date >= ${start}::date)
    ),
    variation as (
      select v.tenant_id, null::uuid as template_id, 'variation_rate'::text as measure,
        case when l.by_organisation then v.organisation_id end as organisation_id, null::uuid as category_id,
        (100.0 * sum(v.approved) / sum(v.original))::float8 as value, count(*)::int as measurements,
        false as flagged
      from varied v
      join levels l on not l.by_category and (not l.by_organisation or ${supplierCells("v.organisation_id")})
      group by 1, 4
    )
    select * from templated union all select * from attainment union all select * from red
    union all select * from paid union all select * from variation`;
}

/**
 * The councils in the pool, each under a pseudonym for this run: 0, 1, 2, … in the order of `md5(salt || id)`,
 * a salt the job draws and never stores. The privacy rules compare cohorts of these numbers; no tenant id
 * reaches the job's hands or the snapshot. The pool is a temporary table of the job's transaction (dropped at
 * its commit), analysed so that the planner knows its size when it joins the source tables to it.
 */
export async function drawBenchmarkPool(tx: Tx, { salt }: { salt: string }) {
  const client = tx.$client;
  await client`
    create temporary table benchmark_run_pool (tenant_id uuid primary key, pseudonym int not null)
    on commit drop`;
  await client`
    insert into pg_temp.benchmark_run_pool (tenant_id, pseudonym)
    select tenant_id, (row_number() over (order by md5(${salt} || tenant_id::text)))::int - 1
    from public.benchmark_participation where opted_in`;
  await client`analyze pg_temp.benchmark_run_pool`;
}

/** A candidate cell as the job reads it: the statistics, and the councils behind it by a pseudonym for this run. */
export interface AggregatedCell {
  templateId: string | null;
  measure: UniversalMeasure | null;
  organisationId: string | null;
  categoryId: string | null;
  councilCount: number;
  measurementCount: number;
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  min: number;
  max: number;
  cohort: number[];
}

/**
 * Every candidate cell of the period over the pool (`drawBenchmarkPool` first), for the job (run as the
 * benchmark role). Each council's figures are computed once into a temporary table of the transaction,
 * analysed, and the cells are computed from it; councils come out only as the run's pseudonyms: the cohorts
 * the privacy rules compare. The figures are gathered per cell by hashing and each cell's percentiles computed
 * from its own array: an ordered-set aggregate over the cells' groups would first sort every council's figures
 * (about 800,000 rows at 1,000 councils), which took a third of the job.
 */
export async function aggregateBenchmarkCells(
  tx: Tx,
  { period }: { period: BenchmarkPeriod },
): Promise<AggregatedCell[]> {
  const client = tx.$client;
  // Enough memory for the job's joins and groups (about 800,000 figures at 1,000 councils) to stay off disk;
  // for this transaction only.
  await client`set local work_mem = '128MB'`;
  // CREATE TABLE AS (not INSERT … SELECT) so that PostgreSQL may compute the figures with parallel workers.
  await client`
    create temporary table benchmark_run_contributions on commit drop as
    ${contributionsSql(client, period, { pool: true })}`;
  // Its statistics tell the planner there are a few hundred cells, not tens of thousands: the figures are then
  // gathered per cell by hashing rather than by sorting them all.
  await client`analyze pg_temp.benchmark_run_contributions`;
  return client<AggregatedCell[]>`
    select c.template_id as "templateId", c.measure, c.organisation_id as "organisationId",
      c.category_id as "categoryId", c.council_count as "councilCount", c.measurement_count as "measurementCount",
      q.median, q.lower_quartile as "lowerQuartile", q.upper_quartile as "upperQuartile", q.min, q.max, c.cohort
    from (
      select c.template_id, c.measure, c.organisation_id, c.category_id, count(*)::int as council_count,
        sum(c.measurements)::int as measurement_count, array_agg(c.value) as figures,
        array_agg(p.pseudonym) as cohort
      from pg_temp.benchmark_run_contributions c
      join pg_temp.benchmark_run_pool p on p.tenant_id = c.tenant_id
      where c.value is not null
      group by c.template_id, c.measure, c.organisation_id, c.category_id
    ) c
    cross join lateral (
      select percentile_cont(0.5) within group (order by f) as median,
        percentile_cont(0.25) within group (order by f) as lower_quartile,
        percentile_cont(0.75) within group (order by f) as upper_quartile, min(f) as min, max(f) as max
      from unnest(c.figures) f
    ) q`;
}

/**
 * The council's own figures for the period (the app role, in the council's own transaction): across all its
 * suppliers, and for one supplier organisation when `organisationId` names one.
 */
export async function councilContributions(
  tx: Tx,
  {
    tenantId,
    period,
    organisationId,
  }: { tenantId: string; period: BenchmarkPeriod; organisationId: string | null },
): Promise<Contribution[]> {
  const client = tx.$client;
  return client<Contribution[]>`
    select template_id as "templateId", measure, organisation_id as "organisationId", category_id as "categoryId",
      value, measurements
    from (${contributionsSql(client, period, { tenantId, organisationId })}) contributions
    where value is not null`;
}

/**
 * Early warning's input (issue 9 §6): per registry organisation, the councils of the run's pool (by their
 * pseudonym) where one of its contracts was Red or had a measurement rated Inadequate in the period. Read from
 * the figures `aggregateBenchmarkCells` computed (call it first), not from the source tables a second time.
 */
export async function flaggedOrganisations(
  tx: Tx,
): Promise<{ organisationId: string; councils: number[] }[]> {
  return tx.$client<{ organisationId: string; councils: number[] }[]>`
    select c.organisation_id as "organisationId", array_agg(distinct p.pseudonym) as councils
    from pg_temp.benchmark_run_contributions c
    join pg_temp.benchmark_run_pool p on p.tenant_id = c.tenant_id
    where c.flagged and c.organisation_id is not null and c.category_id is null
    group by c.organisation_id`;
}

export async function countBenchmarkPool(tx: Tx): Promise<number> {
  const [row] = await tx.$client<{ count: number }[]>`
    select count(*)::int as count from public.benchmark_participation where opted_in`;
  return row?.count ?? 0;
}

export async function getBenchmarkSettings(tx: Tx) {
  const [row] = await tx.select().from(benchmarkSettings);
  return row ?? { id: true, k: 5, updatedBy: null, updatedAt: new Date(0), version: 1 };
}

/** The operator's k; null when the version read is stale. */
export async function updateBenchmarkK(
  tx: Tx,
  { k, version, userId }: { k: number; version: number; userId: string },
) {
  const [row] = await tx
    .update(benchmarkSettings)
    .set({ k, updatedBy: userId, updatedAt: new Date(), version: sql`${benchmarkSettings.version} + 1` })
    .where(eq(benchmarkSettings.version, version))
    .returning();
  return row ?? null;
}

export interface PublishedCell {
  templateId: string | null;
  measure: UniversalMeasure | null;
  organisationId: string | null;
  categoryId: string | null;
  suppressionReason: SuppressionReason | null;
  councilCount: number | null;
  measurementCount: number | null;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  lowBand: number | null;
  highBand: number | null;
}

/**
 * Records a period's snapshot once (issue 9 §4: cohorts fixed per published period). Null when the period was
 * already published: it is never computed again, whoever has joined or left the pool since.
 */
export async function insertBenchmarkSnapshot(
  tx: Tx,
  values: {
    period: BenchmarkPeriod;
    k: number;
    poolSize: number;
    cells: PublishedCell[];
    warnings: string[];
  },
) {
  const [snapshot] = await tx
    .insert(benchmarkSnapshots)
    .values({
      periodStart: values.period.start,
      periodEnd: values.period.end,
      k: values.k,
      poolSize: values.poolSize,
      publishedCells: values.cells.filter((cell) => cell.suppressionReason === null).length,
      suppressedCells: values.cells.filter((cell) => cell.suppressionReason !== null).length,
    })
    .onConflictDoNothing()
    .returning({ id: benchmarkSnapshots.id });
  if (!snapshot) return null;
  // One statement with the cells as one JSON parameter: building a query builder's insert of a thousand rows
  // of thirteen values took longer than PostgreSQL takes to write them (docs/benchmarks.md).
  const rows = values.cells.map((cell) => ({
    id: newId(),
    template_id: cell.templateId,
    measure: cell.measure,
    organisation_id: cell.organisationId,
    category_id: cell.categoryId,
    suppression_reason: cell.suppressionReason,
    council_count: cell.councilCount,
    measurement_count: cell.measurementCount,
    median: cell.median,
    lower_quartile: cell.lowerQuartile,
    upper_quartile: cell.upperQuartile,
    low_band: cell.lowBand,
    high_band: cell.highBand,
  }));
  await tx.$client`
    insert into public.benchmark_cells (id, snapshot_id, template_id, measure, organisation_id, category_id,
      suppression_reason, council_count, measurement_count, median, lower_quartile, upper_quartile, low_band,
      high_band)
    select id, ${snapshot.id}::uuid, template_id, measure, organisation_id, category_id, suppression_reason,
      council_count, measurement_count, median, lower_quartile, upper_quartile, low_band, high_band
    from json_to_recordset(${JSON.stringify(rows)}::json) as cell(id uuid, template_id uuid, measure text,
      organisation_id uuid, category_id uuid, suppression_reason text, council_count int, measurement_count int,
      median float8, lower_quartile float8, upper_quartile float8, low_band float8, high_band float8)`;
  if (values.warnings.length > 0) {
    await tx
      .insert(benchmarkWarnings)
      .values(values.warnings.map((organisationId) => ({ snapshotId: snapshot.id, organisationId })));
  }
  return snapshot.id;
}

export async function benchmarkSnapshotExists(tx: Tx, { period }: { period: BenchmarkPeriod }) {
  const [row] = await tx
    .select({ id: benchmarkSnapshots.id })
    .from(benchmarkSnapshots)
    .where(eq(benchmarkSnapshots.periodStart, period.start));
  return row !== undefined;
}

export async function latestBenchmarkSnapshot(tx: Tx) {
  const [row] = await tx
    .select()
    .from(benchmarkSnapshots)
    .orderBy(desc(benchmarkSnapshots.periodStart))
    .limit(1);
  return row ?? null;
}

export async function listBenchmarkSnapshots(tx: Tx) {
  return tx.select().from(benchmarkSnapshots).orderBy(desc(benchmarkSnapshots.periodStart));
}

/**
 * The cells of a snapshot a council's page shows: the measures, and the library templates its live KPIs measure,
 * across all suppliers and, when the page is about one, for that supplier organisation. The templates are read
 * in the same statement, so the page needs no round trip for them first.
 */
export async function listBenchmarkCells(
  tx: Tx,
  {
    snapshotId,
    tenantId,
    organisationId,
  }: { snapshotId: string; tenantId: string; organisationId: string | null },
): Promise<PublishedCell[]> {
  return tx.$client<PublishedCell[]>`
    select template_id as "templateId", measure, organisation_id as "organisationId", category_id as "categoryId",
      suppression_reason as "suppressionReason", council_count as "councilCount",
      measurement_count as "measurementCount", median, lower_quartile as "lowerQuartile",
      upper_quartile as "upperQuartile", low_band as "lowBand", high_band as "highBand"
    from public.benchmark_cells
    where snapshot_id = ${snapshotId}::uuid
      and (measure is not null or template_id in (
        select k.template_id from public.kpis k where k.tenant_id = ${tenantId}::uuid and k.archived_at is null))
      and (organisation_id is null or organisation_id = ${organisationId}::uuid)`;
}

/**
 * The snapshot's early warnings on the organisations the council's suppliers link to, or on the one a page is
 * about (issue 9 §6).
 */
export async function listBenchmarkWarnings(
  tx: Tx,
  {
    snapshotId,
    tenantId,
    organisationId,
  }: { snapshotId: string; tenantId: string; organisationId: string | null },
) {
  return tx.$client<{ organisationId: string }[]>`
    select w.organisation_id as "organisationId" from public.benchmark_warnings w
    where w.snapshot_id = ${snapshotId}::uuid
      and w.organisation_id in (
        select s.organisation_id from public.suppliers s
        where s.tenant_id = ${tenantId}::uuid and s.organisation_id is not null
          and (${organisationId}::uuid is null or s.organisation_id = ${organisationId}::uuid))`;
}

export async function getBenchmarkParticipation(tx: Tx, { tenantId }: { tenantId: string }) {
  const [row] = await tx
    .select()
    .from(benchmarkParticipation)
    .where(eq(benchmarkParticipation.tenantId, tenantId));
  return row ?? null;
}

/**
 * Records the council's decision (issue 9 §3). The row is locked while it changes, so two admins deciding at
 * once are applied one after the other; returns what it was before.
 */
export async function setBenchmarkParticipation(
  tx: Tx,
  { tenantId, optedIn, userId }: { tenantId: string; optedIn: boolean; userId: string },
) {
  const [before] = await tx
    .select({ optedIn: benchmarkParticipation.optedIn })
    .from(benchmarkParticipation)
    .where(eq(benchmarkParticipation.tenantId, tenantId))
    .for("update");
  await tx
    .insert(benchmarkParticipation)
    .values({ tenantId, optedIn, decidedBy: userId })
    .onConflictDoUpdate({
      target: benchmarkParticipation.tenantId,
      set: {
        optedIn,
        decidedBy: userId,
        decidedAt: new Date(),
        version: sql`${benchmarkParticipation.version} + 1`,
      },
      where: and(eq(benchmarkParticipation.tenantId, tenantId)),
    });
  return { before: before?.optedIn ?? false };
}

/** The library templates the council's live KPIs measure, with their categories: what its benchmark page lists. */
export async function listCouncilTemplates(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx.$client<
    {
      templateId: string;
      name: string;
      unit: string;
      unitLabel: string | null;
      direction: "higher_is_better" | "lower_is_better";
      categoryId: string;
      categoryName: string;
      kpiCount: number;
    }[]
  >`
    select t.id as "templateId", t.name, t.unit, t.unit_label as "unitLabel", t.direction,
      c.id as "categoryId", c.name as "categoryName", count(*)::int as "kpiCount"
    from public.kpis k
    join public.kpi_templates t on t.id = k.template_id
    join public.service_categories c on c.id = t.category_id
    where k.tenant_id = ${tenantId}::uuid and k.archived_at is null
    group by t.id, c.id
    order by c.position, c.name, t.name`;
}
