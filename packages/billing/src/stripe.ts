import type { BillingInterval, PlanId } from "@steward/domain";
import Stripe from "stripe";
import { priceIdFor, type StripePrices } from "./plans.ts";

/**
 * Steward's only way to Stripe (issue 11 §2): the official SDK. Each method is one call (or two) to Stripe and
 * nothing else: callers make it outside any database transaction and record the result after (DESIGN §3.4).
 * Every call that creates or changes something carries an idempotency key, so a retried request has one effect.
 */
export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  prices: StripePrices;
  /** Days a council has to pay an invoice (collection by invoice). */
  daysUntilDue: number;
  /** Only under test: the local fake Stripe server (the SDK's own host/port/protocol options). */
  server?: { host: string; port: number; protocol: "http" | "https" };
}

export type Collection = "card" | "invoice";

/** The Stripe subscription as the licence records it. */
export interface SubscriptionState {
  subscriptionId: string;
  customerId: string;
  status: Stripe.Subscription.Status;
  priceId: string | null;
  seats: number;
  collection: "charge_automatically" | "send_invoice";
  periodEndsAt: Date | null;
  poNumber: string | null;
}

export function subscriptionState(subscription: Stripe.Subscription): SubscriptionState {
  const item = subscription.items.data[0];
  return {
    subscriptionId: subscription.id,
    customerId: typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id,
    status: subscription.status,
    priceId: item?.price.id ?? null,
    seats: item?.quantity ?? 0,
    collection: subscription.collection_method === "send_invoice" ? "send_invoice" : "charge_automatically",
    periodEndsAt: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    poNumber: subscription.metadata.po_number || null,
  };
}

/** Stripe's preview of the next invoice of a subscription, as the billing page shows it (issue 11 §7). */
export interface NextInvoice {
  amountDueMinor: number;
  currency: string;
  /** The day Stripe will issue it: the start of the period it bills. */
  issuedOn: Date | null;
  /** The PO number its custom field will print. */
  poNumber: string | null;
}

/** A subscription in these states is over: Stripe will not bill it again. */
const endedStatuses = new Set<Stripe.Subscription.Status>(["canceled", "incomplete_expired"]);

/** The purchase-order number on every invoice: a custom field of the customer's invoices (issue 11 §2). */
const poFields = (poNumber: string | null) =>
  poNumber ? [{ name: "PO number", value: poNumber }] : ("" as const);

export class StripeBilling {
  readonly stripe: Stripe;

