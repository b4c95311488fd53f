import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { invitations, users } from "../schema/index.ts";

type NewInvitation = typeof invitations.$inferInsert;

export async function createInvitation(tx: Tx, values: NewInvitation) {
  const [invitation] = await tx.insert(invitations).values(values).returning();
  if (!invitation) throw new Error("insert returned no invitation");
  return invitation;
}

export async function findOpenInvitationByEmail(
  tx: Tx,
  { tenantId, email }: { tenantId: string; email: string },
) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        sql`lower(${invitations.email}) = lower(${email})`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
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
