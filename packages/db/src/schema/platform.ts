import { jurisdictions, platformRoles, type StoredTenantSettings } from "@steward/domain";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, oneOf } from "./columns.ts";

/** Platform-wide tables: no tenant_id, reached by the app role through narrow grants (see migrations). */
export const tenants = pgTable(
  "tenants",
  {
    id: id().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    jurisdiction: text({ enum: jurisdictions }).notNull(),
    currency: text().notNull(),
    locale: text().notNull(),
    settings: jsonb().$type<StoredTenantSettings>().notNull().default({}),
    /** The council's Stripe customer (issue 11 §2): a webhook finds its council by it. */
    stripeCustomerId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tenants_slug_key").on(t.slug),
    uniqueIndex("tenants_stripe_customer_id_key").on(t.stripeCustomerId),
    oneOf("tenants_jurisdiction_check", t.jurisdiction, jurisdictions),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    platformRole: text({ enum: platformRoles }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    oneOf("users_platform_role_check", t.platformRole, platformRoles),
  ],
);

/** Only the SHA-256 of a session id is stored: a leaked table opens no session. DESIGN §3 */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const passwordResets = pgTable("password_resets", {
  tokenHash: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  usedAt: timestamp({ withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
});

/**
 * Mail waiting to be sent (or, without SMTP, kept for the development mailbox). Platform-wide rather than
 * per tenant because password resets belong to no council.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    sentAt: timestamp({ withTimezone: true, mode: "date" }),
    attempts: text().array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`)],
);

/**
 * The sign-in and reset limiters' counters (DESIGN §3: rate-limited per account and per address before any
 * hashing). In PostgreSQL, so every API process behind a load balancer counts against one limit. A key is
 * the SHA-256 of what it counts (`sign-in:account:<email>`), so the table names no one.
 */
export const attemptCounters = pgTable(
  "attempt_counters",
  {
    keyHash: text().primaryKey(),
    count: integer().notNull(),
    windowEndsAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("attempt_counters_window_ends_at_idx").on(t.windowEndsAt)],
);
