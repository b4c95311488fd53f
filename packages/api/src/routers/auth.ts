import {
  acceptInvitation,
  changePassword,
  describeInvitation,
  invitationAccount,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "@steward/auth";
import { applyScope, listUserCouncils, recordAudit } from "@steward/db";
import {
  acceptInvitationInput,
  changePasswordInput,
  idInput,
  requestPasswordResetInput,
  resetPasswordInput,
  signInInput,
  tokenInput,
} from "@steward/domain";
import { z } from "zod";
import { advisorAccessRefusals } from "../engaged-councils.ts";
import { authedProcedure, limitedProcedure, publicProcedure, router } from "../init.ts";

export const authRouter = router({
  signIn: limitedProcedure("signIn", (raw) => signInInput.safeParse(raw).data?.email ?? null)
    .input(signInInput)
    .mutation(async ({ ctx, input }) => {
      const { setCookie } = await signIn(
        ctx.tx,
        { ...input, ip: ctx.ip, previousSessionId: ctx.sessions.readSessionId(ctx.cookieHeader) },
        { limiter: ctx.limits.signIn, sessions: ctx.sessions },
      );
      ctx.resHeaders.append("set-cookie", setCookie);
      return { signedIn: true };
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    ctx.resHeaders.append("set-cookie", await ctx.sessions.end(ctx.sessionId));
    return { signedOut: true };
  }),

  /** The signed-in user and the councils they can work in; null for a visitor who is not signed in. */
  me: publicProcedure.query(async ({ ctx }) => {
    const sessionId = ctx.sessions.readSessionId(ctx.cookieHeader);
    const validated = sessionId ? await ctx.sessions.validate(sessionId) : null;
    if (!validated) return null;
    if (validated.setCookie) ctx.resHeaders.append("set-cookie", validated.setCookie);
    const { user } = validated;
    await applyScope(ctx.tx, { userId: user.id });
    const councils = await listUserCouncils(ctx.tx, { userId: user.id });
    // An engaged council whose plan lacks advisor access is listed as the portfolio lists it: with the reason.
    const refusals = await advisorAccessRefusals(
      ctx,
      councils.filter((council) => council.role === "advisor").map((council) => council.tenantId),
    );
    return {
      user: { id: user.id, name: user.name, email: user.email, platformRole: user.platformRole },
      councils: councils.map((council) => ({
        ...council,
        unavailable: refusals.get(council.tenantId) ?? null,
      })),
    };
  }),

  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { setCookie } = await changePassword(ctx.tx, { userId: ctx.user.id, ...input }, ctx.sessions);
    ctx.resHeaders.append("set-cookie", setCookie);
    return { changed: true };
  }),

  requestPasswordReset: limitedProcedure(
    "passwordReset",
    (raw) => requestPasswordResetInput.safeParse(raw).data?.email ?? null,
  )
    .input(requestPasswordResetInput)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.tx, { email: input.email, appUrl: ctx.appUrl });
      ctx.afterCommit(ctx.mail.wake);
      return { sent: true };
    }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.tx, input, ctx.sessions);
    return { reset: true };
  }),

  describeInvitation: publicProcedure
    .input(z.object({ tenantId: idInput, token: tokenInput }))
    .query(async ({ ctx, input }) => {
      await applyScope(ctx.tx, { tenantId: input.tenantId });
      return describeInvitation(ctx.tx, input);
    }),

  /** The link carries its council's id, so the whole acceptance runs under that council's RLS. */
  acceptInvitation: limitedProcedure("signIn", (raw) => {
    const token = acceptInvitationInput.safeParse(raw).data?.token;
    return token ? invitationAccount(token) : null;
  })
    .input(acceptInvitationInput)
    .mutation(async ({ ctx, input }) => {
      await applyScope(ctx.tx, { tenantId: input.tenantId });
      const accepted = await acceptInvitation(
        ctx.tx,
        { ...input, ip: ctx.ip },
        { limiter: ctx.limits.signIn },
      );
      await recordAudit(ctx.tx, {
        tenantId: input.tenantId,
        actorUserId: accepted.userId,
        action: "invitation.accepted",
        entityType: "membership",
        entityId: accepted.userId,
        after: { role: accepted.role, invitationId: accepted.invitationId },
        requestId: ctx.requestId,
      });
      const previousSessionId = ctx.sessions.readSessionId(ctx.cookieHeader);
      const { setCookie } = await ctx.sessions.replace(previousSessionId, accepted.userId);
      ctx.resHeaders.append("set-cookie", setCookie);
      return { tenantId: input.tenantId };
    }),
});
