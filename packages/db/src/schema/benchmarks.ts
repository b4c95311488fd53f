import { suppressionReasons, universalMeasures } from "@steward/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, oneOf, tenantId, updatedAt, version } from "./columns.ts";
import { kpiTemplates, serviceCategories } from "./performance.ts";
import { tenants, users } from "./platform.ts";
import { organisations } from "./register.ts";

/**
 * Cross-council benchmarking (issue 9 §3–§6; DESIGN §5). A council's consent is its own row (a tenant table);
 * everything the aggregation job publishes is platform-wide and holds no tenant id and no council name: the
 * app role reads only these snapshots, never another council's rows.
 */

const isoDate = () => date({ mode: "string" });
const at = () => timestamp({ withTimezone: true, mode: "date" });

/** A council's consent to the benchmarking pool: who decided, when. Opting out leaves it out of the next snapshot. */
export const benchmarkParticipation = pgTable(
  "benchmark_participation",
  {
    tenantId: tenantId().references(() => tenants.id),
    optedIn: boolean().notNull(),
    decidedBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedAt: at().notNull().defaultNow(),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

/** The platform's benchmarking settings: one row. `k` is the fewest councils a published cell may have. */
export const benchmarkSettings = pgTable(
  "benchmark_settings",
  {
    id: boolean().primaryKey().default(true),
    k: integer().notNull().default(5),
    updatedBy: uuid().references(() => users.id),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check("benchmark_settings_single_row_check", sql`${t.id}`),
    // issue 9 §4: default 5, never below 3.
    check("benchmark_settings_k_check", sql`${t.k} >= 3`),
  ],
);

/**
 * One published period (a calendar month). Computed once from the councils in the pool at the time: the cohort
 * of every cell in it is fixed (issue 9 §4), so a later opt-out or opt-in never republishes the period.
 */
export const benchmarkSnapshots = pgTable(
  "benchmark_snapshots",
  {
    id: id().primaryKey(),
    periodStart: isoDate().notNull(),
    periodEnd: isoDate().notNull(),
    k: integer().notNull(),
    /** Councils in the pool when the snapshot was computed. */
    poolSize: integer().notNull(),
    publishedCells: integer().notNull(),
    suppressedCells: integer().notNull(),
    publishedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("benchmark_snapshots_period_key").on(t.periodStart),
    check("benchmark_snapshots_period_check", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);

/**
 * One cell of a snapshot: a measure (a KPI template or a universal measure), optionally for one supplier
 * organisation or one service category. A suppressed cell keeps only its reason: no count, no figure.
 * Min and max are published only as bands (rounded outward), never as a council's exact value.
 */
export const benchmarkCells = pgTable(
  "benchmark_cells",
  {
    id: id().primaryKey(),
    snapshotId: uuid()
      .notNull()
      .references(() => benchmarkSnapshots.id, { onDelete: "cascade" }),
    templateId: uuid().references(() => kpiTemplates.id),
    measure: text({ enum: universalMeasures }),
    organisationId: uuid().references(() => organisations.id),
    categoryId: uuid().references(() => serviceCategories.id),
    suppressionReason: text({ enum: suppressionReasons }),
    councilCount: integer(),
    measurementCount: integer(),
    median: doublePrecision(),
    lowerQuartile: doublePrecision(),
    upperQuartile: doublePrecision(),
    lowBand: doublePrecision(),
    highBand: doublePrecision(),
  },
  (t) => [
    uniqueIndex("benchmark_cells_key").on(
      t.snapshotId,
      sql`coalesce(${t.templateId}::text, ${t.measure})`,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.categoryId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index("benchmark_cells_template_idx").on(t.templateId, t.snapshotId),
    index("benchmark_cells_organisation_idx").on(t.organisationId, t.snapshotId),
    check("benchmark_cells_one_measure_check", sql`(${t.templateId} is null) <> (${t.measure} is null)`),
    check(
      "benchmark_cells_published_check",
      sql`(${t.suppressionReason} is null) = (${t.councilCount} is not null and ${t.median} is not null)`,
    ),
    oneOf("benchmark_cells_measure_check", t.measure, universalMeasures),
    oneOf("benchmark_cells_suppression_reason_check", t.suppressionReason, suppressionReasons),
  ],
);

/**
 * Early warning (issue 9 §6): a supplier organisation Red or Inadequate at `k` or more councils in the period.
 * It says only that: not how many councils, nor which.
 */
export const benchmarkWarnings = pgTable(
  "benchmark_warnings",
  {
    snapshotId: uuid()
      .notNull()
      .references(() => benchmarkSnapshots.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.organisationId] })],
);
