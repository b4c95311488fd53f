import { billingIntervals, licenceSources, licenceStates, planIds } from "@steward/domain";
import { date, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, oneOf, tenantId, updatedAt, version } from "./columns.ts";
import { tenants } from "./platform.ts";

/**
 * Licensed subscriptions (issue 11, DESIGN §7). Each council has at most one licence: its plan, seats and
 * state, kept by hand by the platform operator (offline) or by Stripe's webhooks. What the licence entitles the
 * council to is a pure function (packages/domain/src/licences.ts); the tenant rung enforces it.
 */
export const stripeCollections = ["charge_automatically", "send_invoice"] as const;

const isoDate = () => date({ mode: "string" });
const at = () => timestamp({ withTimezone: true, mode: "date" });

export const licences = pgTable(
  "licences",
  {
    tenantId: tenantId().references(() => tenants.id),
    plan: text({ enum: planIds }).notNull(),
    seats: integer().notNull(),
    interval: text({ enum: billingIntervals }).notNull().default("year"),
    state: text({ enum: licenceStates }).notNull().default("active"),
    source: text({ enum: licenceSources }).notNull().default("offline"),
    startsOn: isoDate().notNull(),
    /** A fixed-term licence's last day (offline); null for an open-ended one and for Stripe subscriptions. */
    endsOn: isoDate(),
    /** The day a payment first failed, while past due: the grace period counts from it. */
    pastDueSince: isoDate(),
    /** Set while the platform operator has suspended the council (read-only, nothing deleted). */
    suspendedAt: at(),
    /** The purchase-order number the council pays against; printed on every Stripe invoice. */
    poNumber: text(),
    stripeSubscriptionId: text(),
    /** `charge_automatically` (card, by Checkout) or `send_invoice` (paid against an invoice). */
    stripeCollection: text({ enum: stripeCollections }),
    /** The end of the period Stripe has billed, for the billing page. */
    stripePeriodEndsAt: at(),
    /**
     * When Stripe created the event whose subscription state this row holds: an older event arriving later
     * (Stripe does not promise order) is ignored (issue 11 §3).
     */
    stripeStateAt: at(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    oneOf("licences_plan_check", t.plan, planIds),
    oneOf("licences_interval_check", t.interval, billingIntervals),
    oneOf("licences_state_check", t.state, licenceStates),
    oneOf("licences_source_check", t.source, licenceSources),
    oneOf("licences_stripe_collection_check", t.stripeCollection, stripeCollections),
  ],
);

/** Stripe's invoices of a council's subscription, as its webhooks report them (the billing page lists them). */
export const billingInvoices = pgTable(
  "billing_invoices",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    stripeInvoiceId: text().notNull(),
    number: text(),
    status: text().notNull(),
    currency: text().notNull(),
    amountDueMinor: integer().notNull(),
    amountPaidMinor: integer().notNull(),
    dueOn: isoDate(),
    hostedInvoiceUrl: text(),
    invoicePdfUrl: text(),
    poNumber: text(),
    issuedAt: at().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("billing_invoices_stripe_id_key").on(t.tenantId, t.stripeInvoiceId),
  ],
);

/**
 * Every Stripe event received, by its id (issue 11 §3): inserted in the transaction that applies its effect,
 * so a redelivered or concurrent copy finds the row and does nothing. Platform-wide: an event is stored even
 * when it names no council Steward knows.
 */
export const stripeEvents = pgTable("stripe_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  /** When Stripe created the event. */
  createdAt: at().notNull(),
  receivedAt: at().notNull().defaultNow(),
  /** What was done with it: `applied`, `ignored (older than the state held)`, `unknown council`, … */
  outcome: text().notNull(),
});
