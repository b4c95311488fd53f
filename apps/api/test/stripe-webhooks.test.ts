import { StripeBilling } from "@steward/billing";
import { FakeStripe } from "@steward/billing/testing";
import { inTransaction } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { newId } from "@steward/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";

/**
 * Stripe's webhooks on their plain Hono route (issue 11 §3), signed with the SDK's own test helper; the SDK is
 * pointed at the local fake Stripe for the one read a completed checkout needs.
 */
let test: TestDatabase;
let fake: FakeStripe;
let billing: StripeBilling;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  test = await createTestDatabase();
  fake = await FakeStripe.start();
  billing = new StripeBilling(fake.settings());
  app = createApp({
    database: test.database,
    appUrl: "http://localhost:3000",
    logger: pino({ level: "silent" }),
    mail: { wake: () => {} },
    mailbox: "closed",
    isReady: async () => true,
    stripe: billing,
  });
});
afterAll(async () => {
  await fake.close();
  await test.close();
});

const secret = "whsec_fake_secret";
let created = Math.floor(Date.now() / 1000) - 600;

/** An event as Stripe sends it, each created a second after the one before. */
function eventOf(type: string, object: Record<string, unknown>) {
  created += 1;
  const at = created;
  return { id: `evt_${newId().replaceAll("-", "")}`, object: "event", type, created: at, data: { object } };
}

function post(payload: string, signature: string | null) {
  return app.request("/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body: payload,
  });
}

const signed = (payload: string, timestamp?: number) =>
  billing.stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });

async function deliver(event: object) {
  const payload = JSON.stringify(event);
  const response = await post(payload, signed(payload));
  return { status: response.status, body: (await response.json()) as { outcome?: string } };
}

/** A council with a Stripe customer; what it holds, read under its own scope. */
async function council() {
  const fixture = await createTenantFixture(test, { licence: { plan: "essentials", seats: 10 } });
  const customer = `cus_${newId().replaceAll("-", "").slice(-14)}`;
  await test.owner`update tenants set stripe_customer_id = ${customer} where id = ${fixture.tenantId}`;
  const state = () =>
    inTransaction(test.database, { tenantId: fixture.tenantId, userId: null }, async (tx) => {
      const [licence] = await tx.execute<{ plan: string; seats: number; state: string; source: string }>(
        "select plan, seats, state, source, past_due_since from licences",
      );
      const audit = await tx.execute<{ action: string }>("select action from audit_events order by seq");
      const invoices = await tx.execute<{ status: string }>("select status from billing_invoices");
      return { licence, audit: audit.map((row) => row.action), invoices: invoices.map((row) => row.status) };
    });
  return { ...fixture, customer, state };
}

const subscription = (customer: string, values: { quantity: number; status?: string; price?: string }) =>
  fake.subscriptionObject({
    id: `sub_${customer}`,
    customer,
    price: values.price ?? "price_partnership_year",
    quantity: values.quantity,
    status: values.status ?? "active",
  });

const storedEvents = async () =>
  (await test.owner`select count(*)::int as count from stripe_events`)[0]?.count;

