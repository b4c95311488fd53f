import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { memberships, tenants, users } from "../schema/index.ts";

export async function findUserByEmail(tx: Tx, email: string) {
  const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return user ?? null;
}

export async function getUser(tx: Tx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  return user ?? null;
}

export async function createUser(
  tx: Tx,
  values: { email: string; name: string; passwordHash: string | null },
) {
  const [user] = await tx.insert(users).values(values).returning();
  if (!user) throw new Error("insert returned no user");
  return user;
}

export async function setPasswordHash(
  tx: Tx,
  { userId, passwordHash }: { userId: string; passwordHash: string },
) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The councils a user belongs to (RLS shows a user their own memberships through app.user_id). */
export async function listUserCouncils(tx: Tx, { userId }: { userId: string }) {
  return tx
    .select({
      tenantId: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      jurisdiction: tenants.jurisdiction,
      currency: tenants.currency,
      locale: tenants.locale,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(tenants.name));
}
