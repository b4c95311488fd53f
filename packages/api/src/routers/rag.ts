import {
  getRagEntry,
  getRagSuggestionFacts,
  insertRagEntry,
  listContractsMissingRag,
  listRagEntries,
  updateRagEntry,
} from "@steward/db";
import {
  conflict,
  firstOfMonth,
  forbidden,
  idInput,
  invalid,
  kpiRatingsForMonth,
  monthInput,
  type RagSuggestion,
  ragDueMonth,
  ragEntryInput,
  ragMonthProblem,
  ragSetterProblem,
  ragStripMonths,
  suggestRag,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { complianceOf, loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

/** The months a contract's strip shows: two years up to this month. */
const stripLength = 24;

/**
 * 004 §12.3: the suggested RAG of a month for one contract, from its KPI ratings for the month, the obligations
 * overdue today (the monthly RAG itself left out: setting the status meets it) and its open improvement plans.
 */
export async function suggestionFor(
  ctx: Pick<TenantContext, "tx" | "tenantId" | "council">,
  contractId: string,
  month: string,
): Promise<RagSuggestion> {
  const [facts, { compliance }] = await Promise.all([
    getRagSuggestionFacts(ctx.tx, { tenantId: ctx.tenantId, contractId, month }),
    complianceOf(ctx, [contractId]),
  ]);
  const obligations = compliance.get(contractId)?.obligations ?? [];
  return suggestRag({
    kpis: kpiRatingsForMonth(facts.kpis, facts.measurements, month),
    overdueObligations: obligations.filter(
      (obligation) => obligation.status === "overdue" && obligation.key !== "monthly_rag",
    ),
    improvementPlans: facts.improvementPlans,
  });
}

function checkMonth(month: string, startDate: string | null) {
  const problem = ragMonthProblem(month, today(), startDate);
  if (problem) throw invalid(problem, { month: problem });
}

export const ragRouter = router({
  /**
   * A contract's strip of months (two years up to this month, none before its start), each with its status and
   * commentary when set, the month a RAG is due for (last month), and why the viewer may not set it (null when
   * they may).
   */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const on = today();
      const months = ragStripMonths(firstOfMonth(on), stripLength, contract.startDate);
      const entries = await listRagEntries(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        from: months[0] ?? firstOfMonth(on),
      });
      const byMonth = new Map(entries.map((entry) => [entry.month, entry]));
      return {
        dueMonth: ragDueMonth(on),
        setterProblem: ragSetterProblem({ role: ctx.role, userId: ctx.user.id }, contract),
        months: months.map((month) => ({ month, entry: byMonth.get(month) ?? null })),
      };
    }),

  /** The suggested RAG of a month, with its reasons, and the status already set for it (if any). */
  suggest: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput, month: monthInput }))
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      checkMonth(input.month, contract.startDate);
      const [suggestion, entry] = await Promise.all([
        suggestionFor(ctx, input.contractId, input.month),
        getRagEntry(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId, month: input.month }),
      ]);
      return { month: input.month, suggestion, entry };
    }),

  /**
   * Sets a month's status (004 §12.3), commentary required for Amber and Red. `version` null sets a month not
   * set before; otherwise it names the entry read, and a change meanwhile is CONFLICT. The suggestion is
   * computed again and kept with the entry, so the board sees what the manager was shown.
   */
  set: permittedProcedure("performance:write")
    .input(
      z.object({
        contractId: idInput,
        month: monthInput,
        version: versionInput.nullable().default(null),
        entry: ragEntryInput,
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) =>
      once(ctx, input, "rag.set", async () => {
        const contract = await loadContract(ctx, input.contractId);
        if (contract.archivedAt !== null) {
          throw invalid("This contract is archived: restore it before setting its RAG status.");
        }
        const setterProblem = ragSetterProblem({ role: ctx.role, userId: ctx.user.id }, contract);
        if (setterProblem) throw forbidden(setterProblem);
        checkMonth(input.month, contract.startDate);
        const key = { tenantId: ctx.tenantId, contractId: input.contractId, month: input.month };
        const [suggested, before] = await Promise.all([
          suggestionFor(ctx, input.contractId, input.month),
          getRagEntry(ctx.tx, key),
        ]);
        const values = { ...input.entry, suggested, setBy: ctx.user.id };
        const setMeanwhile = () =>
          conflict("Someone else set this month's status meanwhile. Reload to see it before changing it.");
        let saved: Awaited<ReturnType<typeof insertRagEntry>>;
        if (input.version === null) {
          if (before) throw setMeanwhile();
          saved = await insertRagEntry(ctx.tx, { ...key, ...values });
        } else {
          if (!before) throw setMeanwhile();
          saved = await updateRagEntry(ctx.tx, {
            tenantId: ctx.tenantId,
            entryId: before.id,
            version: input.version,
            values,
          });
        }
        if (!saved) throw setMeanwhile();
        const record = (row: NonNullable<typeof saved>) => ({
          month: row.month,
          status: row.status,
          commentary: row.commentary,
          suggested: row.suggested,
        });
        await ctx.audit({
          action: "rag.set",
          entityType: "contract",
          entityId: input.contractId,
          before: before ? record(before) : null,
          after: record(saved),
        });
        return { id: saved.id, version: saved.version, suggested };
      }),
    ),

  /** 004 §12.3: the council's contracts with no RAG for a month (last month unless named), with their managers. */
  missing: permittedProcedure("contracts:read")
    .input(z.object({ month: monthInput.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const month = input.month ?? ragDueMonth(today());
      const contracts = await listContractsMissingRag(ctx.tx, { tenantId: ctx.tenantId, month });
      return {
        month,
        contracts: contracts.map(({ manager, ...contract }) => ({
          ...contract,
          manager: manager && { id: manager.id, name: manager.name },
        })),
      };
    }),
});
