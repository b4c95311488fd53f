import { inviteMember } from "@steward/auth";
import {
  closeInvitation,
  countActiveAdmins,
  getActiveMembership,
  getTenant,
  listMembers,
  listOpenInvitations,
  updateMembership,
} from "@steward/db";
import { forbidden, idInput, invalid, inviteMemberInput, notFound, roleSchema } from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const memberInput = z.object({ userId: idInput });

/** A council must always keep one active admin, and admins do not lock themselves out. */
async function guardAdminChange(ctx: TenantContext, userId: string, change: "role" | "deactivate") {
  const membership = await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId });
  if (!membership) throw notFound("That member");
  if (userId === ctx.user.id && change === "deactivate") throw forbidden("You cannot deactivate yourself.");
  if (membership.role === "admin" && (await countActiveAdmins(ctx.tx, { tenantId: ctx.tenantId })) <= 1) {
    throw invalid("A council needs at least one admin. Make someone else an admin first.");
  }
  return membership;
}

export const membersRouter = router({
  /** Everyone in the council: managers and SROs are chosen from this list. */
  list: permittedProcedure("contracts:read").query(({ ctx }) =>
    listMembers(ctx.tx, { tenantId: ctx.tenantId }),
  ),

  invitations: permittedProcedure("users:manage").query(({ ctx }) =>
    listOpenInvitations(ctx.tx, { tenantId: ctx.tenantId }),
  ),

  invite: permittedProcedure("users:manage")
    .input(inviteMemberInput)
    .mutation(async ({ ctx, input }) => {
      const members = await listMembers(ctx.tx, { tenantId: ctx.tenantId });
      if (members.some((member) => member.email.toLowerCase() === input.email && !member.deactivatedAt)) {
        throw invalid("This person is already a member.", { email: "Already a member of this council." });
      }
      const tenant = await getTenant(ctx.tx, { tenantId: ctx.tenantId });
      if (!tenant) throw notFound("This council");
      const invitation = await inviteMember(ctx.tx, {
        tenantId: ctx.tenantId,
        councilName: tenant.name,
        email: input.email,
        role: input.role,
        invitedBy: ctx.user.id,
        appUrl: ctx.appUrl,
      });
      ctx.afterCommit(ctx.mail.wake);
      await ctx.audit({
        action: "invitation.sent",
        entityType: "invitation",
        entityId: invitation.id,
        after: { email: input.email, role: input.role },
      });
      return { id: invitation.id };
    }),

  revokeInvitation: permittedProcedure("users:manage")
    .input(z.object({ invitationId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await closeInvitation(ctx.tx, {
        tenantId: ctx.tenantId,
        id: input.invitationId,
        as: "revoked",
      });
      if (!revoked) throw notFound("That invitation");
      await ctx.audit({ action: "invitation.revoked", entityType: "invitation", entityId: revoked.id });
      return { revoked: true };
    }),

  /** A changed role ends the member's sessions, so no page keeps powers they no longer hold. */
  changeRole: permittedProcedure("users:manage")
    .input(memberInput.extend({ role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      const before = await guardAdminChange(ctx, input.userId, "role");
      await updateMembership(ctx.tx, { tenantId: ctx.tenantId, userId: input.userId, role: input.role });
      if (before.role !== input.role) await ctx.sessions.endAllFor(input.userId);
      await ctx.audit({
        action: "member.role_changed",
        entityType: "membership",
        entityId: input.userId,
        before: { role: before.role },
        after: { role: input.role },
      });
      return { role: input.role };
    }),

  deactivate: permittedProcedure("users:manage")
    .input(memberInput)
    .mutation(async ({ ctx, input }) => {
      await guardAdminChange(ctx, input.userId, "deactivate");
      await updateMembership(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: input.userId,
        deactivatedAt: new Date(),
      });
      await ctx.sessions.endAllFor(input.userId);
      await ctx.audit({ action: "member.deactivated", entityType: "membership", entityId: input.userId });
      return { deactivated: true };
    }),

  reactivate: permittedProcedure("users:manage")
    .input(memberInput)
    .mutation(async ({ ctx, input }) => {
      const updated = await updateMembership(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: input.userId,
        deactivatedAt: null,
      });
      if (!updated) throw notFound("That member");
      await ctx.audit({ action: "member.reactivated", entityType: "membership", entityId: input.userId });
      return { reactivated: true };
    }),
});
