import { StripeBilling } from "@steward/billing";
import { FakeStripe } from "@steward/billing/testing";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let fake: FakeStripe;
let stripe: StripeBilling;
beforeAll(async () => {
  test = await createTestDatabase();
  fake = await FakeStripe.start();
  stripe = new StripeBilling(fake.settings());
});
afterAll(async () => {
  await fake.close();
  await test.close();
});

const byInvoice = {
  plan: "professional" as const,
  interval: "year" as const,
  seats: 15,
  collection: "invoice" as const,
  poNumber: "PO-7781",
};

describe("the council's billing (issue 11 §2, §7)", () => {
  it("subscribes by invoice: one customer, the PO number on its invoices, the licence kept by Stripe", async () => {
    const council = await createTenantFixture(test, { licence: { plan: "essentials", seats: 10 } });
    const { caller } = await callerFor(test, {
      userId: council.users.admin,
      tenantId: council.tenantId,
      stripe,
    });
    expect(await caller.billing.subscribe(byInvoice)).toEqual({ checkoutUrl: null });
    const overview = await caller.billing.overview();
    expect(overview).toMatchObject({
      offline: false,
      seatsUsed: 6,
      hasStripeCustomer: true,
      licence: {
        plan: "professional",
        seats: 15,
        source: "stripe",
        collection: "send_invoice",
        poNumber: "PO-7781",
      },
      standing: { kind: "good" },
    });
    expect((await refusal(caller.billing.subscribe(byInvoice))).code).toBe("CONFLICT");
    // Seats: never below those in use; the change carries an idempotency key.
    expect(await refusal(caller.billing.changeSeats({ seats: 5 }))).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { seats: "At least 6." },
    });
    expect(await caller.billing.changeSeats({ seats: 20 })).toEqual({ seats: 20 });
    expect(fake.requests.at(-1)?.idempotencyKey).toMatch(/^seats-/);
    await caller.billing.setPoNumber({ poNumber: "PO-9000" });
    expect((await caller.billing.overview()).licence?.poNumber).toBe("PO-9000");
    expect((await caller.billing.portal()).url).toMatch(/^https:/);
    const [events] =
      await test.owner`select count(*)::int as count from tenants where id = ${council.tenantId} and stripe_customer_id is not null`;
    expect(events?.count).toBe(1);
  });

  it("sends a card payment to Checkout, and lets a lapsed council pay", async () => {
    const council = await createTenantFixture(test, {
      licence: { plan: "essentials", seats: 10, state: "lapsed" },
    });
    const { caller } = await callerFor(test, {
      userId: council.users.admin,
      tenantId: council.tenantId,
      stripe,
    });
    expect((await refusal(caller.suppliers.create({ name: "Read-only Ltd" }))).code).toBe("FORBIDDEN");
    const { checkoutUrl } = await caller.billing.subscribe({ ...byInvoice, collection: "card" });
    expect(checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
  });

  it("previews the next invoice from Stripe: amount, the day it is issued, the PO number it prints", async () => {
    const council = await createTenantFixture(test, { licence: { plan: "essentials", seats: 10 } });
    const { caller } = await callerFor(test, {
      userId: council.users.admin,
      tenantId: council.tenantId,
      stripe,
    });
    // No subscription yet: nothing to preview, and Stripe is not asked.
    const asked = fake.requests.length;
    expect(await caller.billing.nextInvoice()).toBeNull();
    expect(fake.requests.length).toBe(asked);

    await caller.billing.subscribe(byInvoice);
    const next = await caller.billing.nextInvoice();
    const preview = fake.requests.at(-1);
    expect(preview).toMatchObject({ method: "POST", path: "/v1/invoices/create_preview" });
    const subscription = fake.subscriptions.get(String(preview?.body.subscription));
    if (!subscription) throw new Error("the preview named no subscription the fake holds");
    const periodEnd = (subscription.items as { data: { current_period_end: number }[] }).data[0]
      ?.current_period_end;
    expect(next).toEqual({
      amountDueMinor: 15 * 12_000,
      currency: "GBP",
      issuedOn: new Date((periodEnd ?? 0) * 1000),
      poNumber: "PO-7781",
    });
    await caller.billing.setPoNumber({ poNumber: "PO-9000" });
    expect((await caller.billing.nextInvoice())?.poNumber).toBe("PO-9000");

    // Cancelled in Stripe: it will not invoice again.
    subscription.status = "canceled";
    expect(await caller.billing.nextInvoice()).toBeNull();
  });

  it("is offline without a Stripe key: labelled, and every Stripe call refused", async () => {
    const council = await createTenantFixture(test);
    const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
    expect((await caller.billing.overview()).offline).toBe(true);
    expect((await caller.billing.status()).offline).toBe(true);
    expect((await refusal(caller.billing.subscribe(byInvoice))).code).toBe("CONFLICT");
    expect((await refusal(caller.billing.nextInvoice())).code).toBe("CONFLICT");
  });

  it("tells every member the modules the licence includes, for the navigation", async () => {
    const essentials = await createTenantFixture(test, { licence: { plan: "essentials", seats: 10 } });
    const viewer = (await callerFor(test, { userId: essentials.users.viewer, tenantId: essentials.tenantId }))
      .caller;
    expect((await viewer.billing.status()).modules).toEqual(["register", "tracker"]);
    const partnership = await createTenantFixture(test);
    const member = (
      await callerFor(test, { userId: partnership.users.viewer, tenantId: partnership.tenantId })
    ).caller;
    expect((await member.billing.status()).modules).toEqual(
      expect.arrayContaining(["register", "benchmarking", "training", "advisor_access"]),
    );
  });
});
