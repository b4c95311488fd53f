import {
  getImprovementPlan,
  type ImprovementPlanRow,
  insertImprovementPlan,
  isKpiOfContract,
  listImprovementPlans,
  updateImprovementPlan,
} from "@steward/db";
import {
  conflict,
  escalationNoteInput,
  idInput,
  improvementPlanClosureInput,
  improvementPlanProgress,
  invalid,
  notFound,
  openImprovementPlanInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const changedMeanwhile = () =>
  conflict("Someone else changed this improvement plan meanwhile. Reload to see their changes.");

async function loadPlan(ctx: Pick<TenantContext, "tx" | "tenantId">, improvementPlanId: string) {
  const plan = await getImprovementPlan(ctx.tx, { tenantId: ctx.tenantId, improvementPlanId });
  if (!plan) throw notFound("That improvement plan");
  return plan;
}

export const improvementPlansRouter = router({
  /** A contract's improvement plans (004 §5), each with its items and progress. */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const plans = await listImprovementPlans(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
      });
      const on = today();
      return plans.map((plan) => ({ ...plan, progress: improvementPlanProgress(plan.items, on) }));
    }),

  /** Opens a plan from a Red month, an Inadequate KPI or another failure (004 §5). */
  open: permittedProcedure("performance:write")
    .input(openImprovementPlanInput.and(z.object({ idempotencyKey })))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "improvementPlans.open", async () => {
        await loadContract(ctx, input.contractId);
        if (
          input.triggerKpiId !== null &&
          !(await isKpiOfContract(ctx.tx, {
            tenantId: ctx.tenantId,
            contractId: input.contractId,
            kpiId: input.triggerKpiId,
          }))
        ) {
          throw invalid("That KPI is not one of this contract's.", {
            triggerKpiId: "Choose one of this contract's KPIs.",
          });
        }
        const plan = await insertImprovementPlan(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          trigger: input.trigger,
          triggerMonth: input.triggerMonth,
          triggerKpiId: input.triggerKpiId,
          title: input.title,
          reason: input.reason,
          openedBy: ctx.user.id,
          openedOn: today(),
        });
        await ctx.audit({
          action: "improvement_plan.opened",
          entityType: "contract",
          entityId: plan.contractId,
          after: planRecord(plan),
        });
        return { id: plan.id };
      }),
    ),

  /** 004 §9: escalates an open plan to the contract's SRO, recording what is asked of them. */
  escalate: permittedProcedure("performance:write")
    .input(z.object({ improvementPlanId: idInput, version: versionInput, note: escalationNoteInput }))
    .mutation(async ({ ctx, input }) => {
      const plan = await loadPlan(ctx, input.improvementPlanId);
      if (plan.status !== "open") {
        throw conflict(
          plan.status === "closed"
            ? "This improvement plan is closed."
            : "This improvement plan is already escalated to the SRO.",
        );
      }
      const contract = await loadContract(ctx, plan.contractId);
      if (contract.sroId === null) {
        throw invalid(
          "Name the contract's Senior Responsible Officer first: the plan is escalated to them.",
          {
            note: "This contract has no Senior Responsible Officer to escalate to.",
          },
        );
      }
      const escalatedOn = today();
      const updated = await updateImprovementPlan(ctx.tx, {
        tenantId: ctx.tenantId,
        improvementPlanId: plan.id,
        version: input.version,
        values: { status: "escalated", escalatedOn, escalatedTo: contract.sroId, escalationNote: input.note },
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "improvement_plan.escalated",
        entityType: "contract",
        entityId: plan.contractId,
        after: {
          improvementPlanId: plan.id,
          escalatedOn,
          escalatedTo: contract.sroId,
          escalationNote: input.note,
        },
      });
      return { version: updated.version };
    }),

  /** 004 §5: closes a plan with its outcome: recovered, a formal change, or termination. */
  close: permittedProcedure("performance:write")
    .input(
      z.object({ improvementPlanId: idInput, version: versionInput, closure: improvementPlanClosureInput }),
    )
    .mutation(async ({ ctx, input }) => {
      const plan = await loadPlan(ctx, input.improvementPlanId);
      if (plan.status === "closed") throw conflict("This improvement plan is already closed.");
      const closedOn = today();
      const updated = await updateImprovementPlan(ctx.tx, {
        tenantId: ctx.tenantId,
        improvementPlanId: plan.id,
        version: input.version,
        values: { status: "closed", closedOn, ...input.closure },
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "improvement_plan.closed",
        entityType: "contract",
        entityId: plan.contractId,
        after: { improvementPlanId: plan.id, closedOn, ...input.closure },
      });
      return { version: updated.version };
    }),
});

function planRecord(plan: ImprovementPlanRow) {
  return {
    id: plan.id,
    title: plan.title,
    reason: plan.reason,
    trigger: plan.trigger,
    triggerMonth: plan.triggerMonth,
    triggerKpiId: plan.triggerKpiId,
    openedOn: plan.openedOn,
  };
}
