import { applyScope, listAdvisorEngagements } from "@steward/db";
import { engagementStatus } from "@steward/domain";
import { today } from "../contract-facts.ts";
import { readEngagedCouncils } from "../engaged-councils.ts";
import { authedProcedure, router } from "../init.ts";
import { trainingMatrix } from "../training-matrix.ts";

export const trainingOverviewRouter = router({
  /**
   * The advisor's view of their engaged councils' training (issue 10 §7): for each council whose engagement
   * with read_portfolio is active today, how many required courses stand complete, due, overdue, expired or not
   * done. Counts only, no person; each council read in its own transaction and audited there, as the portfolio is.
   */
  advisor: authedProcedure.query(async ({ ctx }) => {
    await applyScope(ctx.tx, { userId: ctx.user.id });
    const on = today();
    const engagements = (await listAdvisorEngagements(ctx.tx, { userId: ctx.user.id })).filter(
      (engagement) =>
        engagementStatus(engagement, on) === "active" && engagement.scopes.includes("read_portfolio"),
    );
    const read = await readEngagedCouncils(
      ctx,
      ctx.user,
      {
        tenantIds: engagements.map((engagement) => engagement.tenantId),
        procedure: "trainingOverview.advisor",
        scope: "read_portfolio",
      },
      async (council) => {
        const matrix = await trainingMatrix(council, {});
        return { counts: matrix.counts, people: matrix.rows.length };
      },
    );
    return read.map((entry) => ({
      tenantId: entry.tenantId,
      name: engagements.find((engagement) => engagement.tenantId === entry.tenantId)?.councilName ?? "",
      ...(entry.refusal === null
        ? { ...entry.result, refusal: null }
        : { counts: null, people: null, refusal: entry.refusal }),
    }));
  }),
});
