import { and, asc, count, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import {
  kpiMeasurementHistory,
  kpiMeasurementParts,
  kpiMeasurements,
  kpiRatingMonthColumns,
  kpiRatingMonths,
  kpis,
  kpiTemplates,
  users,
} from "../schema/index.ts";
import { insertBatches } from "./bulk.ts";

export type KpiRow = typeof kpis.$inferSelect;
export type KpiMeasurementRow = typeof kpiMeasurements.$inferSelect;
export type KpiMeasurementPartRow = typeof kpiMeasurementParts.$inferSelect;

/** A contract's KPIs in their order; archived ones only when asked. */
export async function listKpis(
  tx: Tx,
  {
    tenantId,
    contractId,
    includeArchived = false,
  }: { tenantId: string; contractId: string; includeArchived?: boolean },
) {
  return tx
    .select()
    .from(kpis)
    .where(
      and(
        eq(kpis.tenantId, tenantId),
        eq(kpis.contractId, contractId),
        includeArchived ? undefined : isNull(kpis.archivedAt),
      ),
    )
    .orderBy(asc(kpis.position), asc(kpis.createdAt));
}

export async function getKpi(tx: Tx, { tenantId, kpiId }: { tenantId: string; kpiId: string }) {
  const [row] = await tx
    .select()
    .from(kpis)
    .where(and(eq(kpis.tenantId, tenantId), eq(kpis.id, kpiId)));
  return row ?? null;
}

/** Adds a KPI after the contract's others. */
export async function insertKpi(tx: Tx, values: Omit<typeof kpis.$inferInsert, "position">) {
  const [row] = await tx
    .insert(kpis)
    .values({
      ...values,
      position: sql`(select coalesce(max(${kpis.position}) + 1, 0) from ${kpis} where ${kpis.tenantId} = ${values.tenantId} and ${kpis.contractId} = ${values.contractId})`,
    })
    .returning();
  if (!row) throw new Error("insert returned no KPI");
  return row;
}

/** Updates a KPI at the version read; null when it moved on. */
export async function updateKpi(
  tx: Tx,
  {
    tenantId,
    kpiId,
    version,
    values,
  }: { tenantId: string; kpiId: string; version: number; values: Partial<typeof kpis.$inferInsert> },
) {
  const [row] = await tx
    .update(kpis)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(kpis.tenantId, tenantId), eq(kpis.id, kpiId), eq(kpis.version, version)))
    .returning();
  return row ?? null;
}

/** Whether the platform's KPI library holds this template (issue 9 fills it). */
export async function kpiTemplateExists(tx: Tx, templateId: string) {
  const [row] = await tx
    .select({ id: kpiTemplates.id })
    .from(kpiTemplates)
    .where(eq(kpiTemplates.id, templateId));
  return row !== undefined;
}

/**
 * A contract's measurements in `from`..`to` (period starts, inclusive), oldest first, each with its parts and
 * the name of who entered it; of one KPI when `kpiId` is given.
 */
export async function listMeasurements(
  tx: Tx,
  {
    tenantId,
    contractId,
    kpiId,
    from,
    to,
  }: { tenantId: string; contractId: string; kpiId?: string; from?: string; to?: string },
) {
  const scope = and(
    eq(kpiMeasurements.tenantId, tenantId),
    eq(kpiMeasurements.contractId, contractId),
    kpiId ? eq(kpiMeasurements.kpiId, kpiId) : undefined,
    from ? gte(kpiMeasurements.periodStart, from) : undefined,
    to ? lte(kpiMeasurements.periodStart, to) : undefined,
  );
  const [rows, parts] = await Promise.all([
    tx
      .select({ measurement: kpiMeasurements, enteredByName: users.name })
      .from(kpiMeasurements)
      .innerJoin(users, eq(users.id, kpiMeasurements.enteredBy))
      .where(scope)
      .orderBy(asc(kpiMeasurements.periodStart)),
    tx
      .select({ part: kpiMeasurementParts })
      .from(kpiMeasurementParts)
      .innerJoin(
        kpiMeasurements,
        and(
          eq(kpiMeasurements.tenantId, kpiMeasurementParts.tenantId),
          eq(kpiMeasurements.id, kpiMeasurementParts.measurementId),
        ),
      )
      .where(and(eq(kpiMeasurementParts.tenantId, tenantId), scope))
      .orderBy(asc(kpiMeasurementParts.label)),
  ]);
  const partsOf = new Map<string, KpiMeasurementPartRow[]>();
  for (const { part } of parts) {
    const list = partsOf.get(part.measurementId);
    if (list) list.push(part);
    else partsOf.set(part.measurementId, [part]);
  }
  return rows.map(({ measurement, enteredByName }) => ({
    ...measurement,
    enteredByName,
    parts: partsOf.get(measurement.id) ?? [],
  }));
}