  constructor(readonly settings: StripeSettings) {
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(settings.server ?? {}),
    });
  }

  /** Verifies a webhook's signature on its raw body; throws on a tampered, stale or unsigned one. */
  verifyEvent(rawBody: string, signature: string | undefined): Stripe.Event {
    if (!signature) throw new Error("unsigned");
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
  }

  /** A customer per council, named by the council's id (the key makes a retried first call create one). */
  async createCustomer(council: { tenantId: string; name: string; email: string }): Promise<string> {
    const customer = await this.stripe.customers.create(
      { name: council.name, email: council.email, metadata: { tenant_id: council.tenantId } },
      { idempotencyKey: `customer-${council.tenantId}` },
    );
    return customer.id;
  }

  priceFor(plan: PlanId, interval: BillingInterval): string | null {
    return priceIdFor(this.settings.prices, plan, interval);
  }

  /** Card: a Checkout session the admin is sent to; the webhook records the subscription it starts. */
  async startCheckout(request: {
    tenantId: string;
    customerId: string;
    priceId: string;
    seats: number;
    poNumber: string | null;
    returnUrl: string;
    requestKey: string;
  }): Promise<string> {
    await this.setPoNumberOnCustomer(request.customerId, request.poNumber, `${request.requestKey}-po`);
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: "subscription",
        customer: request.customerId,
        client_reference_id: request.tenantId,
        line_items: [{ price: request.priceId, quantity: request.seats }],
        subscription_data: {
          metadata: { tenant_id: request.tenantId, po_number: request.poNumber ?? "" },
        },
        success_url: `${request.returnUrl}?checkout=done`,
        cancel_url: `${request.returnUrl}?checkout=cancelled`,
      },
      { idempotencyKey: request.requestKey },
    );
    if (!session.url) throw new Error("Stripe returned a Checkout session without a URL");
    return session.url;
  }

  /** Invoice: a subscription whose invoices are sent to the council, payable within the configured days. */
  async startInvoiceSubscription(request: {
    tenantId: string;
    customerId: string;
    priceId: string;
    seats: number;
    poNumber: string | null;
    requestKey: string;
  }): Promise<SubscriptionState> {
    await this.setPoNumberOnCustomer(request.customerId, request.poNumber, `${request.requestKey}-po`);
    const subscription = await this.stripe.subscriptions.create(
      {
        customer: request.customerId,
        items: [{ price: request.priceId, quantity: request.seats }],
        collection_method: "send_invoice",
        days_until_due: this.settings.daysUntilDue,
        metadata: { tenant_id: request.tenantId, po_number: request.poNumber ?? "" },
      },
      { idempotencyKey: request.requestKey },
    );
    return subscriptionState(subscription);
  }

  /** Stripe's customer portal, for card details, invoices and cancelling. */
  async portalUrl(customerId: string, returnUrl: string): Promise<string> {
    const session = await this.stripe.billingPortal.sessions.create({
      customer: customerId,
      return_url: returnUrl,
    });
    return session.url;
  }

  /** Seats are the subscription's quantity; the key makes a retried change one change. */
  async changeSeats(subscriptionId: string, seats: number, requestKey: string): Promise<SubscriptionState> {
    const current = await this.stripe.subscriptions.retrieve(subscriptionId);
    const item = current.items.data[0];
    if (!item) throw new Error("The subscription has no item to change");
    const updated = await this.stripe.subscriptions.update(
      subscriptionId,
      { items: [{ id: item.id, quantity: seats }], proration_behavior: "create_prorations" },
      { idempotencyKey: requestKey },
    );
    return subscriptionState(updated);
  }

  /** The PO number on the subscription and on every invoice the customer receives from now on. */
  async changePoNumber(request: {
    customerId: string;
    subscriptionId: string | null;
    poNumber: string | null;
    requestKey: string;
  }): Promise<void> {
    await this.setPoNumberOnCustomer(request.customerId, request.poNumber, `${request.requestKey}-customer`);
    if (request.subscriptionId) {
      await this.stripe.subscriptions.update(
        request.subscriptionId,
        { metadata: { po_number: request.poNumber ?? "" } },
        { idempotencyKey: `${request.requestKey}-subscription` },
      );
    }
  }

  /** The subscription as Stripe holds it now: the answer to events that arrive out of order. */
  async readSubscription(subscriptionId: string): Promise<SubscriptionState> {
    return subscriptionState(await this.stripe.subscriptions.retrieve(subscriptionId));
  }

  /**
   * The customer's subscription as Stripe holds it now, for the reconciliation job: the newest that has not
   * ended, found through the customer's subscriptions (one started but never recorded, after a crash between
   * the call and its record), or else the one the licence records, ended (a cancellation whose webhook was
   * lost). Null: the customer has none.
   */
  async currentSubscription(
    customerId: string,
    recordedId: string | null,
  ): Promise<SubscriptionState | null> {
    const { data } = await this.stripe.subscriptions.list({ customer: customerId, status: "all", limit: 20 });
    const live = data
      .filter((subscription) => !endedStatuses.has(subscription.status))
      .sort((a, b) => b.created - a.created)[0];
    if (live) return subscriptionState(live);
    const recorded = data.find((subscription) => subscription.id === recordedId);
    if (recorded) return subscriptionState(recorded);
    return recordedId ? this.readSubscription(recordedId) : null;
  }

  /**
   * Stripe's preview of the subscription's next invoice (`invoices.createPreview`, which replaced the upcoming
   * invoice API in 2025): amount, the day it is issued, the PO number it prints. Null when Stripe will not
   * invoice it again (a cancelled subscription).
   */
  async previewNextInvoice(customerId: string, subscriptionId: string): Promise<NextInvoice | null> {
    let preview: Stripe.Invoice;
    try {
      preview = await this.stripe.invoices.createPreview({
        customer: customerId,
        subscription: subscriptionId,
      });
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeInvalidRequestError &&
        error.code === "invoice_upcoming_none"
      ) {
        return null;
      }
      throw error;
    }
    const periodStart = preview.lines?.data[0]?.period?.start ?? preview.period_end;
    return {
      amountDueMinor: preview.amount_due,
      currency: preview.currency.toUpperCase(),
      issuedOn: periodStart ? new Date(periodStart * 1000) : null,
      poNumber: preview.custom_fields?.find((field) => field.name === "PO number")?.value ?? null,
    };
  }

  private async setPoNumberOnCustomer(customerId: string, poNumber: string | null, idempotencyKey: string) {
    await this.stripe.customers.update(
      customerId,
      { invoice_settings: { custom_fields: poFields(poNumber) } },
      { idempotencyKey },
    );
  }
}
