import type { AttachmentOwner } from "@steward/domain";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import {
  attachments,
  closeOuts,
  improvementPlans,
  kpiMeasurements,
  managementPlans,
  meetings,
  monitoringReports,
  risks,
  users,
} from "../schema/index.ts";

export type AttachmentRow = typeof attachments.$inferSelect;

/**
 * Whether the record a file is attached to exists in this council and belongs to the contract. The plan and
 * the close-out are one per contract, so their owner id is the contract's id.
 */
export async function attachmentOwnerExists(
  tx: Tx,
  {
    tenantId,
    contractId,
    ownerType,
    ownerId,
  }: { tenantId: string; contractId: string; ownerType: AttachmentOwner; ownerId: string },
): Promise<boolean> {
  const byId = {
    measurement: kpiMeasurements,
    meeting: meetings,
    improvement_plan: improvementPlans,
    risk: risks,
    monitoring_report: monitoringReports,
  } as const;
  if (ownerType === "management_plan" || ownerType === "close_out") {
    if (ownerId !== contractId) return false;
    const table = ownerType === "management_plan" ? managementPlans : closeOuts;
    const rows = await tx
      .select({ contractId: table.contractId })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), eq(table.contractId, contractId)));
    return rows.length > 0;
  }
  const table = byId[ownerType];
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, ownerId), eq(table.contractId, contractId)));
  return rows.length > 0;
}

export async function insertAttachment(tx: Tx, values: typeof attachments.$inferInsert) {
  const [row] = await tx.insert(attachments).values(values).returning();
  if (!row) throw new Error("the attachment was not inserted");
  return row;
}

/** The files attached to one record, newest first, with the uploader's name; never the bytes. */
export async function listAttachments(
  tx: Tx,
  {
    tenantId,
    contractId,
    ownerType,
    ownerId,
  }: { tenantId: string; contractId: string; ownerType: AttachmentOwner; ownerId: string },
) {
  return tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
      uploadedBy: attachments.uploadedBy,
      uploaderName: users.name,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(
      and(
        eq(attachments.tenantId, tenantId),
        eq(attachments.contractId, contractId),
        eq(attachments.ownerType, ownerType),
        eq(attachments.ownerId, ownerId),
      ),
    )
    .orderBy(desc(attachments.createdAt));
}

export async function getAttachment(
  tx: Tx,
  { tenantId, attachmentId }: { tenantId: string; attachmentId: string },
) {
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, attachmentId)));
  return row ?? null;
}

/** Removes the attachment's row; the router removes its bytes from the store. Null when it was gone. */
export async function deleteAttachment(
  tx: Tx,
  { tenantId, attachmentId }: { tenantId: string; attachmentId: string },
) {
  const [row] = await tx
    .delete(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, attachmentId)))
    .returning();
  return row ?? null;
}
