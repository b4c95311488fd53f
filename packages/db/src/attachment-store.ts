import { and, eq } from "drizzle-orm";
import type { Tx } from "./database.ts";
import { attachmentBlobs } from "./schema/index.ts";

/**
 * Where attachments' bytes live (issue 8 §10, DESIGN §9): one interface, PostgreSQL by default, an
 * S3-compatible store by configuration (apps/api). The `attachments` row (name, type, size, SHA-256, owner)
 * is always in PostgreSQL; the store keeps only the bytes, under the row's `storageKey`, within its council.
 *
 * `transactional` says whether the store writes inside the request's transaction: PostgreSQL's does, so a
 * failed request leaves no bytes behind; an external store's writes stand even if the transaction rolls back,
 * so its deletions wait for the commit (a rolled-back upload leaves an unreferenced object, never a row
 * without its bytes).
 */
export interface AttachmentStore {
  readonly kind: "postgres" | "s3";
  readonly transactional: boolean;
  put(tx: Tx, key: { tenantId: string; storageKey: string }, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when the store holds nothing under the key (in this council). */
  get(tx: Tx, key: { tenantId: string; storageKey: string }): Promise<Uint8Array | null>;
  remove(tx: Tx, key: { tenantId: string; storageKey: string }): Promise<void>;
}

/** The default store: `attachment_blobs`, a tenant table under RLS like every other. */
export const postgresAttachmentStore: AttachmentStore = {
  kind: "postgres",
  transactional: true,
  async put(tx, { tenantId, storageKey }, bytes) {
    await tx.insert(attachmentBlobs).values({ tenantId, storageKey, bytes: Buffer.from(bytes) });
  },
  async get(tx, { tenantId, storageKey }) {
    const [row] = await tx
      .select({ bytes: attachmentBlobs.bytes })
      .from(attachmentBlobs)
      .where(and(eq(attachmentBlobs.tenantId, tenantId), eq(attachmentBlobs.storageKey, storageKey)));
    return row ? new Uint8Array(row.bytes) : null;
  },
  async remove(tx, { tenantId, storageKey }) {
    await tx
      .delete(attachmentBlobs)
      .where(and(eq(attachmentBlobs.tenantId, tenantId), eq(attachmentBlobs.storageKey, storageKey)));
  },
};
