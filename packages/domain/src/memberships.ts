import { type DomainError, forbidden, invalid } from "./errors.ts";
import type { Role } from "./roles.ts";

export type MembershipChange = { kind: "role"; role: Role } | { kind: "deactivate" };

/**
 * Whether an admin may make this change to a member; the refusal to show, or null.
 * - DESIGN §1 and §9: the council admin manages users, roles and settings, so a council always keeps at least
 *   one active admin: the last one can be neither demoted nor deactivated.
 * - An admin does not deactivate themselves (they would lose the page that undoes it).
 * `activeAdminIds` must be read under a row lock on the council's admin memberships, in the transaction that
 * writes the change: two admins demoting each other at the same moment would otherwise both see the other.
 */
export function membershipChangeRefusal(request: {
  actorUserId: string;
  member: { userId: string; role: Role };
  change: MembershipChange;
  activeAdminIds: readonly string[];
}): DomainError | null {
  const { actorUserId, member, change, activeAdminIds } = request;
  if (change.kind === "deactivate" && member.userId === actorUserId) {
    return forbidden("You cannot deactivate yourself.");
  }
  const losesAdmin = member.role === "admin" && (change.kind === "deactivate" || change.role !== "admin");
  const otherAdmins = activeAdminIds.filter((userId) => userId !== member.userId);
  if (losesAdmin && otherAdmins.length === 0) {
    return invalid("A council needs at least one admin. Make someone else an admin first.");
  }
  return null;
}
