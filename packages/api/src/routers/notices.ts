import { insertContractNotice, listContractNotices } from "@steward/db";
import { contractNoticeInput, contractNoticeRefusal, idInput, invalid } from "@steward/domain";
import { z } from "zod";
import { loadContract, publicContractOf, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router } from "../init.ts";

/**
 * The Contract Performance and Termination Notices (PA23 s.71, s.80) the council published for a contract on the
 * Central Digital Platform, recorded here so the duties that ask for them are tracked.
 */
export const noticesRouter = router({
  /** A contract's recorded notices, latest published first. */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      return listContractNotices(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
    }),

  /** Records a notice as published: an English public contract's, on today or an earlier day. */
  record: permittedProcedure("contracts:write")
    .input(contractNoticeInput.extend({ idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "notices.record", async () => {
        const [contract, council] = await Promise.all([loadContract(ctx, input.contractId), ctx.council()]);
        const refusal = contractNoticeRefusal(
          input,
          { jurisdiction: council.jurisdiction, publicContract: publicContractOf(contract, council) },
          today(),
        );
        if (refusal) throw invalid(refusal.message, { [refusal.field]: refusal.message });
        const notice = await insertContractNotice(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          kind: input.kind,
          publishedOn: input.publishedOn,
          reference: input.reference,
          recordedBy: ctx.user.id,
        });
        await ctx.audit({
          action: "contract_notice.recorded",
          entityType: "contract",
          entityId: input.contractId,
          after: {
            noticeId: notice.id,
            kind: input.kind,
            publishedOn: input.publishedOn,
            reference: input.reference,
          },
        });
        return { id: notice.id };
      }),
    ),
});
