import { createHash } from "node:crypto";
import { planOf, plans } from "@steward/billing";
import {
  countSeatsUsed,
  getLicence,
  licenceRecord,
  listBillingInvoices,
  saveLicence,
  setStripeCustomer,
  updateLicence,
} from "@steward/db";
import {
  billingIntervals,
  conflict,
  integerInput,
  invalid,
  optionalTextInput,
  planIds,
} from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, router, stripeProcedure, type TenantContext } from "../init.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** The licence's standing today, from the entitlements the tenant rung reads once a request. */
async function standingOf(ctx: Pick<TenantContext, "entitlements">) {
  const current = await ctx.entitlements();
  return current?.standing ?? { kind: "read_only" as const, reason: "This council has no licence yet." };
}

const poNumberInput = optionalTextInput(100);

/**
 * The council's billing (issue 11 §7). `status` is every member's (the banner); the rest is the admins'. The
 * calls to Stripe stand on `stripeProcedure`: checked, then Stripe, then recorded, never inside a transaction.
 */
export const billingRouter = router({
  /** What the banner says: the plan and its standing (grace until, or why read-only). */
  status: permittedProcedure("contracts:read").query(async ({ ctx }) => {
    const current = await ctx.entitlements();
    return {
      planName: current?.plan.name ?? null,
      standing: await standingOf(ctx),
      offline: ctx.stripe === null,
      /** The modules the licence includes today: the navigation leaves out the others' pages. */
      modules: current?.modules ?? [],
    };
  }),

  overview: permittedProcedure("billing:manage").query(async ({ ctx }) => {
    const licence = await getLicence(ctx.tx, { tenantId: ctx.tenantId });
    const council = await ctx.council();
    return {
      offline: ctx.stripe === null,
      licence: licence && {
        plan: licence.plan,
        planName: planOf(licence.plan).name,
        modules: planOf(licence.plan).modules,
        seats: licence.seats,
        interval: licence.interval,
        state: licence.state,
        source: licence.source,
        startsOn: licence.startsOn,
        endsOn: licence.endsOn,
        pastDueSince: licence.pastDueSince,
        suspended: licence.suspendedAt !== null,
        poNumber: licence.poNumber,
        collection: licence.stripeCollection,
        subscribed: licence.stripeSubscriptionId !== null,
      },
      standing: await standingOf(ctx),
      graceDays: council.settings.billingGraceDays,
      seatsUsed: await countSeatsUsed(ctx.tx, { tenantId: ctx.tenantId }),
      hasStripeCustomer: council.stripeCustomerId !== null,
      invoices: await listBillingInvoices(ctx.tx, { tenantId: ctx.tenantId }),
      plans: plans.map((plan) => ({
        id: plan.id,
        name: plan.name,
        summary: plan.summary,
        pricePerSeatMinor: plan.pricePerSeatMinor,
      })),
    };
  }),

  /**
   * Stripe's preview of the next invoice (issue 11 §7): amount, the day it is issued, the PO number it prints.
   * Null without a subscription, or when Stripe will not invoice it again. Offline it is refused like every call
   * to Stripe; the page then shows what the licence says instead.
   */
  nextInvoice: stripeProcedure("billing:manage").query(async ({ ctx }) => {
    const customerId = ctx.council.stripeCustomerId;
    const subscriptionId = ctx.licence?.stripeSubscriptionId;
    if (!customerId || !subscriptionId) return null;
    return ctx.stripe.previewNextInvoice(customerId, subscriptionId);
  }),

  /** Card (a Checkout URL to go to) or invoice (the subscription starts at once, invoices sent to the council). */
  subscribe: stripeProcedure("billing:manage")
    .input(
      z.object({
        plan: z.enum(planIds, { error: "Choose a plan." }),
        interval: z.enum(billingIntervals, { error: "Choose monthly or yearly." }),
        seats: integerInput({ min: 1, max: 100_000, message: "Enter a number of seats from 1 to 100,000." }),
        collection: z.enum(["card", "invoice"], { error: "Choose card or invoice." }),
        poNumber: poNumberInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (ctx.licence?.stripeSubscriptionId) {
        throw conflict(
          "The council already has a subscription: change it from the portal or the seats here.",
        );
      }
      const priceId = ctx.stripe.priceFor(input.plan, input.interval);
      if (!priceId) throw invalid("That plan is not sold this way.", { plan: "Not sold for this interval." });
      let customerId = ctx.council.stripeCustomerId;
      if (!customerId) {
        customerId = await ctx.stripe.createCustomer({
          tenantId: ctx.tenantId,
          name: ctx.council.name,
          email: ctx.user.email,
        });
        const created = customerId;
        await ctx.record(async (tx, audit) => {
          await setStripeCustomer(tx, { tenantId: ctx.tenantId, stripeCustomerId: created });
          await audit({
            action: "billing.customer_created",
            entityType: "council",
            entityId: ctx.tenantId,
            after: { stripeCustomerId: created },
          });
        });
      }
      const requestKey = `subscribe-${ctx.tenantId}-${ctx.licence?.version ?? 0}-${input.plan}-${input.interval}-${input.seats}-${input.collection}`;
      const requested = {
        action: "billing.subscription_requested" as const,
        entityType: "council" as const,
        entityId: ctx.tenantId,
        after: { ...input },
      };
      if (input.collection === "card") {
        const checkoutUrl = await ctx.stripe.startCheckout({
          tenantId: ctx.tenantId,
          customerId,
          priceId,
          seats: input.seats,
          poNumber: input.poNumber,
          returnUrl: `${ctx.appUrl}/t/${ctx.council.slug}/billing`,
          requestKey,
        });
        await ctx.record((_tx, audit) => audit(requested));
        return { checkoutUrl };
      }
      const state = await ctx.stripe.startInvoiceSubscription({
        tenantId: ctx.tenantId,
        customerId,
        priceId,
        seats: input.seats,
        poNumber: input.poNumber,
        requestKey,
      });
      // Recorded now; the subscription's own webhook confirms it (or repairs a crash before this).
      await ctx.record(async (tx, audit) => {
        const before = await getLicence(tx, { tenantId: ctx.tenantId });
        const saved = await saveLicence(tx, {
          tenantId: ctx.tenantId,
          values: {
            plan: input.plan,
            interval: input.interval,
            seats: state.seats,
            state: "active",
            source: "stripe",
            startsOn: before?.startsOn ?? today(),
            endsOn: null,
            pastDueSince: null,
            poNumber: input.poNumber,
            stripeSubscriptionId: state.subscriptionId,
            stripeCollection: state.collection,
            stripePeriodEndsAt: state.periodEndsAt,
          },
        });
        await audit(requested);
        await audit({
          action: "licence.assigned",
          entityType: "council",
          entityId: ctx.tenantId,
          before: before && licenceRecord(before),
          after: licenceRecord(saved),
        });
      });
      return { checkoutUrl: null };
    }),

  /** Stripe's customer portal: card details, invoices, cancelling. */
  portal: stripeProcedure("billing:manage").mutation(async ({ ctx }) => {
    if (!ctx.council.stripeCustomerId) {
      throw conflict("Start a subscription first: the portal is for a council that pays through Stripe.");
    }
    const url = await ctx.stripe.portalUrl(
      ctx.council.stripeCustomerId,
      `${ctx.appUrl}/t/${ctx.council.slug}/billing`,
    );
    // Opening the portal changes nothing until the admin acts there; Stripe's webhooks record what they do.
    return { url };
  }),

  /** The subscription's quantity, never below the seats in use; the idempotency key makes a retry one change. */
  changeSeats: stripeProcedure("billing:manage")
    .input(
      z.object({
        seats: integerInput({ min: 1, max: 100_000, message: "Enter a number of seats from 1 to 100,000." }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const licence = ctx.licence;
      if (!licence?.stripeSubscriptionId) {
        throw conflict("Start a subscription first: seats are bought with it.");
      }
      const used = await ctx.record((tx) => countSeatsUsed(tx, { tenantId: ctx.tenantId }));
      if (input.seats < used) {
        throw invalid(`${used} seats are in use: deactivate members or revoke invitations first.`, {
          seats: `At least ${used}.`,
        });
      }
      const state = await ctx.stripe.changeSeats(
        licence.stripeSubscriptionId,
        input.seats,
        `seats-${ctx.tenantId}-${licence.version}-${input.seats}`,
      );
      await ctx.record(async (tx, audit) => {
        await updateLicence(tx, { tenantId: ctx.tenantId, version: null, changes: { seats: state.seats } });
        await audit({
          action: "billing.seats_changed",
          entityType: "council",
          entityId: ctx.tenantId,
          before: { seats: licence.seats },
          after: { seats: state.seats },
        });
      });
      return { seats: state.seats };
    }),

  /** The purchase-order number, printed on every invoice from now on. */
  setPoNumber: stripeProcedure("billing:manage")
    .input(z.object({ poNumber: poNumberInput }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.council.stripeCustomerId) {
        throw conflict("Start a subscription first: the PO number is printed on its invoices.");
      }
      await ctx.stripe.changePoNumber({
        customerId: ctx.council.stripeCustomerId,
        subscriptionId: ctx.licence?.stripeSubscriptionId ?? null,
        poNumber: input.poNumber,
        requestKey: `po-${ctx.tenantId}-${ctx.licence?.version ?? 0}-${createHash("sha256")
          .update(input.poNumber ?? "")
          .digest("hex")
          .slice(0, 16)}`,
      });
      await ctx.record(async (tx, audit) => {
        await updateLicence(tx, {
          tenantId: ctx.tenantId,
          version: null,
          changes: { poNumber: input.poNumber },
        });
        await audit({
          action: "billing.po_number_changed",
          entityType: "council",
          entityId: ctx.tenantId,
          before: { poNumber: ctx.licence?.poNumber ?? null },
          after: { poNumber: input.poNumber },
        });
      });
      return { poNumber: input.poNumber };
    }),
});
