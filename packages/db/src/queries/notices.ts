import { and, desc, eq, sql } from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import { contractNotices, users } from "../schema/index.ts";

/** The Contract Performance and Termination Notices a contract's council recorded (PA23 s.71, s.80). */

export async function insertContractNotice(tx: Tx, values: typeof contractNotices.$inferInsert) {
  const [row] = await tx.insert(contractNotices).values(values).returning();
  if (!row) throw new Error("the contract notice was not inserted");
  return row;
}

/** A contract's notices, latest published first, with who recorded each. */
export async function listContractNotices(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select({
      id: contractNotices.id,
      kind: contractNotices.kind,
      publishedOn: contractNotices.publishedOn,
      reference: contractNotices.reference,
      recordedByName: users.name,
      createdAt: contractNotices.createdAt,
    })
    .from(contractNotices)
    .innerJoin(users, eq(users.id, contractNotices.recordedBy))
    .where(and(eq(contractNotices.tenantId, tenantId), eq(contractNotices.contractId, contractId)))
    .orderBy(desc(contractNotices.publishedOn), desc(contractNotices.createdAt));
}

const noticeFacts = factStatement((db, ofListed) =>
  db
    .select({
      contractId: contractNotices.contractId,
      kind: contractNotices.kind,
      publishedOn: contractNotices.publishedOn,
    })
    .from(contractNotices)
    .where(
      and(eq(contractNotices.tenantId, sql.placeholder("tenantId")), ofListed(contractNotices.contractId)),
    ),
);

/** What the obligations engine reads of the notices (DESIGN §4): which, and when published, per contract. */
export async function listNoticeFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return noticeFacts(tx, { tenantId, contractIds });
}
