import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { contractChanges, users } from "../schema/index.ts";

export type ChangeRow = typeof contractChanges.$inferSelect;

export async function listChanges(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select({ change: contractChanges, requestedByName: users.name })
    .from(contractChanges)
    .innerJoin(users, eq(users.id, contractChanges.requestedBy))
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

export async function decideChange(
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
