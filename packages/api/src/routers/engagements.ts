import {
  applyScope,
  findUserByEmail,
  getActiveMembership,
  getEngagement,
  insertEngagement,
  listAdvisorEngagements,
  listCouncilEngagements,
  revokeEngagement,
  violatedConstraint,
} from "@steward/db";
import { engagementRef, engagementStatus, grantEngagementInput, invalid, notFound } from "@steward/domain";
import { z } from "zod";
import { today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { authedProcedure, permittedProcedure, router } from "../init.ts";

/**
 * Issue 9 §7: a council's admin engages an advisor for a period and a scope, and can revoke it; both sides list
 * them. The engagement is what gives an advisor the `advisor` role in the council (the session lookup reads it on
 * every request), so revoking it, or its end date passing, ends the advisor's access at their next request.
 */
export const engagementsRouter = router({
  /** The council's side: every engagement it has made, with where each stands today. */
  list: permittedProcedure("users:manage").query(async ({ ctx }) => {
    const on = today();
    const rows = await listCouncilEngagements(ctx.tx, { tenantId: ctx.tenantId });
    return rows.map((row) => ({ ...row, status: engagementStatus(row, on) }));
  }),

  grant: permittedProcedure("users:manage", { module: "advisor_access" })
    .input(grantEngagementInput.and(z.object({ idempotencyKey })))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "engagements.grant", async () => {
        const advisor = await findUserByEmail(ctx.tx, input.advisorEmail);
        if (!advisor) {
          throw invalid("Some answers need correcting: see the marked fields.", {
            advisorEmail:
              "No one has a Steward account with this address. An advisor of the advisory service signs in with their own account: check the address with them.",
          });
        }
        if (await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId: advisor.id })) {
          throw invalid("Some answers need correcting: see the marked fields.", {
            advisorEmail:
              "This person is a member of this council: their role already says what they may see.",
          });
        }
        const values = {
          tenantId: ctx.tenantId,
          advisorUserId: advisor.id,
          scopes: input.scopes,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          grantedBy: ctx.user.id,
        };
        const engagement = await insertEngagement(ctx.tx, values).catch((error: unknown) => {
          if (violatedConstraint(error) === "engagements_no_overlap") {
            throw invalid("Some answers need correcting: see the marked fields.", {
              startsOn:
                "This advisor is already engaged for some of these dates. Revoke that engagement first, or choose dates after it ends.",
            });
          }
          throw error;
        });
        await ctx.audit({
          action: "engagement.granted",
          entityType: "engagement",
          entityId: engagement.id,
          after: {
            advisorUserId: advisor.id,
            advisorEmail: advisor.email,
            scopes: engagement.scopes,
            startsOn: engagement.startsOn,
            endsOn: engagement.endsOn,
          },
        });
        return { id: engagement.id, status: engagementStatus(engagement, today()) };
      }),
    ),

  /** Ends an engagement now: the advisor's next request in this council is refused. */
  revoke: permittedProcedure("users:manage")
    .input(engagementRef)
    .mutation(async ({ ctx, input }) => {
      const engagement = await getEngagement(ctx.tx, {
        tenantId: ctx.tenantId,
        engagementId: input.engagementId,
      });
      if (!engagement) throw notFound("That engagement");
      const revoked = await revokeEngagement(ctx.tx, {
        tenantId: ctx.tenantId,
        engagementId: input.engagementId,
        revokedBy: ctx.user.id,
      });
      if (!revoked) throw invalid("This engagement was already revoked.");
      await ctx.audit({
        action: "engagement.revoked",
        entityType: "engagement",
        entityId: engagement.id,
        before: {
          advisorUserId: engagement.advisorUserId,
          advisorEmail: engagement.advisorEmail,
          scopes: engagement.scopes,
          startsOn: engagement.startsOn,
          endsOn: engagement.endsOn,
        },
      });
      return { revoked: true };
    }),

  /** The advisor's side: their engagements in every council, with where each stands today. */
  mine: authedProcedure.query(async ({ ctx }) => {
    await applyScope(ctx.tx, { userId: ctx.user.id });
    const on = today();
    const rows = await listAdvisorEngagements(ctx.tx, { userId: ctx.user.id });
    return rows.map((row) => ({ ...row, status: engagementStatus(row, on) }));
  }),
});
