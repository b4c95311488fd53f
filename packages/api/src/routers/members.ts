import { inviteMember } from "@steward/auth";
import {
  closeInvitation,
  getActiveMembership,
  listMembers,
  listOpenInvitations,
  lockActiveAdmins,
  updateMembership,
} from "@steward/db";
import {
  idInput,
  invalid,
  inviteMemberInput,
  type MembershipChange,
  memberRoleSchema,
  membershipChangeRefusal,
  notFound,
} from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const memberInput = z.object({ userId: idInput });

/**
 * The last-admin rule (packages/domain), checked against the council's admins as locked in this transaction,
 * so two admins changing each other at the same moment cannot leave the council without one.
 */
async function guardMembershipChange(ctx: TenantContext, userId: string, change: MembershipChange) {
  const activeAdminIds = await lockActiveAdmins(ctx.tx, { tenantId: ctx.tenantId });
  const membership = await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId });
  if (!membership) throw notFound("That member");
  const refusal = membershipChangeRefusal({
    actorUserId: ctx.user.id,
    member: membership,
    change,
    activeAdminIds,
  });
  if (refusal) throw refusal;
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
      await ctx.takeSeat();
      const council = await ctx.council();
      const invitation = await inviteMember(ctx.tx, {
        tenantId: ctx.tenantId,
        councilName: council.name,
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
    .input(memberInput.extend({ role: memberRoleSchema }))
    .mutation(async ({ ctx, input }) => {
      const before = await guardMembershipChange(ctx, input.userId, { kind: "role", role: input.role });
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
      await guardMembershipChange(ctx, input.userId, { kind: "deactivate" });
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
      const active = await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId: input.userId });
      if (!active) await ctx.takeSeat();
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
