import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { invoices } from "../schema/index.ts";

export type InvoiceRow = typeof invoices.$inferSelect;

export async function listInvoices(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  return tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.contractId, contractId)))
    .orderBy(desc(invoices.receivedOn), desc(invoices.createdAt));
}

export async function insertInvoice(tx: Tx, values: typeof invoices.$inferInsert) {
  const [row] = await tx.insert(invoices).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateInvoice(
  tx: Tx,
  {
    tenantId,
    invoiceId,
    version,
    values,
  }: { tenantId: string; invoiceId: string; version: number; values: Partial<typeof invoices.$inferInsert> },
) {
  const [row] = await tx
    .update(invoices)
    .set({ ...values, version: version + 1 })
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.id, invoiceId), eq(invoices.version, version)))
    .returning();
  return row ?? null;
}

export async function getInvoice(tx: Tx, { tenantId, invoiceId }: { tenantId: string; invoiceId: string }) {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.id, invoiceId)));
  return row ?? null;
}
