import { memberRoles } from "@steward/domain";
import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, oneOf, tenantId } from "./columns.ts";
import { tenants, users } from "./platform.ts";

/** A user's role in one council. RLS shows a member the council's memberships and a user their own. */
export const memberships = pgTable(
  "memberships",
  {
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: text({ enum: memberRoles }).notNull(),
    deactivatedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index("memberships_user_id_idx").on(t.userId),
    oneOf("memberships_role_check", t.role, memberRoles),
  ],
);

/** Single-use invitation: only the token's SHA-256 is stored. */
export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    email: text().notNull(),
    role: text({ enum: memberRoles }).notNull(),
    tokenHash: text().notNull(),
    invitedBy: uuid()
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp({ withTimezone: true, mode: "date" }),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("invitations_token_hash_key").on(t.tenantId, t.tokenHash),
    uniqueIndex("invitations_open_email_key")
      .on(t.tenantId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    oneOf("invitations_role_check", t.role, memberRoles),
  ],
);
