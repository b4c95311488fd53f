import { bigint, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId } from "./columns.ts";
import { tenants } from "./platform.ts";

/**
 * Append-only, hash-chained per tenant (DESIGN §3.8). seq, prev_hash and row_hash are set by the
 * audit_events_chain trigger; UPDATE, DELETE and TRUNCATE are refused by triggers and grants.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    seq: bigint({ mode: "number" }).notNull().default(0),
    actorUserId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    prevHash: text().notNull().default(""),
    rowHash: text().notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("audit_events_tenant_seq_key").on(t.tenantId, t.seq),
  ],
);

/**
 * The platform's own audit log: what the platform operator changes that belongs to no council (the KPI library,
 * the benchmark pool's k, the platform's courses, the organisation registry). No tenant: one chain for the
 * platform, hash-chained and append-only like `audit_events` (its triggers, migration platform_audit_rls), and
 * hidden by RLS from every transaction that has a council set. Only the operator's console reads it.
 */
export const platformAuditEvents = pgTable(
  "platform_audit_events",
  {
    id: id().primaryKey(),
    seq: bigint({ mode: "number" }).notNull().default(0),
    actorUserId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    prevHash: text().notNull().default(""),
    rowHash: text().notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("platform_audit_events_seq_key").on(t.seq)],
);
