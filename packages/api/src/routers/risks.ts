import { getActiveMembership, getRisk, insertRisk, listRisks, type RiskRow, updateRisk } from "@steward/db";
import {
  conflict,
  DomainError,
  idInput,
  isRiskReviewOverdue,
  notFound,
  riskBand,
  riskInput,
  riskScore,
  riskStatuses,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const changedMeanwhile = () =>
  conflict("Someone else changed this risk meanwhile. Reload to see their changes.");

async function checkOwner(ctx: TenantContext, ownerUserId: string | null) {
  if (
    ownerUserId !== null &&
    !(await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId: ownerUserId }))
  ) {
    throw new DomainError("not_found", "Some answers need correcting: see the marked fields.", {
      "risk.ownerUserId": "Choose an active member of this council.",
    });
  }
}

async function loadRisk(ctx: TenantContext, riskId: string) {
  const risk = await getRisk(ctx.tx, { tenantId: ctx.tenantId, riskId });
  if (!risk) throw notFound("That risk");
  return risk;
}

function riskRecord(risk: RiskRow) {
  return {
    id: risk.id,
    title: risk.title,
    description: risk.description,
    category: risk.category,
    likelihood: risk.likelihood,
    impact: risk.impact,
    ownerParty: risk.ownerParty,
    ownerUserId: risk.ownerUserId,
    ownerName: risk.ownerName,
    mitigation: risk.mitigation,
    reviewOn: risk.reviewOn,
    escalateToCorporate: risk.escalateToCorporate,
  };
}

export const risksRouter = router({
  /** The contract's joint risk register (004 §11.2): each risk's score, band, and whether its review is overdue. */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const rows = await listRisks(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      const on = today();
      return rows.map((risk) => {
        const score = riskScore(risk.likelihood, risk.impact);
        return { ...risk, score, band: riskBand(score), reviewOverdue: isRiskReviewOverdue(risk, on) };
      });
    }),

  record: permittedProcedure("performance:write")
    .input(z.object({ contractId: idInput, risk: riskInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "risks.record", async () => {
        await loadContract(ctx, input.contractId);
        await checkOwner(ctx, input.risk.ownerUserId);
        const risk = await insertRisk(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          ...input.risk,
          createdBy: ctx.user.id,
        });
        await ctx.audit({
          action: "risk.recorded",
          entityType: "contract",
          entityId: input.contractId,
          after: riskRecord(risk),
        });
        return { id: risk.id };
      }),
    ),

  /** Edits a risk; a review is an update with the next review date. */
  update: permittedProcedure("performance:write")
    .input(z.object({ riskId: idInput, version: versionInput, risk: riskInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadRisk(ctx, input.riskId);
      await checkOwner(ctx, input.risk.ownerUserId);
      const updated = await updateRisk(ctx.tx, {
        tenantId: ctx.tenantId,
        riskId: before.id,
        version: input.version,
        values: input.risk,
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "risk.updated",
        entityType: "contract",
        entityId: before.contractId,
        before: riskRecord(before),
        after: riskRecord(updated),
      });
      return { version: updated.version };
    }),

  /** Closes a risk that no longer applies (today), or reopens it. */
  setStatus: permittedProcedure("performance:write")
    .input(z.object({ riskId: idInput, version: versionInput, status: z.enum(riskStatuses) }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadRisk(ctx, input.riskId);
      if (before.status === input.status) return { version: before.version };
      const closedOn = input.status === "closed" ? today() : null;
      const updated = await updateRisk(ctx.tx, {
        tenantId: ctx.tenantId,
        riskId: before.id,
        version: input.version,
        values: { status: input.status, closedOn },
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "risk.status_changed",
        entityType: "contract",
        entityId: before.contractId,
        before: { riskId: before.id, status: before.status },
        after: { riskId: before.id, status: input.status, closedOn },
      });
      return { version: updated.version };
    }),
});
