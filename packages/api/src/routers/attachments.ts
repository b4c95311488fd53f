import { createHash } from "node:crypto";
import {
  attachmentOwnerExists,
  deleteAttachment,
  getAttachment,
  insertAttachment,
  listAttachments,
} from "@steward/db";
import {
  attachmentListInput,
  attachmentMaxBytes,
  attachmentTooLarge,
  attachmentUploadInput,
  idInput,
  invalid,
  newId,
  notFound,
} from "@steward/domain";
import { z } from "zod";
import { loadContract } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

/**
 * Files attached to a contract's records (issue 8 §10): evidence for a measurement, minutes of a meeting, the
 * plan, a monitoring report, the close-out. The bytes travel as base64 inside the tRPC call (so the session,
 * the council and the permission are checked by the same ladder as everything else) and are kept by the
 * storage the server was configured with (`ctx.attachments`).
 */
async function loadOwner(
  ctx: Pick<TenantContext, "tx" | "tenantId">,
  input: z.infer<typeof attachmentListInput>,
) {
  await loadContract(ctx, input.contractId);
  const exists = await attachmentOwnerExists(ctx.tx, { tenantId: ctx.tenantId, ...input });
  if (!exists) throw notFound("The record to attach the file to");
}

export const attachmentsRouter = router({
  list: permittedProcedure("contracts:read")
    .input(attachmentListInput)
    .query(async ({ ctx, input }) => {
      await loadOwner(ctx, input);
      return listAttachments(ctx.tx, { tenantId: ctx.tenantId, ...input });
    }),

  upload: permittedProcedure("performance:write")
    .input(attachmentUploadInput.extend({ idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "attachments.upload", async () => {
        const { contractId, ownerType, ownerId } = input;
        await loadOwner(ctx, { contractId, ownerType, ownerId });
        const bytes = Buffer.from(input.contentBase64, "base64");
        if (bytes.length > attachmentMaxBytes) {
          throw invalid(attachmentTooLarge(bytes.length), {
            contentBase64: attachmentTooLarge(bytes.length),
          });
        }
        const storageKey = newId();
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        await ctx.attachments.put(ctx.tx, { tenantId: ctx.tenantId, storageKey }, bytes);
        const attachment = await insertAttachment(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId,
          ownerType,
          ownerId,
          fileName: input.fileName,
          contentType: input.contentType,
          sizeBytes: bytes.length,
          sha256,
          storageKey,
          uploadedBy: ctx.user.id,
        });
        await ctx.audit({
          action: "attachment.added",
          entityType: "contract",
          entityId: contractId,
          after: {
            attachmentId: attachment.id,
            ownerType,
            ownerId,
            fileName: attachment.fileName,
            sizeBytes: attachment.sizeBytes,
            sha256,
          },
        });
        return { id: attachment.id };
      }),
    ),

  /** The file's bytes (base64) with its name and type, for the page to save. */
  download: permittedProcedure("contracts:read")
    .input(z.object({ attachmentId: idInput }))
    .query(async ({ ctx, input }) => {
      const attachment = await getAttachment(ctx.tx, {
        tenantId: ctx.tenantId,
        attachmentId: input.attachmentId,
      });
      if (!attachment) throw notFound("That file");
      const bytes = await ctx.attachments.get(ctx.tx, {
        tenantId: ctx.tenantId,
        storageKey: attachment.storageKey,
      });
      if (!bytes) throw notFound("That file's content");
      return {
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        contentBase64: Buffer.from(bytes).toString("base64"),
      };
    }),

  remove: permittedProcedure("performance:write")
    .input(z.object({ attachmentId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const removed = await deleteAttachment(ctx.tx, {
        tenantId: ctx.tenantId,
        attachmentId: input.attachmentId,
      });
      if (!removed) throw notFound("That file");
      const key = { tenantId: ctx.tenantId, storageKey: removed.storageKey };
      // An external store cannot roll back: its bytes go only once the row's removal is committed. Should that
      // fail, the object is left unreferenced (no row names it, so no one can read it through Steward).
      if (ctx.attachments.transactional) await ctx.attachments.remove(ctx.tx, key);
      else ctx.afterCommit(() => void ctx.attachments.remove(ctx.tx, key).catch(() => undefined));
      await ctx.audit({
        action: "attachment.removed",
        entityType: "contract",
        entityId: removed.contractId,
        before: {
          attachmentId: removed.id,
          ownerType: removed.ownerType,
          ownerId: removed.ownerId,
          fileName: removed.fileName,
          sizeBytes: removed.sizeBytes,
          sha256: removed.sha256,
        },
      });
      return { removed: true };
    }),
});
