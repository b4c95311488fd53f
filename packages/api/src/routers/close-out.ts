import { closeContract, getCloseOut, insertCloseOut, listKpiRecords, updateCloseOut } from "@steward/db";
import {
  type CloseOutInput,
  closeOutCompletionProblems,
  completeCloseOutInput,
  conflict,
  defaultExitChecklist,
  evaluateKpis,
  idInput,
  invalid,
  notFound,
  saveCloseOutInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { permittedProcedure, router } from "../init.ts";

const closeOutChanged = () =>
  conflict(
    "Someone else changed this close-out meanwhile. Reload to see their changes, then make yours again.",
  );
const alreadyCompleted = () =>
  invalid("This close-out is complete and the contract is closed: it can no longer be changed.");

const inputOf = (row: CloseOutInput): CloseOutInput => ({
  checklist: row.checklist,
  finalEvaluation: row.finalEvaluation,
});

export const closeOutRouter = router({
  /**
   * The contract's close-out (004 §6, 001 §8): the exit checklist (004 §6's activities until one is saved),
   * the final evaluation, and the KPIs' record over the contract's life to write it from.
   */
  get: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const scope = { tenantId: ctx.tenantId, contractId: input.contractId };
      const [closeOut, records, council] = await Promise.all([
        getCloseOut(ctx.tx, scope),
        listKpiRecords(ctx.tx, scope),
        ctx.council(),
      ]);
      return {
        lifecycleStage: contract.lifecycleStage,
        closeOut,
        suggestedChecklist: defaultExitChecklist(council.jurisdiction),
        evaluation: evaluateKpis(records),
      };
    }),

  /** Saves the checklist and the evaluation as they stand (the first save starts the close-out). */
  save: permittedProcedure("performance:write")
    .input(saveCloseOutInput)
    .mutation(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const scope = { tenantId: ctx.tenantId, contractId: input.contractId };
      const existing = await getCloseOut(ctx.tx, scope);
      if (existing?.completedOn) throw alreadyCompleted();
      let version: number;
      if (input.version === null) {
        if (existing) throw closeOutChanged();
        const created = await insertCloseOut(ctx.tx, { ...scope, ...input.closeOut });
        if (!created) throw closeOutChanged();
        version = created.version;
      } else {
        if (!existing) throw notFound("That close-out");
        const updated = await updateCloseOut(ctx.tx, {
          ...scope,
          version: input.version,
          values: input.closeOut,
        });
        if (!updated) throw closeOutChanged();
        version = updated.version;
      }
      await ctx.audit({
        action: "close_out.saved",
        entityType: "contract",
        entityId: input.contractId,
        before: existing ? inputOf(existing) : null,
        after: input.closeOut,
      });
      return { version };
    }),

  /**
   * Completes the close-out once every checklist item is done and the final evaluation is written; the
   * contract's lifecycle stage becomes closed (004 §6), which meets its close-out obligation.
   */
  complete: permittedProcedure("performance:write")
    .input(completeCloseOutInput)
    .mutation(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const scope = { tenantId: ctx.tenantId, contractId: input.contractId };
      const existing = await getCloseOut(ctx.tx, scope);
      if (!existing) throw notFound("That close-out");
      if (existing.completedOn) throw alreadyCompleted();
      const problems = closeOutCompletionProblems(inputOf(existing));
      if (Object.keys(problems).length > 0) {
        throw invalid("The close-out cannot be completed yet: see the marked items.", problems);
      }
      const completedOn = today();
      const updated = await updateCloseOut(ctx.tx, {
        ...scope,
        version: input.version,
        values: { completedOn, completedBy: ctx.user.id },
      });
      if (!updated) throw closeOutChanged();
      const stageBefore = await closeContract(ctx.tx, scope);
      if (stageBefore === null) throw notFound("That contract");
      await ctx.audit({
        action: "close_out.completed",
        entityType: "contract",
        entityId: input.contractId,
        before: { lifecycleStage: stageBefore },
        after: { lifecycleStage: "closed", completedOn },
      });
      return { version: updated.version };
    }),
});
