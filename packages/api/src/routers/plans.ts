import {
  getManagementPlan,
  getMonitoringReport,
  insertManagementPlan,
  insertManagementPlanReview,
  insertMonitoringReport,
  listManagementPlanReviews,
  listMonitoringReports,
  updateManagementPlan,
  updateMonitoringReport,
} from "@steward/db";
import {
  conflict,
  idInput,
  invalid,
  type ManagementPlanInput,
  managementPlanReviewInput,
  monitoringAssessmentInput,
  monitoringReportInput,
  notFound,
  planNextReviewOn,
  planReviewDateProblem,
  saveManagementPlanInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router } from "../init.ts";

const planChanged = () =>
  conflict("Someone else changed this plan meanwhile. Reload to see their changes, then make yours again.");

const planFields = [
  "monitoring",
  "governance",
  "milestones",
  "paymentSchedule",
  "escalation",
  "exitPlan",
  "agreedOn",
] as const satisfies readonly (keyof ManagementPlanInput)[];

/** The fields that differ, before and after, for the audit event. */
function changedFields(before: ManagementPlanInput, after: ManagementPlanInput) {
  const changed = planFields.filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  const pick = (plan: ManagementPlanInput) =>
    Object.fromEntries(changed.map((field) => [field, plan[field]])) as Partial<ManagementPlanInput>;
  return { before: pick(before), after: pick(after), changed: changed.length > 0 };
}

function planInputOf(row: ManagementPlanInput): ManagementPlanInput {
  return {
    monitoring: row.monitoring,
    governance: row.governance,
    milestones: row.milestones,
    paymentSchedule: row.paymentSchedule,
    escalation: row.escalation,
    exitPlan: row.exitPlan,
    agreedOn: row.agreedOn,
  };
}

