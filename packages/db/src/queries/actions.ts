import { and, asc, eq, isNull, lt, type SQL } from "drizzle-orm";
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
