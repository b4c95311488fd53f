import { and, asc, count, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Tx } from "../database.ts";
import {
  actions,
  contracts,
  improvementPlans,
  kpiRatingMonthColumns,
  kpiRatingMonths,
  managementPlans,
  meetings,
  ragEntries,
  risks,
  users,
} from "../schema/index.ts";
import { idIn } from "./bulk.ts";
import { owingRagFor, ragEntryOfMonth } from "./rag.ts";

/**
 * The council's board view (004 §12.3: the Contract Assurance Board reviews the Performance Tracker and "invite[s]
 * Contract Managers with any Amber/Red statuses") and the contract manager's home. Each query reads one table
 * family for the whole council or for a set of contracts, on an index that leads with the tenant, so the board
 * stays fast at thousands of contracts.
 */

const managers = alias(users, "managers");
const live = (tenantId: string) => and(eq(contracts.tenantId, tenantId), isNull(contracts.archivedAt));
const ofContract = (table: { tenantId: AnyPgColumn; contractId: AnyPgColumn }) =>
  and(eq(contracts.tenantId, table.tenantId), eq(contracts.id, table.contractId));

/**
 * A page of the live contracts rated Amber or Red for `month`, Red first, with its manager and commentary; each
 * row carries how many there are in all (`total`).
 */
export async function listFlaggedContracts(
  tx: Tx,
  { tenantId, month, limit, offset }: { tenantId: string; month: string; limit: number; offset: number },
) {
  return tx
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      tier: contracts.tier,
      serviceArea: contracts.serviceArea,
      managerId: contracts.contractManagerId,
      managerName: managers.name,
      status: ragEntries.status,
      commentary: ragEntries.commentary,
      suggested: ragEntries.suggested,
      setAt: ragEntries.setAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(ragEntries)
    .innerJoin(contracts, ofContract(ragEntries))
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(
      and(
        eq(ragEntries.tenantId, tenantId),
        eq(ragEntries.month, month),
        inArray(ragEntries.status, ["amber", "red"]),
        live(tenantId),
      ),
    )
    .orderBy(sql`${ragEntries.status} = 'red' desc`, asc(contracts.reference), asc(contracts.id))
    .limit(limit)
    .offset(offset);
}

/**
 * The contracts that owe a RAG for `month`, counted by tier, service area and the month's status (null: not set):
 * the board's counts by tier and by service area.
 */
export async function countContractsByRag(tx: Tx, { tenantId, month }: { tenantId: string; month: string }) {
  return tx
    .select({
      tier: contracts.tier,
      serviceArea: contracts.serviceArea,
      status: ragEntries.status,
      contracts: count(),
    })
    .from(contracts)
    .leftJoin(ragEntries, ragEntryOfMonth(month))
    .where(owingRagFor(tenantId, month))
    .groupBy(contracts.tier, contracts.serviceArea, ragEntries.status);
}

/**
 * Some contracts' KPI measurements for periods starting `from` to `to`, counted per contract, period and rating
 * (PR24 reg 39(5)): the board's KPI trend, read from the counts kept a contract and month.
 */
export async function countRatingsByMonth(
  tx: Tx,
  { tenantId, contractIds, from, to }: { tenantId: string; contractIds: string[]; from: string; to: string },
) {
  if (contractIds.length === 0) return [];
  const rows = await tx
    .select({
      contractId: kpiRatingMonths.contractId,
      periodStart: kpiRatingMonths.periodStart,
      ...kpiRatingMonthColumns,
    })
    .from(kpiRatingMonths)
    .where(
      and(
        eq(kpiRatingMonths.tenantId, tenantId),
        idIn(kpiRatingMonths.contractId, contractIds),
        gte(kpiRatingMonths.periodStart, from),
        lte(kpiRatingMonths.periodStart, to),
      ),
    );
  return rows.map(({ contractId, periodStart, ...counts }) => ({ contractId, periodStart, counts }));
}

/** Some contracts' RAG statuses from `from` to `to` (the board's strip of recent months). */
export async function listRagHistory(
  tx: Tx,
  { tenantId, contractIds, from, to }: { tenantId: string; contractIds: string[]; from: string; to: string },
) {
  if (contractIds.length === 0) return [];
  return tx
    .select({ contractId: ragEntries.contractId, month: ragEntries.month, status: ragEntries.status })
    .from(ragEntries)
    .where(
      and(
        eq(ragEntries.tenantId, tenantId),
        idIn(ragEntries.contractId, contractIds),
        gte(ragEntries.month, from),
        lte(ragEntries.month, to),
      ),
    );
}

/** Open actions past their due date, counted per contract, for some contracts. */
export async function countOverdueActions(
  tx: Tx,
  { tenantId, contractIds, today }: { tenantId: string; contractIds: string[]; today: string },
) {
  if (contractIds.length === 0) return [];
  return tx
    .select({ contractId: actions.contractId, overdue: count() })
    .from(actions)
    .where(
      and(
        eq(actions.tenantId, tenantId),
        eq(actions.status, "open"),
        lt(actions.dueOn, today),
        idIn(actions.contractId, contractIds),
      ),
    )
    .groupBy(actions.contractId);
}

/** The board's lists of what is due show the first hundred, soonest first: a pack longer than that is unread. */
export const dueListLimit = 100;

const contractColumns = {
  contractId: contracts.id,
  reference: contracts.reference,
  title: contracts.title,
  managerName: managers.name,
};

