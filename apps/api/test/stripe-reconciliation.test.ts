import { StripeBilling } from "@steward/billing";
import { FakeStripe } from "@steward/billing/testing";
import { inTransaction } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import type { JobHelpers } from "graphile-worker";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobRunner, startJobs } from "../src/jobs/index.ts";
import { licenceTasks } from "../src/jobs/licences.ts";
import { idle } from "./job-runner.ts";

/**
 * The reconciliation job (issue 11 §2) on the job runner, with the real SDK pointed at the local fake Stripe:
 * what a crash between a Stripe call and its record, or a lost webhook, left behind is repaired by re-reading
 * Stripe; a second run changes nothing.
 */
let test: TestDatabase;
let fake: FakeStripe;
let billing: StripeBilling;
let runner: JobRunner;
const logged: string[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => logged.push(line) });

beforeAll(async () => {
  test = await createTestDatabase();
  fake = await FakeStripe.start();
  billing = new StripeBilling(fake.settings());
  ({ runner } = await startJobs({
    database: test.database,
    ownerUrl: test.ownerUrl,
    logger,
    appUrl: "https://steward.example",
    smtpUrl: undefined,
    mailFrom: "Steward <no-reply@example.test>",
    stripe: billing,
  }));
});
afterAll(async () => {
  await runner.stop();
  await fake.close();
  await test.close();
});

const reconcile = async () => {
  await runner.add("licences:reconcile", {});
  await idle(runner);
};

/** A council on an offline Essentials licence whose Stripe customer was created and recorded. */
async function councilWithCustomer() {
  const council = await createTenantFixture(test, { licence: { plan: "essentials", seats: 10 } });
  const customerId = await billing.createCustomer({
    tenantId: council.tenantId,
    name: "Reconciled Council",
    email: "admin@reconciled.example",
  });
  await test.owner`update tenants set stripe_customer_id = ${customerId} where id = ${council.tenantId}`;
  const held = () =>
    inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => {
      const [licence] = await tx.execute<{
        plan: string;
        seats: number;
        state: string;
        source: string;
        stripe_subscription_id: string | null;
        version: number;
      }>("select plan, seats, state, source, stripe_subscription_id, version from licences");
      const audit = await tx.execute<{ action: string }>(
        "select action from audit_events where action = 'licence.reconciled' order by seq",
      );
      return { licence, reconciled: audit.length };
    });
  return { ...council, customerId, held };
}

describe("the reconciliation with Stripe (issue 11 §2)", () => {
  it("records a subscription Stripe started that a crash left unrecorded, once", async () => {
    const council = await councilWithCustomer();
    // The call to Stripe succeeded; the process died before its record (billing.subscribe's second step).
    const started = await billing.startInvoiceSubscription({
      tenantId: council.tenantId,
      customerId: council.customerId,
      priceId: "price_partnership_year",
      seats: 30,
      poNumber: "PO-7781",
      requestKey: `subscribe-${council.tenantId}`,
    });
    expect((await council.held()).licence).toMatchObject({ plan: "essentials", source: "offline" });

    await reconcile();
    const repaired = await council.held();
    expect(repaired).toMatchObject({
      licence: {
        plan: "partnership",
        seats: 30,
        state: "active",
        source: "stripe",
        stripe_subscription_id: started.subscriptionId,
      },
      reconciled: 1,
    });

    // Again: Stripe says what the licence says, so nothing is written.
    await reconcile();
    expect(await council.held()).toEqual(repaired);
  });

  it("applies what a lost webhook would have said: past due, then cancelled", async () => {
    const council = await councilWithCustomer();
    await billing.startInvoiceSubscription({
      tenantId: council.tenantId,
      customerId: council.customerId,
      priceId: "price_essentials_year",
      seats: 12,
      poNumber: null,
      requestKey: `subscribe-${council.tenantId}`,
    });
    await reconcile();
    const subscription = [...fake.subscriptions.values()].find((row) => row.customer === council.customerId);
    if (!subscription) throw new Error("the fake holds no subscription for the council");

    subscription.status = "past_due";
    await reconcile();
    expect(await council.held()).toMatchObject({ licence: { state: "past_due" }, reconciled: 2 });

    subscription.status = "canceled";
    await reconcile();
    expect(await council.held()).toMatchObject({ licence: { state: "lapsed" }, reconciled: 3 });
    await reconcile();
    expect((await council.held()).reconciled).toBe(3);
  });

  it("yields to a subscription event newer than its read of Stripe", async () => {
    const council = await councilWithCustomer();
    await billing.startInvoiceSubscription({
      tenantId: council.tenantId,
      customerId: council.customerId,
      priceId: "price_essentials_year",
      seats: 12,
      poNumber: null,
      requestKey: `subscribe-${council.tenantId}`,
    });
    await reconcile();
    // A webhook applied a state Stripe created after the job will read it (its creation time is later).
    await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      tx.execute("update licences set stripe_state_at = now() + interval '1 hour'"),
    );
    const subscription = [...fake.subscriptions.values()].find((row) => row.customer === council.customerId);
    if (!subscription) throw new Error("the fake holds no subscription for the council");
    subscription.status = "past_due";
    await reconcile();
    expect(await council.held()).toMatchObject({ licence: { state: "active" }, reconciled: 1 });
  });

  it("leaves a council whose customer has no subscription as it is", async () => {
    const council = await councilWithCustomer();
    const before = await council.held();
    await reconcile();
    expect(await council.held()).toEqual(before);
  });

  it("does nothing offline (no Stripe key), and says so", async () => {
    const council = await createTenantFixture(test, { licence: { plan: "essentials" } });
    const lines: string[] = [];
    const offline = licenceTasks({
      database: test.database,
      stripe: null,
      logger: pino({ level: "info" }, { write: (line: string) => lines.push(line) }),
    });
    const helpers = {
      addJob: () => {
        throw new Error("offline: no job may be queued");
      },
    } as unknown as JobHelpers;
    await offline["licences:reconcile"]?.({}, helpers);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      "billing is offline (no Stripe key): nothing to reconcile",
    ]);
    const licence = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      tx.execute<{ plan: string; version: number }>("select plan, version from licences"),
    );
    expect(licence).toEqual([{ plan: "essentials", version: 1 }]);
  });
});
