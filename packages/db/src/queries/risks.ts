import { and, asc, desc, eq, sql } from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import { risks, users } from "../schema/index.ts";

export type RiskRow = typeof risks.$inferSelect;

/** A contract's joint risk register: open risks first, by review date; then closed ones, latest first. */
export async function listRisks(tx: Tx, { tenantId, contractId }: { tenantId: string; contractId: string }) {
  return tx
    .select({ risk: risks, ownerUserName: users.name })
    .from(risks)
    .leftJoin(users, eq(users.id, risks.ownerUserId))
    .where(and(eq(risks.tenantId, tenantId), eq(risks.contractId, contractId)))
    .orderBy(desc(risks.status), asc(risks.reviewOn), desc(risks.closedOn), asc(risks.createdAt))
    .then((rows) => rows.map((row) => ({ ...row.risk, ownerUserName: row.ownerUserName })));
}

export async function getRisk(tx: Tx, { tenantId, riskId }: { tenantId: string; riskId: string }) {
  const [row] = await tx
    .select()
    .from(risks)
    .where(and(eq(risks.tenantId, tenantId), eq(risks.id, riskId)));
  return row ?? null;
}

export async function insertRisk(tx: Tx, values: typeof risks.$inferInsert) {
  const [row] = await tx.insert(risks).values(values).returning();
  if (!row) throw new Error("insert returned no risk");
  return row;
}

export async function updateRisk(
  tx: Tx,
  {
    tenantId,
    riskId,
    version,
    values,
  }: { tenantId: string; riskId: string; version: number; values: Partial<typeof risks.$inferInsert> },
) {
  const [row] = await tx
    .update(risks)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(risks.tenantId, tenantId), eq(risks.id, riskId), eq(risks.version, version)))
    .returning();
  return row ?? null;
}

/** Every risk's status and review date, of some contracts or the whole council: the risk register's source. */
export async function listRiskFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return riskFacts(tx, { tenantId, contractIds });
}

const riskFacts = factStatement((db, ofListed) =>
  db
    .select({ contractId: risks.contractId, status: risks.status, reviewOn: risks.reviewOn })
    .from(risks)
    .where(and(eq(risks.tenantId, sql.placeholder("tenantId")), ofListed(risks.contractId))),
);
