import {
  countContractsByRag,
  countOverdueActions,
  countRatingsByMonth,
  dueListLimit,
  listFlaggedContracts,
  listMeetingsDue,
  listMyContracts,
  listMyOpenActions,
  listOpenImprovementPlans,
  listPlanReviewsDue,
  listRagHistory,
  listRiskReviewsDue,
} from "@steward/db";
import {
  addDays,
  firstOfMonth,
  kpiTrends,
  monthInput,
  pageInput,
  pageSizeInput,
  type RagStatus,
  ragCountsBy,
  ragDueMonth,
  ragStripMonths,
} from "@steward/domain";
import { z } from "zod";
import { complianceOf, today } from "../contract-facts.ts";
import { permittedProcedure, router } from "../init.ts";

/**
 * The Amber and Red contracts a page of the board shows. A council of 2,000 contracts can have hundreds flagged;
 * each costs its trend, strip and obligations, so they come a page at a time (up to 200 for a printed pack).
 */
const flaggedPageSize = 25;
/** The months of the board's trend and strip: the half year up to the board's month. */
const trendLength = 6;
/** The home's "this week": today and the six days after it. */
const weekDays = 6;

export const boardRouter = router({
  /**
   * The Contract Assurance Board's view of a month (last month unless named; 004 §12.3): the Amber and Red
   * contracts, a page at a time, Red first, each with its manager, commentary, KPI trend, recent months and
   * overdue obligations and actions; the
   * contracts counted by tier and by service area; improvement plans open, and plan reviews, risk reviews and
   * meetings due within the council's "due soon" days.
   */
  view: permittedProcedure("contracts:read")
    .input(
      z
        .object({
          month: monthInput.optional(),
          page: pageInput.default(1),
          pageSize: pageSizeInput.default(flaggedPageSize),
        })
        .default({ page: 1, pageSize: flaggedPageSize }),
    )
    .query(async ({ ctx, input }) => {
      const on = today();
      const month = input.month ?? ragDueMonth(on);
      const council = await ctx.council();
      const dueBy = addDays(on, council.settings.dueSoonDays);
      const trendMonths = ragStripMonths(month, trendLength, null);
      const from = trendMonths[0] ?? month;
      const scope = { tenantId: ctx.tenantId };
      const [flagged, counts, improvementPlans, planReviews, riskReviews, meetings] = await Promise.all([
        listFlaggedContracts(ctx.tx, {
          ...scope,
          month,
          limit: input.pageSize,
          offset: (input.page - 1) * input.pageSize,
        }),
        countContractsByRag(ctx.tx, { ...scope, month }),
        listOpenImprovementPlans(ctx.tx, scope),
        listPlanReviewsDue(ctx.tx, { ...scope, dueBy }),
        listRiskReviewsDue(ctx.tx, { ...scope, dueBy }),
        listMeetingsDue(ctx.tx, { ...scope, dueBy }),
      ]);
      const contractIds = flagged.map((contract) => contract.contractId);
      const [ratings, history, overdueActions, compliance] = await Promise.all([
        countRatingsByMonth(ctx.tx, { ...scope, contractIds, from, to: month }),
        listRagHistory(ctx.tx, { ...scope, contractIds, from, to: month }),
        countOverdueActions(ctx.tx, { ...scope, contractIds, today: on }),
        contractIds.length > 0 ? complianceOf(ctx, contractIds).then((found) => found.compliance) : null,
      ]);
      const trends = kpiTrends(ratings, trendMonths);
      const statusOf = new Map(history.map((entry) => [`${entry.contractId}/${entry.month}`, entry.status]));
      const actionsOf = new Map(overdueActions.map((entry) => [entry.contractId, entry.overdue]));
      return {
        month,
        trendMonths,
        dueBy,
        listLimit: dueListLimit,
        counts: ragCountsBy(counts),
        page: input.page,
        pageSize: input.pageSize,
        flaggedTotal: flagged[0]?.total ?? 0,
        flagged: flagged.map(({ total: _total, ...contract }) => ({
          ...contract,
          kpiTrend: trends.get(contract.contractId) ?? [],
          recentMonths: trendMonths.map((each) => ({
            month: each,
            status: (statusOf.get(`${contract.contractId}/${each}`) ?? null) as RagStatus | null,
          })),
          overdueObligations: (compliance?.get(contract.contractId)?.obligations ?? [])
            .filter((obligation) => obligation.status === "overdue")
            .map(({ key, title, dueDate }) => ({ key, title, dueDate })),
          overdueActions: actionsOf.get(contract.contractId) ?? 0,
        })),
        improvementPlans,
        planReviews,
        riskReviews,
        meetings: meetings.map((meeting) => ({ ...meeting, overdue: meeting.dueOn < on })),
      };
    }),

  /**
   * The signed-in member's home ("my contracts": contracts they manage or are SRO for): the RAG to set for last
   * month, actions overdue and due this week (theirs, or on their contracts), and what falls due this week:
   * obligations, meetings, risk and plan reviews.
   */
  myContracts: permittedProcedure("contracts:read").query(async ({ ctx }) => {
    const on = today();
    const dueMonth = ragDueMonth(on);
    const weekEnd = addDays(on, weekDays);
    const scope = { tenantId: ctx.tenantId };
    const mine = await listMyContracts(ctx.tx, { ...scope, userId: ctx.user.id, month: dueMonth });
    const contractIds = mine.map((contract) => contract.contractId);
    const forMine = { ...scope, dueBy: weekEnd, contractIds };
    const [openActions, meetings, riskReviews, planReviews, compliance] = await Promise.all([
      listMyOpenActions(ctx.tx, { ...scope, userId: ctx.user.id, contractIds, dueBy: weekEnd }),
      contractIds.length > 0 ? listMeetingsDue(ctx.tx, forMine) : [],
      contractIds.length > 0 ? listRiskReviewsDue(ctx.tx, forMine) : [],
      contractIds.length > 0 ? listPlanReviewsDue(ctx.tx, forMine) : [],
      contractIds.length > 0 ? complianceOf(ctx, contractIds).then((found) => found.compliance) : null,
    ]);
    const obligations = mine.flatMap((contract) =>
      (compliance?.get(contract.contractId)?.obligations ?? []).map((obligation) => ({
        contractId: contract.contractId,
        reference: contract.reference,
        key: obligation.key,
        title: obligation.title,
        status: obligation.status,
        dueOn: obligation.dueDate,
      })),
    );
    const dueThisWeek = [
      ...obligations
        .filter((each) => each.status === "due_soon" && each.dueOn !== null && each.dueOn <= weekEnd)
        .map(({ contractId, reference, title, dueOn }) => ({
          kind: "obligation" as const,
          contractId,
          reference,
          what: title,
          dueOn,
        })),
      ...meetings
        .filter((meeting) => meeting.dueOn >= on)
        .map((meeting) => ({
          kind: "meeting" as const,
          contractId: meeting.contractId,
          reference: meeting.reference,
          what: meeting.type,
          dueOn: meeting.dueOn,
        })),
      ...riskReviews
        .filter((risk) => risk.dueOn >= on)
        .map((risk) => ({
          kind: "risk_review" as const,
          contractId: risk.contractId,
          reference: risk.reference,
          what: risk.title,
          dueOn: risk.dueOn,
        })),
      ...planReviews.flatMap((plan) =>
        plan.dueOn !== null && plan.dueOn >= on
          ? [
              {
                kind: "plan_review" as const,
                contractId: plan.contractId,
                reference: plan.reference,
                what: "Contract management plan",
                dueOn: plan.dueOn,
              },
            ]
          : [],
      ),
      ...openActions
        .filter((action) => action.dueOn >= on)
        .map((action) => ({
          kind: "action" as const,
          contractId: action.contractId,
          reference: action.reference,
          what: action.description,
          dueOn: action.dueOn,
        })),
    ].sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? "") || a.reference.localeCompare(b.reference));
    return {
      dueMonth,
      weekEnd,
      contracts: mine.map((contract) => ({
        contractId: contract.contractId,
        reference: contract.reference,
        title: contract.title,
        tier: contract.tier,
        role: contract.managerId === ctx.user.id ? ("manager" as const) : ("sro" as const),
        status: contract.status,
        // A contract that starts after last month owes its first RAG later (the monthly_rag rule).
        owesRag: contract.startDate === null || firstOfMonth(contract.startDate) <= dueMonth,
      })),
      overdueActions: openActions.filter((action) => action.dueOn < on),
      overdueObligations: obligations.filter((each) => each.status === "overdue"),
      dueThisWeek,
    };
  }),
});
