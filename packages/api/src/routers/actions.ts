import {
  type ActionRow,
  getAction,
  getActiveMembership,
  getImprovementPlan,
  getMeeting,
  insertAction,
  listActions,
  updateAction,
} from "@steward/db";
import {
  actionInput,
  actionStatuses,
  conflict,
  DomainError,
  idInput,
  isActionOverdue,
  notFound,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const changedMeanwhile = () =>
  conflict("Someone else changed this action meanwhile. Reload to see their changes.");

async function checkOwner(ctx: TenantContext, ownerUserId: string | null) {
  if (
    ownerUserId !== null &&
    !(await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId: ownerUserId }))
  ) {
    throw new DomainError("not_found", "Some answers need correcting: see the marked fields.", {
      "action.ownerUserId": "Choose an active member of this council.",
    });
  }
}

async function loadAction(ctx: TenantContext, actionId: string) {
  const action = await getAction(ctx.tx, { tenantId: ctx.tenantId, actionId });
  if (!action) throw notFound("That action");
  return action;
}

function actionRecord(action: ActionRow) {
  return {
    id: action.id,
    meetingId: action.meetingId,
    improvementPlanId: action.improvementPlanId,
    description: action.description,
    ownerParty: action.ownerParty,
    ownerUserId: action.ownerUserId,
    ownerName: action.ownerName,
    dueOn: action.dueOn,
    progressNote: action.progressNote,
  };
}

export const actionsRouter = router({
  /** The contract's action log across its meetings and improvement plans (004 §9), overdue ones marked. */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const rows = await listActions(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      const on = today();
      const actions = rows.map((action) => ({ ...action, overdue: isActionOverdue(action, on) }));
      return { actions, overdueCount: actions.filter((action) => action.overdue).length };
    }),

  /** Adds an action: agreed at a meeting, an item of an improvement plan, or on its own. */
  add: permittedProcedure("performance:write")
    .input(
      z.object({
        contractId: idInput,
        meetingId: idInput.nullable().default(null),
        improvementPlanId: idInput.nullable().default(null),
        action: actionInput,
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) =>
      once(ctx, input, "actions.add", async () => {
        await loadContract(ctx, input.contractId);
        if (input.meetingId !== null) {
          const meeting = await getMeeting(ctx.tx, { tenantId: ctx.tenantId, meetingId: input.meetingId });
          if (meeting?.contractId !== input.contractId) throw notFound("That meeting");
        }
        if (input.improvementPlanId !== null) {
          const plan = await getImprovementPlan(ctx.tx, {
            tenantId: ctx.tenantId,
            improvementPlanId: input.improvementPlanId,
          });
          if (plan?.contractId !== input.contractId) throw notFound("That improvement plan");
          if (plan.status === "closed")
            throw conflict("This improvement plan is closed: it takes no new items.");
        }
        await checkOwner(ctx, input.action.ownerUserId);
        const action = await insertAction(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          meetingId: input.meetingId,
          improvementPlanId: input.improvementPlanId,
          ...input.action,
          createdBy: ctx.user.id,
        });
        await ctx.audit({
          action: "action.added",
          entityType: "contract",
          entityId: input.contractId,
          after: actionRecord(action),
        });
        return { id: action.id };
      }),
    ),

  /** Edits what an action asks, its owner, due date or progress note. */
  update: permittedProcedure("performance:write")
    .input(z.object({ actionId: idInput, version: versionInput, action: actionInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadAction(ctx, input.actionId);
      await checkOwner(ctx, input.action.ownerUserId);
      const updated = await updateAction(ctx.tx, {
        tenantId: ctx.tenantId,
        actionId: before.id,
        version: input.version,
        values: input.action,
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "action.updated",
        entityType: "contract",
        entityId: before.contractId,
        before: actionRecord(before),
        after: actionRecord(updated),
      });
      return { version: updated.version };
    }),

  /** Marks an action done (today), cancelled, or open again. */
  setStatus: permittedProcedure("performance:write")
    .input(z.object({ actionId: idInput, version: versionInput, status: z.enum(actionStatuses) }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadAction(ctx, input.actionId);
      if (before.status === input.status) return { version: before.version };
      const completedOn = input.status === "done" ? today() : null;
      const updated = await updateAction(ctx.tx, {
        tenantId: ctx.tenantId,
        actionId: before.id,
        version: input.version,
        values: { status: input.status, completedOn },
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "action.status_changed",
        entityType: "contract",
        entityId: before.contractId,
        before: { actionId: before.id, status: before.status },
        after: { actionId: before.id, status: input.status, completedOn },
      });
      return { version: updated.version };
    }),
});
