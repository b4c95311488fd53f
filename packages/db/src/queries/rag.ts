import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  isNull,
  lt,
  lte,
  ne,
  notInArray,
  or,
  type Placeholder,
  sql,
} from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import { contracts, improvementPlans, kpiMeasurements, kpis, ragEntries, users } from "../schema/index.ts";

export type RagEntryRow = typeof ragEntries.$inferSelect;

/** 004 §12.3: the RAG entries of a contract from `from` (a month's first day) on, oldest first, with who set each. */
export async function listRagEntries(
  tx: Tx,
  { tenantId, contractId, from }: { tenantId: string; contractId: string; from: string },
) {
  return tx
    .select({
      id: ragEntries.id,
      month: ragEntries.month,
      status: ragEntries.status,
      commentary: ragEntries.commentary,
      suggested: ragEntries.suggested,
      setByName: users.name,
      setAt: ragEntries.setAt,
      version: ragEntries.version,
    })
    .from(ragEntries)
    .innerJoin(users, eq(users.id, ragEntries.setBy))
    .where(
      and(
        eq(ragEntries.tenantId, tenantId),
        eq(ragEntries.contractId, contractId),
        gte(ragEntries.month, from),
      ),
    )
    .orderBy(asc(ragEntries.month));
}

export async function getRagEntry(
  tx: Tx,
  { tenantId, contractId, month }: { tenantId: string; contractId: string; month: string },
) {
  const [row] = await tx
    .select()
    .from(ragEntries)
    .where(
      and(
        eq(ragEntries.tenantId, tenantId),
        eq(ragEntries.contractId, contractId),
        eq(ragEntries.month, month),
      ),
    );
  return row ?? null;
}

/** A month not set before; null when another request set it meanwhile (the contract-month key). */
export async function insertRagEntry(tx: Tx, values: typeof ragEntries.$inferInsert) {
  const [row] = await tx.insert(ragEntries).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Replaces a month's entry if it is still at `version`; null when it changed or is gone. */
export async function updateRagEntry(
  tx: Tx,
  {
    tenantId,
    entryId,
    version,
    values,
  }: {
    tenantId: string;
    entryId: string;
    version: number;
    values: Pick<typeof ragEntries.$inferInsert, "status" | "commentary" | "suggested" | "setBy">;
  },
) {
  const [row] = await tx
    .update(ragEntries)
    .set({ ...values, setAt: sql`now()`, version: version + 1 })
    .where(
      and(eq(ragEntries.tenantId, tenantId), eq(ragEntries.id, entryId), eq(ragEntries.version, version)),
    )
    .returning();
  return row ?? null;
}

/**
 * The obligations engine's `monthly_rag` source for the whole council (or `contractIds`): each contract's
 * months with a status from `since` on. The rule reads only last month, so `since` keeps it to two months a
 * contract (the (tenant, month) index).
 */
export async function listRagMonths(
  tx: Tx,
  { tenantId, since, contractIds }: { tenantId: string; since: string; contractIds?: string[] | undefined },
) {
  return ragMonthFacts(tx, { tenantId, since, contractIds });
}

const ragMonthFacts = factStatement((db, ofListed) =>
  db
    .select({ contractId: ragEntries.contractId, month: ragEntries.month })
    .from(ragEntries)
    .where(
      and(
        eq(ragEntries.tenantId, sql.placeholder("tenantId")),
        gte(ragEntries.month, sql.placeholder("since")),
        ofListed(ragEntries.contractId),
      ),
    ),
);

/** Joins a contract to its RAG entry for `month` (its first day), if it has one. */
export function ragEntryOfMonth(month: string | Placeholder) {
  return and(
    eq(ragEntries.tenantId, contracts.tenantId),
    eq(ragEntries.contractId, contracts.id),
    eq(ragEntries.month, month),
  );
}

/** Contracts that owe a RAG for a month: live, not ended, started before the month was over. */
export function owingRagFor(tenantId: string | Placeholder, month: string | Placeholder) {
  return and(
    eq(contracts.tenantId, tenantId),
    isNull(contracts.archivedAt),
    notInArray(contracts.status, ["expired", "terminated"]),
    or(
      isNull(contracts.startDate),
      lt(contracts.startDate, sql`(${month}::date + interval '1 month')::date`),
    ),
  );
}

/**
 * 004 §12.3: the council's contracts with no RAG for `month` (a month's first day), with their manager (null when
 * none is named), for the list on the board and the reminder to managers (the jobs helper's e-mail).
 * A contract that starts in the month owes its first RAG for it (the obligations engine's rule).
 */
export async function listContractsMissingRag(
  tx: Tx,
  { tenantId, month }: { tenantId: string; month: string },
) {
  const rows = await tx
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      tier: contracts.tier,
      serviceArea: contracts.serviceArea,
      managerId: users.id,
      managerName: users.name,
      managerEmail: users.email,
    })
    .from(contracts)
    .leftJoin(users, eq(users.id, contracts.contractManagerId))
    .leftJoin(ragEntries, ragEntryOfMonth(month))
    .where(and(owingRagFor(tenantId, month), isNull(ragEntries.id)))
    .orderBy(asc(users.name), asc(contracts.reference));
  return rows.map(({ managerId, managerName, managerEmail, ...contract }) => ({
    ...contract,
    manager:
      managerId !== null && managerName !== null && managerEmail !== null
        ? { id: managerId, name: managerName, email: managerEmail }
        : null,
  }));
}

/**
 * What the suggested RAG of a month reads besides the obligations: the contract's live KPIs, their measurements
 * whose period may cover the month (an annual one starts up to 11 months before it), and its improvement plans
 * not yet closed.
 */
export async function getRagSuggestionFacts(
  tx: Tx,
  { tenantId, contractId, month }: { tenantId: string; contractId: string; month: string },
) {
  const [kpiRows, measurements, plans] = await Promise.all([
    tx
      .select({ id: kpis.id, name: kpis.name, frequency: kpis.frequency })
      .from(kpis)
      .where(and(eq(kpis.tenantId, tenantId), eq(kpis.contractId, contractId), isNull(kpis.archivedAt)))
      .orderBy(asc(kpis.position), asc(kpis.name)),
    tx
      .select({
        kpiId: kpiMeasurements.kpiId,
        periodStart: kpiMeasurements.periodStart,
        rating: kpiMeasurements.rating,
      })
      .from(kpiMeasurements)
      .where(
        and(
          eq(kpiMeasurements.tenantId, tenantId),
          eq(kpiMeasurements.contractId, contractId),
          gt(kpiMeasurements.periodStart, sql`(${month}::date - interval '1 year')::date`),
          lte(kpiMeasurements.periodStart, month),
        ),
      )
      .orderBy(desc(kpiMeasurements.periodStart)),
    tx
      .select({ id: improvementPlans.id, title: improvementPlans.title, status: improvementPlans.status })
      .from(improvementPlans)
      .where(
        and(
          eq(improvementPlans.tenantId, tenantId),
          eq(improvementPlans.contractId, contractId),
          ne(improvementPlans.status, "closed"),
        ),
      ),
  ]);
  return {
    kpis: kpiRows,
    measurements,
    improvementPlans: plans.flatMap((plan) =>
      plan.status === "closed" ? [] : [{ id: plan.id, title: plan.title, status: plan.status }],
    ),
  };
}
