import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../database.ts";
import { contractChanges, suppliers, users } from "../schema/index.ts";

export type ChangeRow = typeof contractChanges.$inferSelect;

const deciders = alias(users, "deciders");

/**
 * A contract's changes, oldest first, with the names of the people who requested and decided them and, for a
 * novation, of the supplier taking over.
 */
export async function listChanges(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select({
      change: contractChanges,
      requestedByName: users.name,
      decidedByName: deciders.name,
      newSupplierName: suppliers.name,
    })
    .from(contractChanges)
    .innerJoin(users, eq(users.id, contractChanges.requestedBy))
    .leftJoin(deciders, eq(deciders.id, contractChanges.decidedBy))
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contractChanges.tenantId), eq(suppliers.id, contractChanges.newSupplierId)),
    )
    .where(and(eq(contractChanges.tenantId, tenantId), eq(contractChanges.contractId, contractId)))
    .orderBy(asc(contractChanges.createdAt));
}

export async function getChange(tx: Tx, { tenantId, changeId }: { tenantId: string; changeId: string }) {
  const [row] = await tx
    .select()
    .from(contractChanges)
    .where(and(eq(contractChanges.tenantId, tenantId), eq(contractChanges.id, changeId)));
  return row ?? null;
}

export async function insertChange(tx: Tx, values: typeof contractChanges.$inferInsert) {
  const [row] = await tx.insert(contractChanges).values(values).returning();
  if (!row) throw new Error("insert returned no change");
  return row;
}

/** Updates a change at the version read (a decision, the MFMA s.116(3) steps); null when it moved on. */
export async function updateChange(
  tx: Tx,
  {
    tenantId,
    changeId,
    version,
    values,
  }: {
    tenantId: string;
    changeId: string;
    version: number;
    values: Partial<typeof contractChanges.$inferInsert>;
  },
) {
  const [row] = await tx
    .update(contractChanges)
    .set({ ...values, version: version + 1 })
    .where(
      and(
        eq(contractChanges.tenantId, tenantId),
        eq(contractChanges.id, changeId),
        eq(contractChanges.version, version),
      ),
    )
    .returning();
  return row ?? null;
}
