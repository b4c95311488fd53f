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
