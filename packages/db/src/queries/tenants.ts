import type { TenantSettings } from "@steward/domain";
import { asc, eq, sql } from "drizzle-orm";
import { builtOnce, type Tx } from "../database.ts";
import { tenants } from "../schema/index.ts";

/** The council's row: most tenant procedures read it (settings, locale), so its SQL is built once. */
const tenantById = builtOnce((db) =>
  db
    .select()
    .from(tenants)
    .where(eq(tenants.id, sql.placeholder("tenantId"))),
);

export async function getTenant(tx: Tx, { tenantId }: { tenantId: string }) {
  const [tenant] = await tenantById(tx, { tenantId });
  return tenant ?? null;
}

export async function updateTenantSettings(
  tx: Tx,
  { tenantId, settings }: { tenantId: string; settings: TenantSettings },
) {
  const [row] = await tx.update(tenants).set({ settings }).where(eq(tenants.id, tenantId)).returning();
  return row ?? null;
}

/**
 * Every council of the platform: for platform jobs such as the audit verifier and for the platform operator's
 * console. The directory only (no council's own records).
 */
export async function listAllTenants(tx: Tx) {
  return tx
    .select({
      id: tenants.id,
      name: tenants.name,
      slug: tenants.slug,
      jurisdiction: tenants.jurisdiction,
      currency: tenants.currency,
      locale: tenants.locale,
      createdAt: tenants.createdAt,
    })
    .from(tenants)
    .orderBy(asc(tenants.name));
}

export type NewTenant = Omit<typeof tenants.$inferInsert, "createdAt" | "stripeCustomerId">;

/**
 * A new council (the platform operator's console). Null when the slug is taken. The transaction must belong to
 * the new council already (the insert policy admits only the transaction's own council).
 */
export async function insertTenant(tx: Tx, values: NewTenant) {
  const [created] = await tx.insert(tenants).values(values).onConflictDoNothing().returning();
  return created ?? null;
}

export async function setStripeCustomer(
  tx: Tx,
  { tenantId, stripeCustomerId }: { tenantId: string; stripeCustomerId: string },
) {
  await tx.update(tenants).set({ stripeCustomerId }).where(eq(tenants.id, tenantId));
}

/** The council a Stripe customer belongs to (a webhook names only the customer). */
export async function findTenantByStripeCustomer(tx: Tx, { stripeCustomerId }: { stripeCustomerId: string }) {
  const [tenant] = await tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.stripeCustomerId, stripeCustomerId));
  return tenant?.id ?? null;
}
