import type { BenchmarkPeriod, SuppressionReason, UniversalMeasure } from "@steward/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Tx } from "../database.ts";
import {
  benchmarkCells,
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
 * One figure per council and cell for the period. `pool` is the councils counted: the opted-in councils (the
 * job), or one council (its own figures). Each figure is the council's own average, so a council with many
 * contracts counts once, like every other:
 * - a KPI template: the mean value of the council's measurements of KPIs linked to it;
 * - kpi_attainment: measurements rated Good ÷ rated measurements ("Other" is not a rating of performance);
 *   for a category, the council's KPIs linked to a template of that category;
 * - months_red: Red contract-months ÷ contract-months with a RAG;
 * - days_to_pay: mean days from receipt to payment (PA23 s.68: from the day after receipt), invoices paid in
 *   the period and not disputed;
 * - variation_rate: approved change value decided before the period's end ÷ original total value, over
 *   contracts with an original value live in the period.
 * A supplier's cells read the contracts of suppliers linked to that registry organisation.
 */
function contributionsSql(
  client: postgres.Sql,
  period: BenchmarkPeriod,
  pool: postgres.PendingQuery<postgres.Row[]>,
) {
  const { start, end } = period;
  return client`
    with pool as (${pool}),
    supplied as (
      select c.tenant_id, c.id as contract_id, s.organisation_id
      from public.contracts c
      left join public.suppliers s on s.tenant_id = c.tenant_id and s.id = c.supplier_id
      where c.tenant_id in (select tenant_id from pool)
    ),
    measured as (
      select m.tenant_id, k.template_id, t.category_id, sp.organisation_id, m.value, m.rating
      from public.kpi_measurements m
      join public.kpis k on k.tenant_id = m.tenant_id and k.id = m.kpi_id
      join supplied sp on sp.tenant_id = m.tenant_id and sp.contract_id = m.contract_id
      left join public.kpi_templates t on t.id = k.template_id
      where m.period_start >= ${start}::date and m.period_start < ${end}::date
        and m.tenant_id in (select tenant_id from pool)
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
        avg(m.value)::float8 as value, count(*)::int as measurements
      from measured m join levels l on not l.by_category
      where m.template_id is not null and m.value is not null
        and (not l.by_organisation or m.organisation_id is not null)
      group by 1, 2, 4
    ),
    attainment as (
      select m.tenant_id, null::uuid as template_id, 'kpi_attainment'::text as measure,
        case when l.by_organisation then m.organisation_id end as organisation_id,
        case when l.by_category then m.category_id end as category_id,
        (100.0 * count(*) filter (where m.rating = 'good') / count(*))::float8 as value,
        count(*)::int as measurements
      from measured m cross join levels l
      where m.rating <> 'other' and (not l.by_organisation or m.organisation_id is not null)
        and (not l.by_category or m.category_id is not null)
      group by 1, 4, 5
    ),
    red as (
      select r.tenant_id, null::uuid as template_id, 'months_red'::text as measure,
        case when l.by_organisation then sp.organisation_id end as organisation_id, null::uuid as category_id,
        (100.0 * count(*) filter (where r.status = 'red') / count(*))::float8 as value, count(*)::int as measurements
      from public.rag_entries r
      join supplied sp on sp.tenant_id = r.tenant_id and sp.contract_id = r.contract_id
      join levels l on not l.by_category and (not l.by_organisation or sp.organisation_id is not null)
      where r.month >= ${start}::date and r.month < ${end}::date and r.tenant_id in (select tenant_id from pool)
      group by 1, 4
    ),
    paid as (
      select i.tenant_id, null::uuid as template_id, 'days_to_pay'::text as measure,
        case when l.by_organisation then sp.organisation_id end as organisation_id, null::uuid as category_id,
        avg(i.paid_on - i.received_on)::float8 as value, count(*)::int as measurements
      from public.invoices i
      join supplied sp on sp.tenant_id = i.tenant_id and sp.contract_id = i.contract_id
      join levels l on not l.by_category and (not l.by_organisation or sp.organisation_id is not null)
      where i.paid_on >= ${start}::date and i.paid_on < ${end}::date and i.disputed_on is null
        and i.tenant_id in (select tenant_id from pool)
      group by 1, 4
    ),
    approved as (
      select ch.tenant_id, ch.contract_id, sum(ch.value_delta_minor) as value
      from public.contract_changes ch
      where ch.status = 'approved' and ch.decided_at < ${end}::date and ch.tenant_id in (select tenant_id from pool)
      group by ch.tenant_id, ch.contract_id
    ),
    varied as (
      select c.tenant_id, sp.organisation_id, c.original_total_value_minor as original,
        coalesce(a.value, 0) as approved
      from public.contracts c
      join supplied sp on sp.tenant_id = c.tenant_id and sp.contract_id = c.id
      left join approved a on a.tenant_id = c.tenant_id and a.contract_id = c.id
      where c.original_total_value_minor > 0 and c.archived_at is null
        and (c.start_date is null or c.start_date < ${end}::date)
        and (c.end_date is null or c.end_date >= ${start}::date)
    ),
    variation as (
      select v.tenant_id, null::uuid as template_id, 'variation_rate'::text as measure,
        case when l.by_organisation then v.organisation_id end as organisation_id, null::uuid as category_id,
        (100.0 * sum(v.approved) / sum(v.original))::float8 as value, count(*)::int as measurements
      from varied v
      join levels l on not l.by_category and (not l.by_organisation or v.organisation_id is not null)
      group by 1, 4
    )
    select contributed.*, pool.pseudonym from (
      select * from templated union all select * from attainment union all select * from red
      union all select * from paid union all select * from variation
    ) contributed join pool on pool.tenant_id = contributed.tenant_id`;
}

/**
 * The councils in the pool, each under a pseudonym for this run: 0, 1, 2, … in the order of `md5(salt || id)`,
 * a salt the job draws and never stores. The privacy rules compare cohorts of these numbers; no tenant id
 * reaches the job's hands or the snapshot.
 */
function poolSql(client: postgres.Sql, salt: string) {
  return client`
    select tenant_id, (row_number() over (order by md5(${salt} || tenant_id::text)))::int - 1 as pseudonym
    from public.benchmark_participation where opted_in`;
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
 * Every candidate cell of the period over the pool, for the job (run as the benchmark role). Councils come out
 * only as the run's pseudonyms (`poolSql`): the cohorts the privacy rules compare.
 */
export async function aggregateBenchmarkCells(
  tx: Tx,
  { period, salt }: { period: BenchmarkPeriod; salt: string },
): Promise<AggregatedCell[]> {
  const client = tx.$client;
  const pool = poolSql(client, salt);
  return client<AggregatedCell[]>`
    select template_id as "templateId", measure, organisation_id as "organisationId", category_id as "categoryId",
      count(*)::int as "councilCount", sum(measurements)::int as "measurementCount",
      percentile_cont(0.5) within group (order by value) as median,
      percentile_cont(0.25) within group (order by value) as "lowerQuartile",
      percentile_cont(0.75) within group (order by value) as "upperQuartile",
      min(value) as min, max(value) as max,
      array_agg(pseudonym) as cohort
    from (${contributionsSql(client, period, pool)}) contributions
    where value is not null
    group by template_id, measure, organisation_id, category_id`;
}

/** The council's own figures for the period (the app role, in the council's own transaction). */
export async function councilContributions(
  tx: Tx,
  { tenantId, period }: { tenantId: string; period: BenchmarkPeriod },
): Promise<Contribution[]> {
  const client = tx.$client;
  const pool = client`select ${tenantId}::uuid as tenant_id, 0 as pseudonym`;
  return client<Contribution[]>`
    select template_id as "templateId", measure, organisation_id as "organisationId", category_id as "categoryId",
      value, measurements
    from (${contributionsSql(client, period, pool)}) contributions
    where tenant_id = ${tenantId}::uuid and value is not null`;
}

/**
 * Early warning's input (issue 9 §6): per registry organisation, the councils (by the run's pseudonym) where one
 * of its contracts was Red or had a measurement rated Inadequate in the period.
 */
export async function flaggedOrganisations(
  tx: Tx,
  { period, salt }: { period: BenchmarkPeriod; salt: string },
): Promise<{ organisationId: string; councils: number[] }[]> {
  const { start, end } = period;
  return tx.$client<{ organisationId: string; councils: number[] }[]>`
    with pool as (${poolSql(tx.$client, salt)}),
    flagged as (
      select r.tenant_id, r.contract_id from public.rag_entries r
      where r.status = 'red' and r.month >= ${start}::date and r.month < ${end}::date
        and r.tenant_id in (select tenant_id from pool)
      union
      select m.tenant_id, m.contract_id from public.kpi_measurements m
      where m.rating = 'inadequate' and m.period_start >= ${start}::date and m.period_start < ${end}::date
        and m.tenant_id in (select tenant_id from pool)
    )
    select s.organisation_id as "organisationId",
      array_agg(distinct pool.pseudonym) as councils
    from flagged f
    join pool on pool.tenant_id = f.tenant_id
    join public.contracts c on c.tenant_id = f.tenant_id and c.id = f.contract_id
    join public.suppliers s on s.tenant_id = c.tenant_id and s.id = c.supplier_id
    where s.organisation_id is not null
    group by s.organisation_id`;
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
  for (let at = 0; at < values.cells.length; at += 2000) {
    await tx
      .insert(benchmarkCells)
      .values(values.cells.slice(at, at + 2000).map((cell) => ({ ...cell, snapshotId: snapshot.id })));
  }
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

/** The cells of a snapshot for the given templates and organisations (and the measures across all councils). */
export async function listBenchmarkCells(
  tx: Tx,
  {
    snapshotId,
    templateIds,
    organisationIds,
  }: { snapshotId: string; templateIds: string[]; organisationIds: string[] },
): Promise<PublishedCell[]> {
  return tx.$client<PublishedCell[]>`
    select template_id as "templateId", measure, organisation_id as "organisationId", category_id as "categoryId",
      suppression_reason as "suppressionReason", council_count as "councilCount",
      measurement_count as "measurementCount", median, lower_quartile as "lowerQuartile",
      upper_quartile as "upperQuartile", low_band as "lowBand", high_band as "highBand"
    from public.benchmark_cells
    where snapshot_id = ${snapshotId}::uuid
      and (template_id = any(${templateIds}::uuid[]) or measure is not null)
      and (organisation_id is null or organisation_id = any(${organisationIds}::uuid[]))`;
}

export async function listBenchmarkWarnings(
  tx: Tx,
  { snapshotId, organisationIds }: { snapshotId: string; organisationIds: string[] },
) {
  return tx.$client<{ organisationId: string }[]>`
    select organisation_id as "organisationId" from public.benchmark_warnings
    where snapshot_id = ${snapshotId}::uuid and organisation_id = any(${organisationIds}::uuid[])`;
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
