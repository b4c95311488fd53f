import { and, asc, desc, eq, isNull, lt, type SQL } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { actions, contracts, users } from "../schema/index.ts";

export type ActionRow = typeof actions.$inferSelect;

/**
 * Open actions past their due date (due before `today`; 004 §9 action log), oldest first, with the contract's
 * reference and title and the owner's name: for a contract (`contractId`), for one owner's home
 * (`ownerUserId`), or for the whole council (neither, the board). Archived contracts are left out.
 */
export async function listOverdueActions(
  tx: Tx,
  {
    tenantId,
    today,
    contractId,
    ownerUserId,
    limit = 200,
  }: { tenantId: string; today: string; contractId?: string; ownerUserId?: string; limit?: number },
) {
  const filters: SQL[] = [
    eq(actions.tenantId, tenantId),
    eq(actions.status, "open"),
    lt(actions.dueOn, today),
  ];
  if (contractId !== undefined) filters.push(eq(actions.contractId, contractId));
  if (ownerUserId !== undefined) filters.push(eq(actions.ownerUserId, ownerUserId));
  return tx
    .select({
      id: actions.id,
      contractId: actions.contractId,
      contractReference: contracts.reference,
      contractTitle: contracts.title,
      meetingId: actions.meetingId,
      improvementPlanId: actions.improvementPlanId,
      description: actions.description,
      ownerParty: actions.ownerParty,
      ownerUserId: actions.ownerUserId,
      ownerName: actions.ownerName,
      ownerUserName: users.name,
      dueOn: actions.dueOn,
    })
    .from(actions)
    .innerJoin(contracts, and(eq(contracts.tenantId, actions.tenantId), eq(contracts.id, actions.contractId)))
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .where(and(...filters, isNull(contracts.archivedAt)))
    .orderBy(asc(actions.dueOn), asc(actions.createdAt))
    .limit(limit);
}

/** A contract's action log across its meetings and improvement plans: open first by due date, then the rest. */
export async function listActions(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select({ action: actions, ownerUserName: users.name })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .where(and(eq(actions.tenantId, tenantId), eq(actions.contractId, contractId)))
    .orderBy(desc(eq(actions.status, "open")), asc(actions.dueOn), asc(actions.createdAt))
    .then((rows) => rows.map((row) => ({ ...row.action, ownerUserName: row.ownerUserName })));
}

export async function getAction(tx: Tx, { tenantId, actionId }: { tenantId: string; actionId: string }) {
  const [row] = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.tenantId, tenantId), eq(actions.id, actionId)));
  return row ?? null;
}

export async function insertAction(tx: Tx, values: typeof actions.$inferInsert) {
  const [row] = await tx.insert(actions).values(values).returning();
  if (!row) throw new Error("insert returned no action");
  return row;
}

export async function updateAction(
  tx: Tx,
  {
    tenantId,
    actionId,
    version,
    values,
  }: { tenantId: string; actionId: string; version: number; values: Partial<typeof actions.$inferInsert> },
) {
  const [row] = await tx
    .update(actions)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(actions.tenantId, tenantId), eq(actions.id, actionId), eq(actions.version, version)))
    .returning();
  return row ?? null;
}
