import type { StripeBilling } from "@steward/billing";
import {
  type Database,
  getLicence,
  getTenant,
  inTransaction,
  type Licence,
  type LicenceValues,
  licenceRecord,
  lockLicence,
  recordAudit,
  saveLicence,
} from "@steward/db";
import { isOlderThanHeld, subscriptionLicence } from "./stripe-webhook.ts";

/**
 * The reconciliation (issue 11 §2): a council's subscription re-read from Stripe and applied to its licence by
 * the webhook's own path (`subscriptionLicence`), for what a webhook could not repair: a lost event, or a crash
 * between a Stripe call and its record (a subscription started, or a Checkout completed, that the licence never
 * recorded, found through the customer's subscriptions).
 *
 * - Read, call, record (DESIGN §3.4): the council's customer and licence in one short transaction, Stripe with
 *   none open, the change in a second that locks the licence.
 * - Ordered by Stripe's state: what was read counts as Stripe's state at the moment before the call, so an
 *   event created after it (already applied, `stripe_state_at`) wins, and an older one arriving later is ignored
 *   by the webhook.
 * - Idempotent: a licence that already says what Stripe says is left alone, with no audit event; a change is
 *   audited as `licence.reconciled`.
 */
export async function reconcileCouncil(
  database: Database,
  billing: StripeBilling,
  tenantId: string,
): Promise<string> {
  const scope = { tenantId, userId: null };
  const held = await inTransaction(database, scope, async (tx) => ({
    customerId: (await getTenant(tx, { tenantId }))?.stripeCustomerId ?? null,
    subscriptionId: (await getLicence(tx, { tenantId }))?.stripeSubscriptionId ?? null,
  }));
  if (!held.customerId) return "no Stripe customer";
  const readAt = new Date();
  const state = await billing.currentSubscription(held.customerId, held.subscriptionId);
  if (!state) return "no subscription in Stripe";
  return inTransaction(database, scope, async (tx) => {
    const before = await lockLicence(tx, { tenantId });
    if (isOlderThanHeld(before, readAt)) return "unchanged: a newer event was applied meanwhile";
    const values = subscriptionLicence(billing, before, state, { stateAt: readAt, deleted: false });
    if (!values) return "unchanged: the subscription's price is not one of the plans'";
    if (before && saysTheSame(before, values)) return "unchanged";
    const saved = await saveLicence(tx, { tenantId, values });
    await recordAudit(tx, {
      tenantId,
      actorUserId: null,
      requestId: null,
      action: "licence.reconciled",
      entityType: "council",
      entityId: tenantId,
      before: before && licenceRecord(before),
      after: { ...licenceRecord(saved), stripeSubscriptionId: state.subscriptionId },
    });
    return "licence updated";
  });
}

/** The licence already holds these values (all but the time of the state they came from). */
function saysTheSame(licence: Licence, values: LicenceValues): boolean {
  const { stripeStateAt: _at, ...compared } = values;
  return Object.entries(compared).every(([key, value]) => {
    const held = licence[key as keyof Licence];
    return value instanceof Date || held instanceof Date
      ? (value as Date | null)?.getTime() === (held as Date | null)?.getTime()
      : (value ?? null) === (held ?? null);
  });
}
