import type { EngagementScope } from "@steward/domain";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { builtOnce, type Tx } from "../database.ts";
import { engagements, tenants, users } from "../schema/index.ts";

/**
 * A council's engagements of advisors (issue 9 §7). The council's side reads them in its own scope; the advisor's
 * side lists their own across councils through the user scope (`app.user_id`), as a member lists memberships.
 */

/** An engagement in force today: not revoked, today (UTC, as the app's) within its dates, both days included. */
export const activeEngagement = sql`${engagements.revokedAt} is null
  and (now() at time zone 'utc')::date between ${engagements.startsOn} and ${engagements.endsOn}`;

const advisors = alias(users, "advisors");
const granters = alias(users, "granters");

const engagementColumns = {
  id: engagements.id,
  advisorUserId: engagements.advisorUserId,
  scopes: engagements.scopes,
  startsOn: engagements.startsOn,
  endsOn: engagements.endsOn,
  grantedAt: engagements.grantedAt,
  revokedAt: engagements.revokedAt,
};

/** Every engagement the council has made, newest first, with the advisor's and the granting admin's names. */
export async function listCouncilEngagements(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({
      ...engagementColumns,
      advisorName: advisors.name,
      advisorEmail: advisors.email,
      grantedByName: granters.name,
    })
    .from(engagements)
    .innerJoin(advisors, eq(advisors.id, engagements.advisorUserId))
    .leftJoin(granters, eq(granters.id, engagements.grantedBy))
    .where(eq(engagements.tenantId, tenantId))
    .orderBy(desc(engagements.startsOn), desc(engagements.id));
}

export async function getEngagement(
  tx: Tx,
  { tenantId, engagementId }: { tenantId: string; engagementId: string },
) {
  const [found] = await tx
    .select({ ...engagementColumns, advisorEmail: advisors.email })
    .from(engagements)
    .innerJoin(advisors, eq(advisors.id, engagements.advisorUserId))
    .where(and(eq(engagements.tenantId, tenantId), eq(engagements.id, engagementId)));
  return found ?? null;
}

/** Inserts an engagement; the exclusion constraint `engagements_no_overlap` refuses one overlapping a live one. */
export async function insertEngagement(
  tx: Tx,
  values: {
    tenantId: string;
    advisorUserId: string;
    scopes: EngagementScope[];
    startsOn: string;
    endsOn: string;
    grantedBy: string | null;
  },
) {
  const [created] = await tx.insert(engagements).values(values).returning(engagementColumns);
  if (!created) throw new Error("insert returned no engagement");
  return created;
}

/** Revokes a live engagement; null when it is gone or already revoked. */
export async function revokeEngagement(
  tx: Tx,
  { tenantId, engagementId, revokedBy }: { tenantId: string; engagementId: string; revokedBy: string },
) {
  const [revoked] = await tx
    .update(engagements)
    .set({ revokedAt: new Date(), revokedBy })
    .where(
      and(
        eq(engagements.tenantId, tenantId),
        eq(engagements.id, engagementId),
        isNull(engagements.revokedAt),
      ),
    )
    .returning(engagementColumns);
  return revoked ?? null;
}

/**
 * The advisor's own engagements in every council, with the council's name and slug: their side of the list. Needs
 * the transaction's user scope set to the advisor (`applyScope`); RLS shows no one else's.
 */
export async function listAdvisorEngagements(tx: Tx, { userId }: { userId: string }) {
  return tx
    .select({
      ...engagementColumns,
      tenantId: engagements.tenantId,
      councilName: tenants.name,
      slug: tenants.slug,
      jurisdiction: tenants.jurisdiction,
      currency: tenants.currency,
      locale: tenants.locale,
    })
    .from(engagements)
    .innerJoin(tenants, eq(tenants.id, engagements.tenantId))
    .where(eq(engagements.advisorUserId, userId))
    .orderBy(asc(tenants.name), desc(engagements.startsOn));
}

const activeEngagementOf = builtOnce((db) =>
  db
    .select({ id: engagements.id, scopes: engagements.scopes })
    .from(engagements)
    .where(
      and(
        eq(engagements.tenantId, sql.placeholder("tenantId")),
        eq(engagements.advisorUserId, sql.placeholder("userId")),
        activeEngagement,
      ),
    ),
);

/**
 * The advisor's engagement by this council that is in force today (the session lookup's rule), or null: the
 * portfolio checks it again inside each council's own transaction before reading anything there.
 */
export async function getActiveEngagement(
  tx: Tx,
  { tenantId, userId }: { tenantId: string; userId: string },
) {
  const [found] = await activeEngagementOf(tx, { tenantId, userId });
  return found ?? null;
}
