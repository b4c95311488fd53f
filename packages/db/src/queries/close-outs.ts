import type { KpiRating } from "@steward/domain";
import { and, asc, count, desc, eq, isNull, like, sql } from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import { closeOuts, contracts, kpiMeasurements, kpis, lessons, suppliers, users } from "../schema/index.ts";
import { likePattern } from "./search.ts";

export type CloseOutRow = typeof closeOuts.$inferSelect;

export async function getCloseOut(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const [row] = await tx
    .select()
    .from(closeOuts)
    .where(and(eq(closeOuts.tenantId, tenantId), eq(closeOuts.contractId, contractId)));
  return row ?? null;
}

/** The contract's close-out, started; null when it already has one (a second writer lost the race). */
export async function insertCloseOut(tx: Tx, values: typeof closeOuts.$inferInsert) {
  const [row] = await tx.insert(closeOuts).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/**
 * The obligations engine's `closeOut` source (004 §6): each close-out started and not yet completed, with how
 * many checklist items it has and how many are done, for the council's contracts (or `contractIds`).
 */
export async function listCloseOutFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return closeOutFacts(tx, { tenantId, contractIds });
}

const closeOutFacts = factStatement((db, ofListed) =>
  db
    .select({
      contractId: closeOuts.contractId,
      items: sql<number>`jsonb_array_length(${closeOuts.checklist})`.mapWith(Number),
      itemsDone: sql<number>`(select count(*) from jsonb_array_elements(${closeOuts.checklist}) item
        where (item->>'done')::boolean)`.mapWith(Number),
      evaluationWritten: sql<boolean>`${closeOuts.finalEvaluation} is not null`,
    })
    .from(closeOuts)
    .where(
      and(
        eq(closeOuts.tenantId, sql.placeholder("tenantId")),
        isNull(closeOuts.completedOn),
        ofListed(closeOuts.contractId),
      ),
    ),
);

/** Updates the close-out if it is still at `version` and not completed; null otherwise. */
export async function updateCloseOut(
  tx: Tx,
  {
    tenantId,
    contractId,
    version,
    values,
  }: {
    tenantId: string;
    contractId: string;
    version: number;
    values: Partial<typeof closeOuts.$inferInsert>;
  },
) {
  const [row] = await tx
    .update(closeOuts)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(closeOuts.tenantId, tenantId),
        eq(closeOuts.contractId, contractId),
        eq(closeOuts.version, version),
        isNull(closeOuts.completedOn),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * 004 §6: a completed close-out closes the contract: its lifecycle stage becomes "closed" (a new contract
 * version, so an edit made from the page read before fails with a conflict). Returns the stage it had.
 */
export async function closeContract(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const [before] = await tx
    .select({ lifecycleStage: contracts.lifecycleStage })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, contractId)))
    .for("update");
  if (!before) return null;
  await tx
    .update(contracts)
    .set({ lifecycleStage: "closed", version: sql`${contracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, contractId)));
  return before.lifecycleStage;
}

/**
 * Each of the contract's KPIs (archived ones too: they were part of its life) with how many of its
 * measurements got each rating, and its latest period's rating: what the final evaluation reads.
 */
export async function listKpiRecords(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const [kpiRows, ratingRows, latestRows] = await Promise.all([
    tx
      .select({ kpiId: kpis.id, name: kpis.name })
      .from(kpis)
      .where(and(eq(kpis.tenantId, tenantId), eq(kpis.contractId, contractId)))
      .orderBy(asc(kpis.position), asc(kpis.name)),
    tx
      .select({ kpiId: kpiMeasurements.kpiId, rating: kpiMeasurements.rating, count: count() })
      .from(kpiMeasurements)
      .where(and(eq(kpiMeasurements.tenantId, tenantId), eq(kpiMeasurements.contractId, contractId)))
      .groupBy(kpiMeasurements.kpiId, kpiMeasurements.rating),
    tx
      .selectDistinctOn([kpiMeasurements.kpiId], {
        kpiId: kpiMeasurements.kpiId,
        rating: kpiMeasurements.rating,
        periodStart: kpiMeasurements.periodStart,
      })
      .from(kpiMeasurements)
      .where(and(eq(kpiMeasurements.tenantId, tenantId), eq(kpiMeasurements.contractId, contractId)))
      .orderBy(kpiMeasurements.kpiId, desc(kpiMeasurements.periodStart)),
  ]);
  return kpiRows.map((kpi) => {
    const ratings: Partial<Record<KpiRating, number>> = {};
    for (const row of ratingRows) if (row.kpiId === kpi.kpiId) ratings[row.rating] = row.count;
    const latest = latestRows.find((row) => row.kpiId === kpi.kpiId);
    return {
      ...kpi,
      ratings,
      latestRating: latest?.rating ?? null,
      latestPeriod: latest?.periodStart ?? null,
    };
  });
}

export async function insertLesson(tx: Tx, values: typeof lessons.$inferInsert) {
  const [row] = await tx.insert(lessons).values(values).returning();
  if (!row) throw new Error("the lesson was not inserted");
  return row;
}

/**
 * Lessons learned across the council (or of one contract), newest first, with the contract and supplier they
 * came from, matching `search` in their title or text (case ignored, taken literally).
 */
export async function listLessons(
  tx: Tx,
  {
    tenantId,
    contractId,
    search,
    limit,
  }: { tenantId: string; contractId?: string; search?: string; limit: number },
) {
  return tx
    .select({
      id: lessons.id,
      title: lessons.title,
      body: lessons.body,
      createdAt: lessons.createdAt,
      authorName: users.name,
      contractId: lessons.contractId,
      contractReference: contracts.reference,
      contractTitle: contracts.title,
      supplierName: suppliers.name,
    })
    .from(lessons)
    .innerJoin(contracts, and(eq(contracts.tenantId, lessons.tenantId), eq(contracts.id, lessons.contractId)))
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
    )
    .innerJoin(users, eq(users.id, lessons.createdBy))
    .where(
      and(
        eq(lessons.tenantId, tenantId),
        contractId ? eq(lessons.contractId, contractId) : undefined,
        search ? like(lessons.searchText, sql`lower(${likePattern(search)})`) : undefined,
      ),
    )
    .orderBy(desc(lessons.createdAt))
    .limit(limit);
}
