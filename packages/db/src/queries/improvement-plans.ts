import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { actions, improvementPlans, kpis } from "../schema/index.ts";

export type ImprovementPlanRow = typeof improvementPlans.$inferSelect;

export async function insertImprovementPlan(tx: Tx, values: typeof improvementPlans.$inferInsert) {
  const [row] = await tx.insert(improvementPlans).values(values).returning();
  if (!row) throw new Error("insert returned no improvement plan");
  return row;
}

export async function getImprovementPlan(
  tx: Tx,
  { tenantId, improvementPlanId }: { tenantId: string; improvementPlanId: string },
) {
  const [row] = await tx
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.tenantId, tenantId), eq(improvementPlans.id, improvementPlanId)));
  return row ?? null;
}

/** A contract's plans, open ones first, newest first, with their items (actions) in due order. */
export async function listImprovementPlans(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const plans = await tx
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.tenantId, tenantId), eq(improvementPlans.contractId, contractId)))
    .orderBy(desc(improvementPlans.openedOn), desc(improvementPlans.createdAt));
  const ids = plans.map((plan) => plan.id);
  const items =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(actions)
          .where(and(eq(actions.tenantId, tenantId), inArray(actions.improvementPlanId, ids)))
          .orderBy(asc(actions.dueOn), asc(actions.createdAt));
  return plans.map((plan) => ({
    ...plan,
    items: items.filter((item) => item.improvementPlanId === plan.id),
  }));
}

export async function updateImprovementPlan(
  tx: Tx,
  {
    tenantId,
    improvementPlanId,
    version,
    values,
  }: {
    tenantId: string;
    improvementPlanId: string;
    version: number;
    values: Partial<typeof improvementPlans.$inferInsert>;
  },
) {
  const [row] = await tx
    .update(improvementPlans)
    .set({ ...values, version: version + 1 })
    .where(
      and(
        eq(improvementPlans.tenantId, tenantId),
        eq(improvementPlans.id, improvementPlanId),
        eq(improvementPlans.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

/** Whether the KPI is one of the contract's (a plan opened from an Inadequate KPI names one of its own). */
export async function isKpiOfContract(
  tx: Tx,
  { tenantId, contractId, kpiId }: { tenantId: string; contractId: string; kpiId: string },
) {
  const [row] = await tx
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(eq(kpis.tenantId, tenantId), eq(kpis.contractId, contractId), eq(kpis.id, kpiId)));
  return row !== undefined;
}