export async function getMeasurement(
  tx: Tx,
  { tenantId, measurementId }: { tenantId: string; measurementId: string },
) {
  const [row] = await tx
    .select()
    .from(kpiMeasurements)
    .where(and(eq(kpiMeasurements.tenantId, tenantId), eq(kpiMeasurements.id, measurementId)));
  if (!row) return null;
  const parts = await listParts(tx, { tenantId, measurementId });
  return { ...row, parts };
}

async function listParts(tx: Tx, { tenantId, measurementId }: { tenantId: string; measurementId: string }) {
  return tx
    .select()
    .from(kpiMeasurementParts)
    .where(
      and(eq(kpiMeasurementParts.tenantId, tenantId), eq(kpiMeasurementParts.measurementId, measurementId)),
    )
    .orderBy(asc(kpiMeasurementParts.label));
}

type Figures = { value: number | null; numerator: number | null; denominator: number | null };
/** A measurement to write, with its id (so its parts point at it without reading anything back) and parts. */
export type NewMeasurement = Omit<typeof kpiMeasurements.$inferInsert, "version" | "enteredAt"> & {
  id: string;
  parts: (Figures & { label: string })[];
};

/**
 * Inserts measurements (one month across a contract's KPIs, or a supplier return's many periods) and their
 * parts, in statements under the bind-parameter limit. A KPI that already has a measurement for the period is
 * left alone: the unique key decides, so two people entering the same period cannot both succeed. Returns the
 * ids inserted; the caller answers CONFLICT for the rest.
 */
export async function insertMeasurements(tx: Tx, measurements: NewMeasurement[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const batch of insertBatches(
    kpiMeasurements,
    measurements.map(({ parts: _parts, ...measurement }) => measurement),
  )) {
    const rows = await tx
      .insert(kpiMeasurements)
      .values(batch)
      .onConflictDoNothing()
      .returning({ id: kpiMeasurements.id });
    for (const row of rows) inserted.add(row.id);
  }
  const parts = measurements.flatMap((measurement) =>
    inserted.has(measurement.id)
      ? measurement.parts.map((part) => ({
          tenantId: measurement.tenantId,
          measurementId: measurement.id,
          ...part,
        }))
      : [],
  );
  for (const batch of insertBatches(kpiMeasurementParts, parts)) {
    await tx.insert(kpiMeasurementParts).values(batch);
  }
  return inserted;
}

/**
 * Corrects a measurement at the version read: the earlier figures and parts go to the history with who
 * corrected them and why, then the new ones replace them. Null when the measurement moved on.
 */
export async function correctMeasurement(
  tx: Tx,
  {
    tenantId,
    measurement,
    values,
    parts,
    correctedBy,
    correctionReason,
  }: {
    tenantId: string;
    measurement: KpiMeasurementRow & { parts: KpiMeasurementPartRow[] };
    values: Figures & Pick<KpiMeasurementRow, "rating" | "ratingReason" | "evidenceNote">;
    parts: (Figures & { label: string })[];
    correctedBy: string;
    correctionReason: string;
  },
) {
  const [row] = await tx
    .update(kpiMeasurements)
    .set({ ...values, version: measurement.version + 1, enteredBy: correctedBy, enteredAt: new Date() })
    .where(
      and(
        eq(kpiMeasurements.tenantId, tenantId),
        eq(kpiMeasurements.id, measurement.id),
        eq(kpiMeasurements.version, measurement.version),
      ),
    )
    .returning();
  if (!row) return null;
  await Promise.all([
    tx.insert(kpiMeasurementHistory).values({
      tenantId,
      measurementId: measurement.id,
      value: measurement.value,
      numerator: measurement.numerator,
      denominator: measurement.denominator,
      parts: measurement.parts.map(({ label, value, numerator, denominator }) => ({
        label,
        value,
        numerator,
        denominator,
      })),
      rating: measurement.rating,
      evidenceNote: measurement.evidenceNote,
      enteredBy: measurement.enteredBy,
      enteredAt: measurement.enteredAt,
      correctedBy,
      correctionReason,
    }),
    tx
      .delete(kpiMeasurementParts)
      .where(
        and(
          eq(kpiMeasurementParts.tenantId, tenantId),
          eq(kpiMeasurementParts.measurementId, measurement.id),
        ),
      ),
  ]);
  if (parts.length > 0) {
    await tx
      .insert(kpiMeasurementParts)
      .values(parts.map((part) => ({ tenantId, measurementId: measurement.id, ...part })));
  }
  return row;
}