export const plansRouter = router({
  /**
   * The contract management plan (004 §5–6) with its review log, when it is next due for review, and whether
   * the contract's tier needs a plan (Medium, High) and supplier monitoring reports (High).
   */
  get: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const scope = { tenantId: ctx.tenantId, contractId: input.contractId };
      const [plan, reviews] = await Promise.all([
        getManagementPlan(ctx.tx, scope),
        listManagementPlanReviews(ctx.tx, scope),
      ]);
      return {
        tier: contract.tier,
        planRequired: contract.tier === "high" || contract.tier === "medium",
        monitoringReportsRequired: contract.tier === "high",
        plan,
        reviews,
      };
    }),

  /** Writes the contract's plan, or updates it at the version read. */
  save: permittedProcedure("performance:write")
    .input(saveManagementPlanInput)
    .mutation(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const scope = { tenantId: ctx.tenantId, contractId: input.contractId };
      const existing = await getManagementPlan(ctx.tx, scope);
      if (input.version === null) {
        if (existing) throw planChanged();
        const created = await insertManagementPlan(ctx.tx, {
          ...scope,
          ...input.plan,
          nextReviewOn: planNextReviewOn(contract.tier, null, input.plan.agreedOn),
        });
        if (!created) throw planChanged();
        await ctx.audit({
          action: "plan.created",
          entityType: "contract",
          entityId: input.contractId,
          after: input.plan,
        });
        return { version: created.version };
      }
      if (!existing) throw notFound("That contract management plan");
      const reviews = await listManagementPlanReviews(ctx.tx, scope);
      const updated = await updateManagementPlan(ctx.tx, {
        ...scope,
        version: input.version,
        values: {
          ...input.plan,
          nextReviewOn: planNextReviewOn(contract.tier, reviews[0]?.reviewedOn ?? null, input.plan.agreedOn),
        },
      });
      if (!updated) throw planChanged();
      const diff = changedFields(planInputOf(existing), input.plan);
      if (diff.changed) {
        await ctx.audit({
          action: "plan.updated",
          entityType: "contract",
          entityId: input.contractId,
          before: diff.before,
          after: diff.after,
        });
      }
      return { version: updated.version };
    }),

  /**
   * Records a review of the plan (004 §5: High at least 6-monthly, Medium yearly) in its review log and moves
   * its next review date on from it.
   */
  review: permittedProcedure("performance:write")
    .input(managementPlanReviewInput)
    .mutation(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const scope = { tenantId: ctx.tenantId, contractId: input.contractId };
      const plan = await getManagementPlan(ctx.tx, scope);
      if (!plan) throw notFound("That contract management plan");
      const problem = planReviewDateProblem(input.reviewedOn, plan.agreedOn, today());
      if (problem) throw invalid(problem, { reviewedOn: problem });
      const reviews = await listManagementPlanReviews(ctx.tx, scope);
      const latest = [input.reviewedOn, ...reviews.map((review) => review.reviewedOn)].sort().at(-1);
      const nextReviewOn = planNextReviewOn(contract.tier, latest ?? null, plan.agreedOn);
      const updated = await updateManagementPlan(ctx.tx, {
        ...scope,
        version: input.version,
        values: { nextReviewOn },
      });
      if (!updated) throw planChanged();
      const review = await insertManagementPlanReview(ctx.tx, {
        ...scope,
        reviewedOn: input.reviewedOn,
        reviewedBy: ctx.user.id,
        note: input.note,
      });
      await ctx.audit({
        action: "plan.reviewed",
        entityType: "contract",
        entityId: input.contractId,
        after: { reviewId: review.id, reviewedOn: input.reviewedOn, note: input.note, nextReviewOn },
      });
      return { version: updated.version, nextReviewOn };
    }),

  /** The supplier's monitoring reports (004 §5, High tier), latest first, with their assessments. */
  reports: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const rows = await listMonitoringReports(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
      });
      return rows.map(({ report, assessorName }) => ({ ...report, assessorName }));
    }),

  recordReport: permittedProcedure("performance:write")
    .input(z.object({ contractId: idInput, report: monitoringReportInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "plans.recordReport", async () => {
        await loadContract(ctx, input.contractId);
        if (input.report.receivedOn > today()) {
          const message = "Record a report once it has been received: give today's date or an earlier one.";
          throw invalid(message, { "report.receivedOn": message });
        }
        const report = await insertMonitoringReport(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          ...input.report,
        });
        await ctx.audit({
          action: "monitoring_report.received",
          entityType: "contract",
          entityId: input.contractId,
          after: { ...input.report, reportId: report.id },
        });
        return { id: report.id };
      }),
    ),

  /** The contract manager's assessment of a report: satisfactory, some concerns (with what), unsatisfactory. */
  assessReport: permittedProcedure("performance:write")
    .input(monitoringAssessmentInput)
    .mutation(async ({ ctx, input }) => {
      const report = await getMonitoringReport(ctx.tx, { tenantId: ctx.tenantId, reportId: input.reportId });
      if (!report) throw notFound("That monitoring report");
      if (input.assessedOn < report.receivedOn || input.assessedOn > today()) {
        const message =
          "Give the day the report was assessed: on or after it was received, and not later than today.";
        throw invalid(message, { assessedOn: message });
      }
      const updated = await updateMonitoringReport(ctx.tx, {
        tenantId: ctx.tenantId,
        reportId: input.reportId,
        version: input.version,
        values: {
          assessment: input.assessment,
          assessmentNote: input.assessmentNote,
          assessedOn: input.assessedOn,
          assessedBy: ctx.user.id,
        },
      });
      if (!updated)
        throw conflict("Someone else changed this report meanwhile. Reload to see their changes.");
      await ctx.audit({
        action: "monitoring_report.assessed",
        entityType: "contract",
        entityId: report.contractId,
        after: {
          reportId: report.id,
          assessment: input.assessment,
          assessmentNote: input.assessmentNote,
          assessedOn: input.assessedOn,
        },
      });
      return { version: updated.version };
    }),
});
