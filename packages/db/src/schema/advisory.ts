import {
  advisoryNoteKinds,
  type EngagementScope,
  engagementScopes,
  type ReviewFinding,
  recommendationDecisions,
  reviewRatings,
  reviewStatuses,
} from "@steward/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, oneOf, tenantId, updatedAt, version } from "./columns.ts";
import { tenants, users } from "./platform.ts";
import { contracts } from "./register.ts";

/**
 * The advisor workspace (issue 9 §7). Tenant tables, keyed by (tenant_id, id): an engagement, a note and a review
 * belong to the council they are about, so they sit in its RLS scope and its audit log like its own records.
 */

const isoDate = () => date({ mode: "string" });
const at = () => timestamp({ withTimezone: true, mode: "date" });

/**
 * A council's engagement of an advisor: granted by its admin for a period (both days included) and a scope;
 * revoking it keeps the row. Two live engagements of one advisor by one council never overlap (an exclusion
 * constraint in migration 0034), so the session lookup finds at most one for today.
 */
export const engagements = pgTable(
  "engagements",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    advisorUserId: uuid()
      .notNull()
      .references(() => users.id),
    scopes: text().array().$type<EngagementScope[]>().notNull(),
    startsOn: isoDate().notNull(),
    endsOn: isoDate().notNull(),
    /** Null only for the engagements migration 0034 made from advisor memberships. */
    grantedBy: uuid().references(() => users.id),
    grantedAt: createdAt(),
    revokedAt: at(),
    revokedBy: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("engagements_advisor_user_id_idx").on(t.advisorUserId),
    check("engagements_period_check", sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      "engagements_scopes_check",
      sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array[${sql.raw(engagementScopes.map((scope) => `'${scope}'`).join(", "))}]::text[]`,
    ),
  ],
);

/** An advisor's note or recommendation on a contract (or, with no contract, on the council). */
export const advisoryNotes = pgTable(
  "advisory_notes",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    engagementId: uuid().notNull(),
    contractId: uuid(),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text({ enum: advisoryNoteKinds }).notNull(),
    title: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.engagementId],
      foreignColumns: [engagements.tenantId, engagements.id],
    }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    index("advisory_notes_contract_idx").on(t.tenantId, t.contractId),
    oneOf("advisory_notes_kind_check", t.kind, advisoryNoteKinds),
  ],
);

/** The conversation under a note: the council's answers (a recommendation's with its decision) and the advisor's. */
export const advisoryReplies = pgTable(
  "advisory_replies",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    noteId: uuid().notNull(),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    fromCouncil: text({ enum: ["council", "advisor"] }).notNull(),
    body: text().notNull(),
    decision: text({ enum: recommendationDecisions }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.noteId],
      foreignColumns: [advisoryNotes.tenantId, advisoryNotes.id],
    }),
    index("advisory_replies_note_idx").on(t.tenantId, t.noteId),
    oneOf("advisory_replies_from_council_check", t.fromCouncil, ["council", "advisor"]),
    oneOf("advisory_replies_decision_check", t.decision, recommendationDecisions),
  ],
);

/** An advisor's performance review of the council's portfolio: a draft until shared, then fixed. */
export const performanceReviews = pgTable(
  "performance_reviews",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    engagementId: uuid().notNull(),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    periodStart: isoDate().notNull(),
    periodEnd: isoDate().notNull(),
    summary: text(),
    overallRating: text({ enum: reviewRatings }),
    findings: jsonb().$type<ReviewFinding[]>().notNull().default([]),
    status: text({ enum: reviewStatuses }).notNull().default("draft"),
    sharedAt: at(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.engagementId],
      foreignColumns: [engagements.tenantId, engagements.id],
    }),
    oneOf("performance_reviews_overall_rating_check", t.overallRating, reviewRatings),
    oneOf("performance_reviews_status_check", t.status, reviewStatuses),
    check("performance_reviews_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);
