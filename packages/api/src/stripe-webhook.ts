import { planOfPrice, type StripeBilling, type SubscriptionState, subscriptionState } from "@steward/billing";
import {
  applyScope,
  type Database,
  findTenantByStripeCustomer,
  inTransaction,
  type Licence,
  type LicenceValues,
  licenceRecord,
  lockLicence,
  recordAudit,
  recordStripeEvent,
  saveBillingInvoice,
  saveLicence,
  stripeEventReceived,
  type Tx,
  updateLicence,
} from "@steward/db";
import type { LicenceState } from "@steward/domain";
import type Stripe from "stripe";

/**
 * Stripe's webhooks (issue 11 §3), received on a plain Hono route (apps/api/src/app.ts) with the raw body.
 *
 * - The signature is verified on the raw body by the SDK; a tampered, stale or unsigned request is 400 and
 *   writes nothing.
 * - Each event is stored by its id in the same transaction as its effect, so a redelivery, or two deliveries at
 *   once, have one effect (the second insert waits for the first to commit, then finds the row).
 * - Out of order: the licence keeps the creation time of the event whose subscription state it holds; an older
 *   subscription event is stored and ignored. `checkout.session.completed` names only the subscription, so it is
 *   read from Stripe first, outside the transaction (DESIGN §3.4).
 * - An unknown type, an unknown customer or a malformed object is stored and acknowledged (200): a retry could
 *   not change it, and nothing else is written. The route answers 500 only when the database fails, so Stripe
 *   tries again later.
 */
export interface WebhookAnswer {
  status: 200 | 400;
  body: { received: boolean; outcome?: string; error?: string };
}

const handled = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
  "invoice.finalized",
]);

/** Stripe's subscription status → the licence's state (issue 11 §4). */
function licenceStateOf(status: Stripe.Subscription.Status): LicenceState {
  switch (status) {
    case "active":
    case "trialing":
      return "active";
    case "past_due":
    case "incomplete":
      return "past_due";
    default:
      // canceled, unpaid (Stripe gave up retrying), incomplete_expired, paused.
      return "lapsed";
  }
}

const customerOf = (object: { customer?: unknown }) =>
  typeof object.customer === "string"
    ? object.customer
    : object.customer && typeof object.customer === "object" && "id" in object.customer
      ? String((object.customer as { id: unknown }).id)
      : null;

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

export async function receiveStripeEvent(
  database: Database,
  billing: StripeBilling,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    event = billing.verifyEvent(rawBody, signature);
  } catch {
    return { status: 400, body: { received: false, error: "The signature does not match this body." } };
  }
  const object = event.data?.object as unknown as Record<string, unknown> | undefined;
  const createdAt = new Date((typeof event.created === "number" ? event.created : 0) * 1000);
  const customerId = object ? customerOf(object) : null;
  // Read from Stripe before the transaction opens: the subscription a completed checkout started.
  let fromStripe: SubscriptionState | null = null;
  if (event.type === "checkout.session.completed" && typeof object?.subscription === "string") {
    fromStripe = await billing.readSubscription(object.subscription).catch(() => null);
  }
  const outcome = await inTransaction(database, { tenantId: null, userId: null }, async (tx) => {
    const tenantId = customerId
      ? await findTenantByStripeCustomer(tx, { stripeCustomerId: customerId })
      : null;
    if (!handled.has(event.type)) return store(tx, event, createdAt, "not handled: acknowledged");
    if (!tenantId || !object) return store(tx, event, createdAt, "no council has this Stripe customer");
    if (await stripeEventReceived(tx, { id: event.id })) return "already received";
    await applyScope(tx, { tenantId });
    let applied: string;
    try {
      applied = await applyEvent(tx, billing, { event, object, tenantId, createdAt, fromStripe });
    } catch (error) {
      if (!(error instanceof MalformedEvent)) throw error;
      return store(tx, event, createdAt, `malformed: ${error.message}`);
    }
    // Stored after its effect: a copy delivered at the same moment waits here for this one to commit, finds
    // the row, and rolls its own effect back.
    if (!(await recordStripeEvent(tx, { id: event.id, type: event.type, createdAt, outcome: applied }))) {
      throw new AlreadyReceived();
    }
    return applied;
  }).catch((error: unknown) => {
    if (error instanceof AlreadyReceived) return "already received";
    throw error;
  });
  return { status: 200, body: { received: true, outcome } };
}

/** The event's object is not what its type promises; nothing is written but the event. */
class MalformedEvent extends Error {}
class AlreadyReceived extends Error {}

async function store(tx: Tx, event: Stripe.Event, createdAt: Date, outcome: string): Promise<string> {
  const stored = await recordStripeEvent(tx, {
    id: String(event.id),
    type: String(event.type),
    createdAt,
    outcome,
  });
  return stored ? outcome : "already received";
}

