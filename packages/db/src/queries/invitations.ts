import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { invitations, users } from "../schema/index.ts";

type NewInvitation = typeof invitations.$inferInsert;

/**
 * Null when the address already has an open invitation to the council (the partial unique index
 * `invitations_open_email_key`). A concurrent invitation to the same address waits for the first to commit,
 * then inserts nothing, so it is told "already invited" rather than failing on the constraint.
 */
export async function createInvitation(tx: Tx, values: NewInvitation) {
  const [invitation] = await tx.insert(invitations).values(values).onConflictDoNothing().returning();
  return invitation ?? null;
}

export async function findInvitationByTokenHash(
  tx: Tx,
  { tenantId, tokenHash }: { tenantId: string; tokenHash: string },
) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.tokenHash, tokenHash)));
  return invitation ?? null;
}

export async function listOpenInvitations(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(eq(invitations.tenantId, tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function closeInvitation(
  tx: Tx,
  { tenantId, id, as }: { tenantId: string; id: string; as: "accepted" | "revoked" },
) {
  const now = new Date();
  const [closed] = await tx
    .update(invitations)
    .set(as === "accepted" ? { acceptedAt: now } : { revokedAt: now })
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  return closed ?? null;
}
