import { asc } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { ragReminders, tenants } from "../schema/index.ts";

/**
 * Records that the council's RAG reminder for `month` is sent, in the transaction that queues its mail. Null when
 * it already was: a second job for the same council and month waits on the first's key and then sends nothing.
 */
export async function recordRagReminder(
  tx: Tx,
  values: { tenantId: string; month: string; contracts: number; recipients: number },
) {
  const [row] = await tx.insert(ragReminders).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Every council with its settings, for the daily job that queues each council's reminder (never for a request). */
export async function listCouncilSettings(tx: Tx) {
  return tx.select({ id: tenants.id, settings: tenants.settings }).from(tenants).orderBy(asc(tenants.id));
}