describe("Stripe webhooks (issue 11 §3)", () => {
  it("applies a signed subscription event: plan from its price, seats from its quantity, kept by Stripe", async () => {
    const { customer, state } = await council();
    const answer = await deliver(
      eventOf("customer.subscription.created", subscription(customer, { quantity: 40 })),
    );
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "licence updated" } });
    expect((await state()).licence).toMatchObject({
      plan: "partnership",
      seats: 40,
      state: "active",
      source: "stripe",
    });
    expect((await state()).audit).toContain("licence.stripe_updated");
  });

  it("refuses a tampered, stale or unsigned event with 400 and writes nothing", async () => {
    const { customer, state } = await council();
    const before = { council: await state(), events: await storedEvents() };
    const payload = JSON.stringify(
      eventOf("customer.subscription.updated", subscription(customer, { quantity: 99 })),
    );
    const tampered = payload.replace('"quantity":99', '"quantity":999');
    const stale = signed(payload, Math.floor(Date.now() / 1000) - 3600);
    for (const [body, signature] of [
      [tampered, signed(payload)],
      [payload, stale],
      [payload, null],
      [payload, "t=1,v1=deadbeef"],
      ["not json at all", signed("not json at all")],
    ] as const) {
      const response = await post(body, signature);
      expect(response.status).toBe(400);
    }
    // A body that is not JSON but is signed still cannot be an event: 400, never 500.
    expect({ council: await state(), events: await storedEvents() }).toEqual(before);
  });

  it("has one effect for the same event delivered twice, or twice at once", async () => {
    const { customer, state } = await council();
    const event = eventOf("customer.subscription.updated", subscription(customer, { quantity: 12 }));
    const answers = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => answer.body.outcome === "licence updated")).toHaveLength(1);
    expect((await deliver(event)).body.outcome).toBe("already received");
    const after = await state();
    expect(after.audit.filter((action) => action === "licence.stripe_updated")).toHaveLength(1);
    const [stored] =
      await test.owner`select count(*)::int as count from stripe_events where id = ${event.id}`;
    expect(stored?.count).toBe(1);
  });

  it("ignores an older subscription.updated that arrives after a newer one", async () => {
    const { customer, state } = await council();
    const older = eventOf("customer.subscription.updated", subscription(customer, { quantity: 20 }));
    const newer = eventOf("customer.subscription.updated", subscription(customer, { quantity: 30 }));
    expect((await deliver(newer)).body.outcome).toBe("licence updated");
    expect((await deliver(older)).body.outcome).toBe("ignored: older than the subscription state held");
    expect((await state()).licence?.seats).toBe(30);
  });

  it("reads the subscription a completed checkout started, and follows failed and paid invoices", async () => {
    const { customer, state } = await council();
    const started = subscription(customer, { quantity: 25, price: "price_essentials_month" });
    fake.subscriptions.set(String(started.id), started);
    const checkout = eventOf("checkout.session.completed", {
      id: "cs_1",
      object: "checkout.session",
      customer,
      subscription: started.id,
    });
    expect((await deliver(checkout)).body.outcome).toBe("licence updated");
    expect((await state()).licence).toMatchObject({ plan: "essentials", seats: 25, source: "stripe" });
    const invoice = (status: string) => ({
      id: "in_1",
      object: "invoice",
      customer,
      number: "STEW-0001",
      status,
      currency: "gbp",
      amount_due: 100_000,
      amount_paid: status === "paid" ? 100_000 : 0,
      created: created,
      due_date: null,
      hosted_invoice_url: "https://invoice.stripe.test/i/1",
      invoice_pdf: "https://invoice.stripe.test/i/1/pdf",
      custom_fields: [{ name: "PO number", value: "PO-1" }],
    });
    expect((await deliver(eventOf("invoice.finalized", invoice("open")))).body.outcome).toBe(
      "invoice recorded",
    );
    expect((await deliver(eventOf("invoice.payment_failed", invoice("open")))).body.outcome).toBe(
      "licence updated",
    );
    expect((await state()).licence).toMatchObject({ state: "past_due" });
    expect((await deliver(eventOf("invoice.paid", invoice("paid")))).body.outcome).toBe("licence updated");
    const after = await state();
    expect(after.licence).toMatchObject({ state: "active" });
    expect(after.invoices).toEqual(["paid"]);
  });

  it("acknowledges unknown types, unknown customers and malformed objects, changing nothing but the record", async () => {
    const { customer, state } = await council();
    const before = await state();
    expect(
      (await deliver(eventOf("customer.created", { id: customer, object: "customer" }))).body.outcome,
    ).toBe("not handled: acknowledged");
    expect(
      (await deliver(eventOf("customer.subscription.updated", subscription("cus_nobody", { quantity: 3 }))))
        .body.outcome,
    ).toBe("no council has this Stripe customer");
    const malformed = await deliver(eventOf("customer.subscription.updated", { id: "sub_x", customer }));
    expect(malformed).toEqual({
      status: 200,
      body: { received: true, outcome: "malformed: the subscription has no id or items" },
    });
    const unpriced = await deliver(
      eventOf(
        "customer.subscription.updated",
        subscription(customer, { quantity: 3, price: "price_unknown" }),
      ),
    );
    expect(unpriced.body.outcome).toBe("malformed: the subscription's price is not one of the plans'");
    const noData = await deliver({ id: "evt_nodata", object: "event", type: "invoice.paid", created });
    expect(noData.status).toBe(200);
    expect(await state()).toEqual(before);
  });

  it("cancels: a deleted subscription lapses the licence (read-only, nothing deleted)", async () => {
    const { customer, state } = await council();
    await deliver(eventOf("customer.subscription.created", subscription(customer, { quantity: 10 })));
    await deliver(
      eventOf("customer.subscription.deleted", subscription(customer, { quantity: 10, status: "canceled" })),
    );
    expect((await state()).licence).toMatchObject({ state: "lapsed", source: "stripe" });
  });
});
