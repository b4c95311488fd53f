import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { builtOnce, type Tx } from "../database.ts";
import { memberships, users } from "../schema/index.ts";

type Role = (typeof memberships.$inferSelect)["role"];

export async function getActiveMembership(
  tx: Tx,
  { tenantId, userId }: { tenantId: string; userId: string },
) {
  const [membership] = await tx
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        isNull(memberships.deactivatedAt),
      ),
    );
  return membership ?? null;
}

/** Everyone in the council, by name: read on most pages, so its SQL is built once. */
const members = builtOnce((db) =>
  db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      deactivatedAt: memberships.deactivatedAt,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, sql.placeholder("tenantId")))
    .orderBy(asc(users.name)),
);

export async function listMembers(tx: Tx, { tenantId }: { tenantId: string }) {
  return members(tx, { tenantId });
}

export async function addMembership(tx: Tx, values: { tenantId: string; userId: string; role: Role }) {
  await tx
    .insert(memberships)
    .values(values)
    .onConflictDoUpdate({
      target: [memberships.tenantId, memberships.userId],
      set: { role: values.role, deactivatedAt: null },
    });
}

export async function updateMembership(
  tx: Tx,
  {
    tenantId,
    userId,
    ...changes
  }: { tenantId: string; userId: string; role?: Role; deactivatedAt?: Date | null },
) {
  const [updated] = await tx
    .update(memberships)
    .set(changes)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .returning();
  return updated ?? null;
}

/**
 * The council's active admins, with their membership rows locked until the transaction ends: a change that
 * could leave the council without an admin reads this first, so two such changes run one after the other
 * and the second sees what the first did. Locked in user order, so two of them never wait on each other.
 */
export async function lockActiveAdmins(tx: Tx, { tenantId }: { tenantId: string }): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.role, "admin"),
        isNull(memberships.deactivatedAt),
      ),
    )
    .orderBy(asc(memberships.userId))
    .for("update");
  return rows.map((row) => row.userId);
}