/** The earlier figures of a measurement, newest correction first, with who entered and who corrected them. */
export async function listMeasurementHistory(
  tx: Tx,
  { tenantId, measurementId }: { tenantId: string; measurementId: string },
) {
  const correctors = sql<string>`(select ${users.name} from ${users} where ${users.id} = ${kpiMeasurementHistory.correctedBy})`;
  return tx
    .select({ entry: kpiMeasurementHistory, enteredByName: users.name, correctedByName: correctors })
    .from(kpiMeasurementHistory)
    .innerJoin(users, eq(users.id, kpiMeasurementHistory.enteredBy))
    .where(
      and(
        eq(kpiMeasurementHistory.tenantId, tenantId),
        eq(kpiMeasurementHistory.measurementId, measurementId),
      ),
    )
    .orderBy(desc(kpiMeasurementHistory.correctedAt));
}

// Two probes a contract of the counts kept a contract and month (`kpi_rating_months`, its (tenant, contract,
// period) key), not an aggregate over every measurement: a council of 2,000 contracts holds 360,000 of them, and
// the board asks for hundreds of contracts at once. A month whose measurements all moved away keeps its row at
// nought, so only a month with a measurement counts.
const measuredMonth = sql`${kpiRatingMonths.tenantId} = ${kpis.tenantId} and ${kpiRatingMonths.contractId} = ${kpis.contractId}
  and ${sql.join(Object.values(kpiRatingMonthColumns), sql` + `)} > 0`;
const kpiFacts = factStatement((db, ofListed) =>
  db
    .select({
      contractId: kpis.contractId,
      count: count(),
      latest: sql<
        string | null
      >`(select max(${kpiRatingMonths.periodStart}) from ${kpiRatingMonths} where ${measuredMonth} and ${kpiRatingMonths.periodStart} <= ${sql.placeholder("today")}::date)::text`,
      lastMonth: sql<boolean>`exists (select 1 from ${kpiRatingMonths} where ${measuredMonth} and ${kpiRatingMonths.periodStart} = ${sql.placeholder("lastMonth")}::date)`,
    })
    .from(kpis)
    .where(
      and(eq(kpis.tenantId, sql.placeholder("tenantId")), isNull(kpis.archivedAt), ofListed(kpis.contractId)),
    )
    .groupBy(kpis.tenantId, kpis.contractId),
);

/**
 * The KPI facts the obligations engine reads, one row per contract with live KPIs: how many, the latest
 * measured period up to `today`, and `lastMonth` when it was measured (PA23 s.52, 004 §5, MFMA s.116(2)). A
 * period counts as measured by any of the contract's measurements, an archived KPI's too: archiving a KPI does
 * not undo the monitoring done with it.
 */
export async function listKpiFacts(
  tx: Tx,
  {
    tenantId,
    contractIds,
    lastMonth,
    today,
  }: { tenantId: string; contractIds?: string[]; lastMonth: string; today: string },
) {
  const rows = await kpiFacts(tx, { tenantId, contractIds, lastMonth, today });
  return rows.map((row) => ({
    contractId: row.contractId,
    count: row.count,
    measuredPeriods: [...(row.latest ? [row.latest] : []), ...(row.lastMonth ? [lastMonth] : [])],
  }));
}
