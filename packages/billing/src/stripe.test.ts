import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StripeBilling } from "./stripe.ts";
import { FakeStripe } from "./testing/fake-stripe.ts";

/** The real SDK against the local fake Stripe (its host/port/protocol options), for the calls Steward makes. */
let fake: FakeStripe;
let billing: StripeBilling;
beforeAll(async () => {
  fake = await FakeStripe.start();
  billing = new StripeBilling(fake.settings());
});
afterAll(() => fake.close());

describe("Stripe through the SDK (issue 11 §2)", () => {
  it("creates one customer per council, however often the first call is retried", async () => {
    const council = {
      tenantId: "0190a000-0000-7000-8000-000000000001",
      name: "Blaby",
      email: "admin@blaby.test",
    };
    const first = await billing.createCustomer(council);
    expect(await billing.createCustomer(council)).toBe(first);
    expect(fake.customers.size).toBe(1);
    expect(fake.customers.get(first)?.metadata).toEqual({ tenant_id: council.tenantId });
  });

  it("starts an invoice subscription with days until due and the PO number on the customer's invoices", async () => {
    const customerId = await billing.createCustomer({
      tenantId: "t-2",
      name: "Harborough",
      email: "a@h.test",
    });
    const state = await billing.startInvoiceSubscription({
      tenantId: "t-2",
      customerId,
      priceId: "price_essentials_year",
      seats: 12,
      poNumber: "PO-4471",
      requestKey: "subscribe-t-2-1",
    });
    expect(state).toMatchObject({
      seats: 12,
      collection: "send_invoice",
      poNumber: "PO-4471",
      status: "active",
    });
    const created = fake.requests.find((request) => request.path === "/v1/subscriptions");
    expect(created?.body).toMatchObject({ collection_method: "send_invoice", days_until_due: "30" });
    expect(created?.idempotencyKey).toBe("subscribe-t-2-1");
    expect(fake.customers.get(customerId)?.invoice_settings).toEqual({
      custom_fields: [{ name: "PO number", value: "PO-4471" }],
    });
  });

  it("sends a card payment to Checkout, and changes seats with an idempotency key", async () => {
    const customerId = await billing.createCustomer({ tenantId: "t-3", name: "Oadby", email: "a@o.test" });
    const url = await billing.startCheckout({
      tenantId: "t-3",
      customerId,
      priceId: "price_partnership_year",
      seats: 40,
      poNumber: null,
      returnUrl: "http://localhost:3000/t/oadby/billing",
      requestKey: "checkout-t-3-1",
    });
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const checkout = fake.requests.find((request) => request.path === "/v1/checkout/sessions");
    expect(checkout?.body).toMatchObject({
      mode: "subscription",
      client_reference_id: "t-3",
      line_items: [{ price: "price_partnership_year", quantity: "40" }],
    });
    const subscription = fake.subscriptionObject({
      customer: customerId,
      price: "price_partnership_year",
      quantity: 40,
    });
    fake.subscriptions.set(String(subscription.id), subscription);
    const changed = await billing.changeSeats(String(subscription.id), 45, "seats-t-3-45");
    expect(changed.seats).toBe(45);
    expect(fake.requests.at(-1)).toMatchObject({ method: "POST", idempotencyKey: "seats-t-3-45" });
    expect(await billing.portalUrl(customerId, "http://localhost:3000/t/oadby/billing")).toMatch(/^https:/);
  });
});