async function applyEvent(
  tx: Tx,
  billing: StripeBilling,
  input: {
    event: Stripe.Event;
    object: Record<string, unknown>;
    tenantId: string;
    createdAt: Date;
    fromStripe: SubscriptionState | null;
  },
): Promise<string> {
  const { event, object, tenantId, createdAt } = input;
  // Locked: the reconciliation job applies Stripe's state to the same row, one after the other.
  const before = await lockLicence(tx, { tenantId });

  if (event.type.startsWith("invoice.")) {
    const invoice = object as unknown as Stripe.Invoice;
    if (typeof invoice.id !== "string" || typeof invoice.amount_due !== "number") {
      throw new MalformedEvent("the invoice has no id or amount");
    }
    const poField = invoice.custom_fields?.find((field) => field.name === "PO number");
    await saveBillingInvoice(tx, {
      tenantId,
      values: {
        stripeInvoiceId: invoice.id,
        number: invoice.number ?? null,
        status: event.type === "invoice.payment_failed" ? "payment_failed" : String(invoice.status ?? "open"),
        currency: String(invoice.currency ?? "gbp").toUpperCase(),
        amountDueMinor: invoice.amount_due,
        amountPaidMinor: typeof invoice.amount_paid === "number" ? invoice.amount_paid : 0,
        dueOn: invoice.due_date ? isoDay(new Date(invoice.due_date * 1000)) : null,
        hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
        invoicePdfUrl: invoice.invoice_pdf ?? null,
        poNumber: poField?.value ?? null,
        issuedAt: new Date((invoice.created ?? event.created) * 1000),
      },
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId: null,
      requestId: null,
      action: "billing.invoice_updated",
      entityType: "council",
      entityId: tenantId,
      after: {
        stripeInvoiceId: invoice.id,
        number: invoice.number ?? null,
        status: String(invoice.status ?? "open"),
        amountDueMinor: invoice.amount_due,
        eventId: event.id,
      },
    });
    // A failed payment starts the grace period; a paid invoice ends it.
    if (before && event.type === "invoice.payment_failed" && before.state === "active") {
      return changeLicence(tx, event, tenantId, before, {
        state: "past_due",
        pastDueSince: isoDay(createdAt),
      });
    }
    if (before && event.type === "invoice.paid" && before.state === "past_due") {
      return changeLicence(tx, event, tenantId, before, { state: "active", pastDueSince: null });
    }
    return "invoice recorded";
  }

  // A subscription's state: from the event's own object, or (checkout) as read from Stripe.
  let state: SubscriptionState;
  if (event.type === "checkout.session.completed") {
    if (!input.fromStripe)
      throw new MalformedEvent("the checkout session names no subscription Stripe knows");
    state = input.fromStripe;
  } else {
    const subscription = object as unknown as Stripe.Subscription;
    if (typeof subscription.id !== "string" || !Array.isArray(subscription.items?.data)) {
      throw new MalformedEvent("the subscription has no id or items");
    }
    state = subscriptionState(subscription);
  }
  if (isOlderThanHeld(before, createdAt)) return "ignored: older than the subscription state held";
  const values = subscriptionLicence(billing, before, state, {
    stateAt: createdAt,
    deleted: event.type === "customer.subscription.deleted",
  });
  if (!values) throw new MalformedEvent("the subscription's price is not one of the plans'");
  const saved = await saveLicence(tx, { tenantId, values });
  await recordAudit(tx, {
    tenantId,
    actorUserId: null,
    requestId: null,
    action: "licence.stripe_updated",
    entityType: "council",
    entityId: tenantId,
    before: before && licenceRecord(before),
    after: { ...licenceRecord(saved), eventId: event.id, eventType: event.type },
  });
  return "licence updated";
}

/** The licence holds a subscription state newer than one Stripe gave at `stateAt`: that one is out of date. */
export function isOlderThanHeld(before: Licence | null, stateAt: Date): boolean {
  return before?.stripeStateAt != null && before.stripeStateAt > stateAt;
}

/**
 * What a subscription's state, as Stripe held it at `stateAt`, makes of the licence: the one way both the
 * webhook and the reconciliation job (stripe-reconciliation.ts) turn Stripe's state into the licence. Null when
 * the subscription's price is not one of the plans'.
 */
export function subscriptionLicence(
  billing: StripeBilling,
  before: Licence | null,
  state: SubscriptionState,
  { stateAt, deleted }: { stateAt: Date; deleted: boolean },
): LicenceValues | null {
  const priced = state.priceId ? planOfPrice(billing.settings.prices, state.priceId) : null;
  if (!priced) return null;
  const licenceState = deleted ? "lapsed" : licenceStateOf(state.status);
  return {
    plan: priced.plan,
    interval: priced.interval,
    seats: state.seats,
    state: licenceState,
    source: "stripe",
    startsOn: before?.startsOn ?? isoDay(stateAt),
    endsOn: null,
    pastDueSince: licenceState === "past_due" ? (before?.pastDueSince ?? isoDay(stateAt)) : null,
    suspendedAt: before?.suspendedAt ?? null,
    poNumber: state.poNumber,
    stripeSubscriptionId: state.subscriptionId,
    stripeCollection: state.collection,
    stripePeriodEndsAt: state.periodEndsAt,
    stripeStateAt: stateAt,
  };
}

async function changeLicence(
  tx: Tx,
  event: Stripe.Event,
  tenantId: string,
  before: Licence,
  changes: Partial<LicenceValues>,
): Promise<string> {
  const saved = await updateLicence(tx, { tenantId, version: null, changes });
  if (!saved) return "invoice recorded";
  await recordAudit(tx, {
    tenantId,
    actorUserId: null,
    requestId: null,
    action: "licence.stripe_updated",
    entityType: "council",
    entityId: tenantId,
    before: licenceRecord(before),
    after: { ...licenceRecord(saved), eventId: event.id, eventType: event.type },
  });
  return "licence updated";
}
