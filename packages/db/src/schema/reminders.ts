import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { tenants } from "./platform.ts";

/**
 * The monthly RAG reminder (issue 8 §4) a council's contract managers were sent, one row a council a month: the
 * reminder job inserts it in the transaction that queues the mail, so a job that runs twice sends it once.
 */
export const ragReminders = pgTable(
  "rag_reminders",
  {
    tenantId: tenantId().references(() => tenants.id),
    /** The month the reminder asked about (its first day): the month before the one it was sent in. */
    month: date({ mode: "string" }).notNull(),
    sentAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Contracts with no RAG for that month, and the managers e-mailed about them. */
    contracts: integer().notNull(),
    recipients: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month] }),
    check("rag_reminders_month_check", sql`extract(day from ${t.month}) = 1`),
  ],
);
