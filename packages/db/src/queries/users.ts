import type { Role } from "@steward/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { engagements, memberships, tenants, users } from "../schema/index.ts";
import { activeEngagement } from "./engagements.ts";

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

const councilColumns = {
  tenantId: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  jurisdiction: tenants.jurisdiction,
  currency: tenants.currency,
  locale: tenants.locale,
};

/**
 * The councils a user works in: their active memberships, and (as `advisor`) the councils whose engagement of
 * them is active today, by the same rule as the session lookup. RLS shows a user their own memberships and
 * engagements through app.user_id. A member who is also engaged is listed once, as the member.
 */
export async function listUserCouncils(tx: Tx, { userId }: { userId: string }) {
  const [members, engaged] = await Promise.all([
    tx
      .select({ ...councilColumns, role: memberships.role })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt))),
    tx
      .select({ ...councilColumns, role: sql<Role>`'advisor'` })
      .from(engagements)
      .innerJoin(tenants, eq(tenants.id, engagements.tenantId))
      .where(and(eq(engagements.advisorUserId, userId), activeEngagement)),
  ]);
  const memberOf = new Set(members.map((council) => council.tenantId));
  return [...members, ...engaged.filter((council) => !memberOf.has(council.tenantId))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}
