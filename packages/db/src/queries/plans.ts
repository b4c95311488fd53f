import { and, desc, eq, max, sql } from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import { managementPlanReviews, managementPlans, monitoringReports, users } from "../schema/index.ts";

export type ManagementPlanRow = typeof managementPlans.$inferSelect;
export type MonitoringReportRow = typeof monitoringReports.$inferSelect;

export async function getManagementPlan(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const [row] = await tx
    .select()
    .from(managementPlans)
    .where(and(eq(managementPlans.tenantId, tenantId), eq(managementPlans.contractId, contractId)));
  return row ?? null;
}

/** The contract's first plan; null when it already has one (a second writer lost the race). */
export async function insertManagementPlan(tx: Tx, values: typeof managementPlans.$inferInsert) {
  const [row] = await tx.insert(managementPlans).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Updates the plan if it is still at `version`; null when it changed meanwhile. */
export async function updateManagementPlan(
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
    values: Partial<typeof managementPlans.$inferInsert>;
  },
) {
  const [row] = await tx
    .update(managementPlans)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(managementPlans.tenantId, tenantId),
        eq(managementPlans.contractId, contractId),
        eq(managementPlans.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertManagementPlanReview(tx: Tx, values: typeof managementPlanReviews.$inferInsert) {
  const [row] = await tx.insert(managementPlanReviews).values(values).returning();
  if (!row) throw new Error("the plan review was not inserted");
  return row;
}

/** The plan's review log, latest first, with each reviewer's name. */
export async function listManagementPlanReviews(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select({
      id: managementPlanReviews.id,
      reviewedOn: managementPlanReviews.reviewedOn,
      note: managementPlanReviews.note,
      reviewedBy: managementPlanReviews.reviewedBy,
      reviewerName: users.name,
    })
    .from(managementPlanReviews)
    .innerJoin(users, eq(users.id, managementPlanReviews.reviewedBy))
    .where(
      and(eq(managementPlanReviews.tenantId, tenantId), eq(managementPlanReviews.contractId, contractId)),
    )
    .orderBy(desc(managementPlanReviews.reviewedOn), desc(managementPlanReviews.createdAt));
}

/**
 * The obligations engine's `managementPlan` source (004 §5) for the council's contracts (or `contractIds`):
 * each plan's agreed date and its latest review. A contract without a row has no plan.
 */
export async function listManagementPlanFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return managementPlanFacts(tx, { tenantId, contractIds });
}

const managementPlanFacts = factStatement((db, ofListed) =>
  db
    .select({
      contractId: managementPlans.contractId,
      agreedOn: managementPlans.agreedOn,
      lastReviewedOn: max(managementPlanReviews.reviewedOn),
    })
    .from(managementPlans)
    .leftJoin(
      managementPlanReviews,
      and(
        eq(managementPlanReviews.tenantId, managementPlans.tenantId),
        eq(managementPlanReviews.contractId, managementPlans.contractId),
      ),
    )
    .where(
      and(eq(managementPlans.tenantId, sql.placeholder("tenantId")), ofListed(managementPlans.contractId)),
    )
    .groupBy(managementPlans.contractId, managementPlans.agreedOn),
);

/** A contract's monitoring reports, latest first, with the assessor's name. */
export async function listMonitoringReports(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select({ report: monitoringReports, assessorName: users.name })
    .from(monitoringReports)
    .leftJoin(users, eq(users.id, monitoringReports.assessedBy))
    .where(and(eq(monitoringReports.tenantId, tenantId), eq(monitoringReports.contractId, contractId)))
    .orderBy(desc(monitoringReports.receivedOn), desc(monitoringReports.createdAt));
}

export async function getMonitoringReport(
  tx: Tx,
  { tenantId, reportId }: { tenantId: string; reportId: string },
) {
  const [row] = await tx
    .select()
    .from(monitoringReports)
    .where(and(eq(monitoringReports.tenantId, tenantId), eq(monitoringReports.id, reportId)));
  return row ?? null;
}

export async function insertMonitoringReport(tx: Tx, values: typeof monitoringReports.$inferInsert) {
  const [row] = await tx.insert(monitoringReports).values(values).returning();
  if (!row) throw new Error("the monitoring report was not inserted");
  return row;
}

export async function updateMonitoringReport(
  tx: Tx,
  {
    tenantId,
    reportId,
    version,
    values,
  }: {
    tenantId: string;
    reportId: string;
    version: number;
    values: Partial<typeof monitoringReports.$inferInsert>;
  },
) {
  const [row] = await tx
    .update(monitoringReports)
    .set({ ...values, version: version + 1 })
    .where(
      and(
        eq(monitoringReports.tenantId, tenantId),
        eq(monitoringReports.id, reportId),
        eq(monitoringReports.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

/** The obligations engine's `monitoringReports` source (004 §5, High tier): when each report was received. */
export async function listMonitoringReportFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return monitoringReportFacts(tx, { tenantId, contractIds });
}

const monitoringReportFacts = factStatement((db, ofListed) =>
  db
    .select({ contractId: monitoringReports.contractId, receivedOn: monitoringReports.receivedOn })
    .from(monitoringReports)
    .where(
      and(
        eq(monitoringReports.tenantId, sql.placeholder("tenantId")),
        ofListed(monitoringReports.contractId),
      ),
    ),
);
