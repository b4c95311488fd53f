import type { LicenceRecord } from "@steward/domain";
import { and, asc, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { builtOnce, type Tx } from "../database.ts";
import {
  auditEvents,
  billingInvoices,
  invitations,
  licences,
  memberships,
  sessions,
  stripeEvents,
  tenants,
} from "../schema/index.ts";

export type Licence = typeof licences.$inferSelect;
export type LicenceValues = Omit<
  typeof licences.$inferInsert,
  "tenantId" | "version" | "createdAt" | "updatedAt"
>;

/** The council's licence: read by the tenant rung for every mutation and gated procedure, so built once. */
const licenceOf = builtOnce((db) =>
  db
    .select()
    .from(licences)
    .where(eq(licences.tenantId, sql.placeholder("tenantId"))),
);

export async function getLicence(tx: Tx, { tenantId }: { tenantId: string }): Promise<Licence | null> {
  const [licence] = await licenceOf(tx, { tenantId });
  return licence ?? null;
}

/**
 * The licence, locked until the transaction ends: taking a seat counts the seats after this, so of two
 * concurrent invitations for the last seat the second counts the first's (issue 11 §4).
 */
export async function lockLicence(tx: Tx, { tenantId }: { tenantId: string }): Promise<Licence | null> {
  const [licence] = await tx.select().from(licences).where(eq(licences.tenantId, tenantId)).for("update");
  return licence ?? null;
}

/**
 * Seats taken: active members (an advisor is engaged, not a member, so takes no seat: issue 9 §7), and open
 * invitations that have not expired (an invitation holds its seat until accepted, revoked or expired).
 */
export async function countSeatsUsed(tx: Tx, { tenantId }: { tenantId: string }): Promise<number> {
  const [members] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), isNull(memberships.deactivatedAt)));
  const [open] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  return (members?.count ?? 0) + (open?.count ?? 0);
}

/** When anyone last did something in the council: its last audited change or a member's last sign-in. */
export async function lastActivityAt(tx: Tx, { tenantId }: { tenantId: string }): Promise<Date | null> {
  const [row] = await tx.execute<{ at: string | null }>(sql`
    select greatest(
      (select max(${auditEvents.createdAt}) from ${auditEvents} where ${auditEvents.tenantId} = ${tenantId}),
      (select max(${sessions.createdAt}) from ${sessions} join ${memberships}
         on ${memberships.userId} = ${sessions.userId} and ${memberships.tenantId} = ${tenantId}
         and ${memberships.deactivatedAt} is null)
    ) as at`);
  return row?.at ? new Date(row.at) : null;
}

/** Creates or replaces the council's licence; an existing one moves to the next version. */
export async function saveLicence(
  tx: Tx,
  { tenantId, values }: { tenantId: string; values: LicenceValues },
): Promise<Licence> {
  const [saved] = await tx
    .insert(licences)
    .values({ ...values, tenantId })
    .onConflictDoUpdate({
      target: licences.tenantId,
      set: { ...values, version: sql`${licences.version} + 1`, updatedAt: sql`now()` },
    })
    .returning();
  if (!saved) throw new Error("licence not saved");
  return saved;
}

/** Changes named fields of the licence, if it is still at `version` (null: whatever its version). */
export async function updateLicence(
  tx: Tx,
  {
    tenantId,
    version,
    changes,
  }: { tenantId: string; version: number | null; changes: Partial<LicenceValues> },
): Promise<Licence | null> {
  const [updated] = await tx
    .update(licences)
    .set({ ...changes, version: sql`${licences.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(licences.tenantId, tenantId), version === null ? undefined : eq(licences.version, version)))
    .returning();
  return updated ?? null;
}

/** The licence as its audit events record it. */
export function licenceRecord(licence: Licence): LicenceRecord {
  return {
    plan: licence.plan,
    seats: licence.seats,
    interval: licence.interval,
    state: licence.state,
    source: licence.source,
    startsOn: licence.startsOn,
    endsOn: licence.endsOn,
    pastDueSince: licence.pastDueSince,
    poNumber: licence.poNumber,
  };
}

/**
 * Records a Stripe event by its id, in the transaction that applies it: false when it was recorded before (a
 * redelivery), or by a concurrent delivery that committed first (the insert waits for it, then finds the row).
 */
export async function recordStripeEvent(
  tx: Tx,
  event: { id: string; type: string; createdAt: Date; outcome: string },
): Promise<boolean> {
  const inserted = await tx
    .insert(stripeEvents)
    .values(event)
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  return inserted.length > 0;
}

export type BillingInvoiceValues = Omit<typeof billingInvoices.$inferInsert, "tenantId" | "id" | "updatedAt">;

/** Stripe's invoice as its latest event describes it (one row per Stripe invoice). */
export async function saveBillingInvoice(
  tx: Tx,
  { tenantId, values }: { tenantId: string; values: BillingInvoiceValues },
) {
  await tx
    .insert(billingInvoices)
    .values({ ...values, tenantId })
    .onConflictDoUpdate({
      target: [billingInvoices.tenantId, billingInvoices.stripeInvoiceId],
      set: { ...values, updatedAt: sql`now()` },
    });
}

export async function listBillingInvoices(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select()
    .from(billingInvoices)
    .where(eq(billingInvoices.tenantId, tenantId))
    .orderBy(desc(billingInvoices.issuedAt))
    .limit(50);
}

export async function stripeEventReceived(tx: Tx, { id }: { id: string }): Promise<boolean> {
  const [found] = await tx.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id));
  return found !== undefined;
}

/** Every council that has a Stripe customer (a platform read of `tenants`): the ones the reconciliation visits. */
export async function listStripeCustomers(tx: Tx): Promise<{ tenantId: string; stripeCustomerId: string }[]> {
  const rows = await tx
    .select({ tenantId: tenants.id, stripeCustomerId: tenants.stripeCustomerId })
    .from(tenants)
    .where(isNotNull(tenants.stripeCustomerId))
    .orderBy(asc(tenants.id));
  return rows.flatMap((row) =>
    row.stripeCustomerId ? [{ tenantId: row.tenantId, stripeCustomerId: row.stripeCustomerId }] : [],
  );
}
