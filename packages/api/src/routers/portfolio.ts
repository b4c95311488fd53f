import { applyScope, listAdvisorEngagements, listEndingSoon, listSupplierFigures } from "@steward/db";
import {
  attainmentMonths,
  complianceOverview,
  engagementStatus,
  firstOfMonth,
  kpiAttainmentRate,
  ragDueMonth,
  ragMixOf,
  supplierFiguresOf,
  suppliersAcrossCouncils,
} from "@steward/domain";
import { complianceOf, today } from "../contract-facts.ts";
import { readEngagedCouncils } from "../engaged-councils.ts";
import { authedProcedure, router } from "../init.ts";

/** The nearest contracts ending (or reaching their notice date) the portfolio names for each council. */
const endingListLength = 3;

export const portfolioRouter = router({
  /**
   * The advisor's home (issue 9 §7): every council whose engagement with read_portfolio is active today, side by
   * side — last month's RAG mix, the compliance score, KPI attainment over the year to last month, obligations
   * overdue, contracts ending soon — and the supplier organisations those councils use, named, with each
   * council's figures. Each council is read in its own tenant-scoped transaction (`readEngagedCouncils`), its
   * read written to its audit log, and the answers combined here.
   */
  overview: authedProcedure.query(async ({ ctx }) => {
    await applyScope(ctx.tx, { userId: ctx.user.id });
    const on = today();
    const engagements = (await listAdvisorEngagements(ctx.tx, { userId: ctx.user.id })).filter(
      (engagement) =>
        engagementStatus(engagement, on) === "active" && engagement.scopes.includes("read_portfolio"),
    );
    const month = ragDueMonth(on);
    const window = { from: firstOfMonth(month, 1 - attainmentMonths), to: firstOfMonth(month, 1) };
    const read = await readEngagedCouncils(
      ctx,
      ctx.user,
      {
        tenantIds: engagements.map((engagement) => engagement.tenantId),
        procedure: "portfolio.overview",
        scope: "read_portfolio",
      },
      async (council) => {
        const scope = { tenantId: council.tenantId };
        const [{ contracts, compliance }, ending, suppliers] = await Promise.all([
          complianceOf(council),
          listEndingSoon(council.tx, { ...scope, today: on, limit: endingListLength }),
          listSupplierFigures(council.tx, { ...scope, month, ...window }),
        ]);
        const overview = complianceOverview(contracts, compliance);
        let overdueObligations = 0;
        for (const found of compliance.values()) {
          overdueObligations += found.obligations.filter(
            (obligation) => obligation.status === "overdue",
          ).length;
        }
        return {
          figures: {
            contracts: overview.contractCount,
            complianceScore: overview.averageScore,
            rag: ragMixOf(suppliers.councilRag),
            kpiAttainment: kpiAttainmentRate(suppliers.councilRatings),
            overdueObligations,
            endingSoon: ending.windows,
            nearestEnding: ending.nearest,
          },
          suppliers: supplierFiguresOf(suppliers),
        };
      },
    );
    const byTenant = new Map(read.map((each) => [each.tenantId, each]));
    const councilOf = (engagement: (typeof engagements)[number]) => ({
      tenantId: engagement.tenantId,
      name: engagement.councilName,
      slug: engagement.slug,
      jurisdiction: engagement.jurisdiction,
      locale: engagement.locale,
      currency: engagement.currency,
      engagement: { id: engagement.id, scopes: engagement.scopes, endsOn: engagement.endsOn },
    });
    const councils = engagements.flatMap((engagement) => {
      const found = byTenant.get(engagement.tenantId)?.result;
      return found ? [{ ...councilOf(engagement), ...found.figures }] : [];
    });
    /** Engaged, but the council's plan does not include advisor access: named with the reason, nothing read. */
    const unavailable = engagements.flatMap((engagement) => {
      const refusal = byTenant.get(engagement.tenantId)?.refusal;
      return refusal ? [{ ...councilOf(engagement), reason: refusal }] : [];
    });
    return {
      month,
      attainmentFrom: window.from,
      councils,
      unavailable,
      suppliers: suppliersAcrossCouncils(
        read.flatMap((each) =>
          each.result ? [{ tenantId: each.tenantId, suppliers: each.result.suppliers }] : [],
        ),
      ),
    };
  }),
});