/** Improvement plans not yet closed, on live contracts (or `contractIds`), oldest first. */
export async function listOpenImprovementPlans(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return tx
    .select({
      ...contractColumns,
      id: improvementPlans.id,
      title: improvementPlans.title,
      status: improvementPlans.status,
      openedOn: improvementPlans.openedOn,
      escalatedOn: improvementPlans.escalatedOn,
    })
    .from(improvementPlans)
    .innerJoin(contracts, ofContract(improvementPlans))
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(
      and(
        eq(improvementPlans.tenantId, tenantId),
        ne(improvementPlans.status, "closed"),
        live(tenantId),
        contractIds ? idIn(improvementPlans.contractId, contractIds) : undefined,
      ),
    )
    .orderBy(asc(improvementPlans.openedOn))
    .limit(dueListLimit);
}

/** Contract management plans whose next review falls on or before `dueBy` (004 §5), soonest first. */
export async function listPlanReviewsDue(
  tx: Tx,
  { tenantId, dueBy, contractIds }: { tenantId: string; dueBy: string; contractIds?: string[] },
) {
  return tx
    .select({ ...contractColumns, dueOn: managementPlans.nextReviewOn })
    .from(managementPlans)
    .innerJoin(contracts, ofContract(managementPlans))
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(
      and(
        eq(managementPlans.tenantId, tenantId),
        lte(managementPlans.nextReviewOn, dueBy),
        live(tenantId),
        contractIds ? idIn(managementPlans.contractId, contractIds) : undefined,
      ),
    )
    .orderBy(asc(managementPlans.nextReviewOn))
    .limit(dueListLimit);
}

/** Open risks whose review falls on or before `dueBy` (004 §11.2), soonest first (the partial review index). */
export async function listRiskReviewsDue(
  tx: Tx,
  { tenantId, dueBy, contractIds }: { tenantId: string; dueBy: string; contractIds?: string[] },
) {
  return tx
    .select({
      ...contractColumns,
      id: risks.id,
      title: risks.title,
      likelihood: risks.likelihood,
      impact: risks.impact,
      dueOn: risks.reviewOn,
    })
    .from(risks)
    .innerJoin(contracts, ofContract(risks))
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(
      and(
        eq(risks.tenantId, tenantId),
        eq(risks.status, "open"),
        lte(risks.reviewOn, dueBy),
        live(tenantId),
        contractIds ? idIn(risks.contractId, contractIds) : undefined,
      ),
    )
    .orderBy(asc(risks.reviewOn))
    .limit(dueListLimit);
}

/** Meetings planned on or before `dueBy` and not yet held (past ones are overdue), soonest first. */
export async function listMeetingsDue(
  tx: Tx,
  { tenantId, dueBy, contractIds }: { tenantId: string; dueBy: string; contractIds?: string[] },
) {
  return tx
    .select({
      ...contractColumns,
      id: meetings.id,
      type: meetings.type,
      dueOn: meetings.scheduledOn,
    })
    .from(meetings)
    .innerJoin(contracts, ofContract(meetings))
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        isNull(meetings.heldOn),
        isNull(meetings.cancelledOn),
        lte(meetings.scheduledOn, dueBy),
        live(tenantId),
        contractIds ? idIn(meetings.contractId, contractIds) : undefined,
      ),
    )
    .orderBy(asc(meetings.scheduledOn))
    .limit(dueListLimit);
}

/**
 * A member's contracts (as contract manager or SRO), live and not ended, with the month's RAG status (null when
 * not set): the home's "my contracts".
 */
export async function listMyContracts(
  tx: Tx,
  { tenantId, userId, month }: { tenantId: string; userId: string; month: string },
) {
  return tx
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      tier: contracts.tier,
      startDate: contracts.startDate,
      managerId: contracts.contractManagerId,
      sroId: contracts.sroId,
      status: ragEntries.status,
    })
    .from(contracts)
    .leftJoin(ragEntries, ragEntryOfMonth(month))
    .where(
      and(
        live(tenantId),
        or(eq(contracts.contractManagerId, userId), eq(contracts.sroId, userId)),
        sql`${contracts.status} not in ('expired', 'terminated')`,
      ),
    )
    .orderBy(asc(contracts.reference));
}

/**
 * Open actions due on or before `dueBy` that a member owns or that sit on their contracts, soonest first
 * (overdue ones first of all): the home's overdue actions and what is due this week.
 */
export async function listMyOpenActions(
  tx: Tx,
  {
    tenantId,
    userId,
    contractIds,
    dueBy,
  }: { tenantId: string; userId: string; contractIds: string[]; dueBy: string },
) {
  const owners = alias(users, "owners");
  return tx
    .select({
      id: actions.id,
      contractId: actions.contractId,
      reference: contracts.reference,
      description: actions.description,
      ownerParty: actions.ownerParty,
      ownerName: sql<string>`coalesce(${owners.name}, ${actions.ownerName}, '')`,
      mine: sql<boolean>`${actions.ownerUserId} is not distinct from ${userId}::uuid`,
      dueOn: actions.dueOn,
    })
    .from(actions)
    .innerJoin(contracts, ofContract(actions))
    .leftJoin(owners, eq(owners.id, actions.ownerUserId))
    .where(
      and(
        eq(actions.tenantId, tenantId),
        eq(actions.status, "open"),
        lte(actions.dueOn, dueBy),
        contractIds.length > 0
          ? or(eq(actions.ownerUserId, userId), idIn(actions.contractId, contractIds))
          : eq(actions.ownerUserId, userId),
        isNull(contracts.archivedAt),
      ),
    )
    .orderBy(asc(actions.dueOn))
    .limit(200);
}
