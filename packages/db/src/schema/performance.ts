import {
  actionStatuses,
  attachmentOwners,
  contractNoticeKinds,
  improvementPlanOutcomes,
  improvementPlanStatuses,
  improvementPlanTriggers,
  type KpiRating,
  kpiDataSources,
  kpiDirections,
  kpiFrequencies,
  kpiRatings,
  kpiUnits,
  meetingTypes,
  monitoringAssessments,
  ownerParties,
  type RagStatus,
  ragStatuses,
  riskCategories,
  riskStatuses,
} from "@steward/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, oneOf, tenantId, updatedAt, version } from "./columns.ts";
import { tenants, users } from "./platform.ts";
import { contracts } from "./register.ts";

/**
 * Performance management (issue 8): KPIs and their measurements, the monthly RAG tracker, meetings and actions,
 * improvement plans, the joint risk register, the contract management plan, supplier monitoring reports,
 * close-out and attachments. Every table is a tenant table (RLS through `steward_protect_tenant_table`), keyed
 * by (tenant_id, id), and points at its contract within the same tenant.
 */

const isoDate = () => date({ mode: "string" });
const at = () => timestamp({ withTimezone: true, mode: "date" });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Foreign key to the contract, inside the tenant. */
const ofContract = (t: { tenantId: AnyPgColumn; contractId: AnyPgColumn }) =>
  foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] });

/**
 * The platform's KPI library (issue 9 §2), edited by the platform operator: service categories, and the KPI
 * templates councils link their KPIs to, which is what makes two councils' measurements comparable.
 */
export const serviceCategories = pgTable(
  "service_categories",
  {
    id: id().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    position: integer().notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("service_categories_slug_key").on(t.slug)],
);

export const kpiTemplates = pgTable(
  "kpi_templates",
  {
    id: id().primaryKey(),
    slug: text().notNull(),
    categoryId: uuid()
      .notNull()
      .references(() => serviceCategories.id),
    name: text().notNull(),
    definition: text().notNull(),
    unit: text({ enum: kpiUnits }).notNull(),
    /** The unit's words when `unit` is `other` ("kg/household/year", "seconds"). */
    unitLabel: text(),
    direction: text({ enum: kpiDirections }).notNull(),
    /** For a rate: what the numerator and the denominator count. */
    numeratorDefinition: text(),
    denominatorDefinition: text(),
    /** How to measure it well: exclusions, survey cadence, the values a named source published. */
    guidance: text().notNull().default(""),
    /** Where the definition comes from (fixtures/kpi-library.md names each source). */
    source: text().notNull().default(""),
    version: version(),
    archivedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("kpi_templates_slug_key").on(t.slug),
    index("kpi_templates_category_idx").on(t.categoryId),
    check("kpi_templates_unit_label_check", sql`(${t.unit} = 'other') = (${t.unitLabel} is not null)`),
    oneOf("kpi_templates_unit_check", t.unit, kpiUnits),
    oneOf("kpi_templates_direction_check", t.direction, kpiDirections),
  ],
);

/** A contract's KPI: SMART fields, how it is rated, how often it is measured and by whom. */
export const kpis = pgTable(
  "kpis",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    /** Specific: what is measured. */
    name: text().notNull(),
    /** Measurable: how it is measured (for rates, what the numerator and the denominator count). */
    definition: text().notNull(),
    numeratorLabel: text(),
    denominatorLabel: text(),
    unit: text({ enum: kpiUnits }).notNull(),
    /** The unit's words when `unit` is `other` (e.g. "kg per household a year"). */
    unitLabel: text(),
    direction: text({ enum: kpiDirections }).notNull(),
    baseline: doublePrecision(),
    /** Achievable and realistic: the target; time-bound: by when. */
    target: doublePrecision().notNull(),
    targetBy: isoDate(),
    /** How far short of the target still counts as "approaching target" (PR24 reg 39(5)), in the KPI's unit. */
    tolerance: doublePrecision().notNull().default(0),
    /** At or beyond this level performance is "inadequate"; null when the KPI sets no such line. */
    inadequateAt: doublePrecision(),
    frequency: text({ enum: kpiFrequencies }).notNull().default("monthly"),
    dataSource: text({ enum: kpiDataSources }).notNull().default("supplier"),
    /** PA23 s.52(1): a published KPI (the three most material go in the Contract Details Notice). */
    published: boolean().notNull().default(false),
    /** 004 §11.1: social value is measured like the KPIs. */
    socialValue: boolean().notNull().default(false),
    templateId: uuid().references(() => kpiTemplates.id),
    /** The disaggregation a measurement may carry (e.g. "Region"); null when measured only as a total. */
    breakdownLabel: text(),
    position: integer().notNull().default(0),
    version: version(),
    archivedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("kpis_contract_idx").on(t.tenantId, t.contractId),
    index("kpis_template_idx").on(t.templateId),
    check("kpis_tolerance_check", sql`${t.tolerance} >= 0`),
    check("kpis_unit_label_check", sql`(${t.unit} = 'other') = (${t.unitLabel} is not null)`),
    oneOf("kpis_unit_check", t.unit, kpiUnits),
    oneOf("kpis_direction_check", t.direction, kpiDirections),
    oneOf("kpis_frequency_check", t.frequency, kpiFrequencies),
    oneOf("kpis_data_source_check", t.dataSource, kpiDataSources),
  ],
);

/**
 * One measurement of a KPI for one period (its first day; the KPI's frequency gives its length). For a rate the
 * value is derived from the numerator and denominator, never typed. A correction updates the row and keeps the
 * earlier values in `kpi_measurement_history`. `rating` is the PR24 reg 39(5) rating as it was derived when
 * the value was entered, kept for filtering and the board.
 */
export const kpiMeasurements = pgTable(
  "kpi_measurements",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    kpiId: uuid().notNull(),
    periodStart: isoDate().notNull(),
    value: doublePrecision(),
    numerator: doublePrecision(),
    denominator: doublePrecision(),
    rating: text({ enum: kpiRatings }).notNull(),
    ratingReason: text().notNull(),
    evidenceNote: text(),
    enteredBy: uuid()
      .notNull()
      .references(() => users.id),
    enteredAt: at().notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    foreignKey({ columns: [t.tenantId, t.kpiId], foreignColumns: [kpis.tenantId, kpis.id] }),
    uniqueIndex("kpi_measurements_period_key").on(t.tenantId, t.kpiId, t.periodStart),
    index("kpi_measurements_contract_period_idx").on(t.tenantId, t.contractId, t.periodStart),
    check("kpi_measurements_denominator_check", sql`${t.denominator} is null or ${t.denominator} > 0`),
    oneOf("kpi_measurements_rating_check", t.rating, kpiRatings),
  ],
);

/**
 * A contract's KPI measurements of one period counted by rating, one column a rating of `kpiRatings` (a test
 * holds them to it). Triggers on `kpi_measurements` keep it in the statement that writes the measurements
 * (migration 0041), so it is never behind them. The advisor's portfolio reads a council's year of ratings from
 * these rows, one a contract and month, instead of counting every measurement on each call.
 */
export const kpiRatingMonths = pgTable(
  "kpi_rating_months",
  {
    tenantId: tenantId().references(() => tenants.id),
    contractId: uuid().notNull(),
    periodStart: isoDate().notNull(),
    good: integer().notNull(),
    approachingTarget: integer().notNull(),
    requiresImprovement: integer().notNull(),
    inadequate: integer().notNull(),
    other: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.contractId, t.periodStart] }), ofContract(t)],
);

/** Each rating's column of `kpi_rating_months`. */
export const kpiRatingMonthColumns = {
  good: kpiRatingMonths.good,
  approaching_target: kpiRatingMonths.approachingTarget,
  requires_improvement: kpiRatingMonths.requiresImprovement,
  inadequate: kpiRatingMonths.inadequate,
  other: kpiRatingMonths.other,
} satisfies Record<KpiRating, AnyPgColumn>;

/** A part of a measurement's total (region, site, demographic): the parts sum to the total. */
export const kpiMeasurementParts = pgTable(
  "kpi_measurement_parts",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    measurementId: uuid().notNull(),
    label: text().notNull(),
    value: doublePrecision(),
    numerator: doublePrecision(),
    denominator: doublePrecision(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.measurementId],
      foreignColumns: [kpiMeasurements.tenantId, kpiMeasurements.id],
    }).onDelete("cascade"),
    uniqueIndex("kpi_measurement_parts_label_key").on(t.tenantId, t.measurementId, t.label),
    check("kpi_measurement_parts_denominator_check", sql`${t.denominator} is null or ${t.denominator} > 0`),
  ],
);

/** The values a measurement held before each correction, with who corrected it and why. */
export const kpiMeasurementHistory = pgTable(
  "kpi_measurement_history",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    measurementId: uuid().notNull(),
    value: doublePrecision(),
    numerator: doublePrecision(),
    denominator: doublePrecision(),
    parts: jsonb()
      .$type<
        { label: string; value: number | null; numerator: number | null; denominator: number | null }[]
      >()
      .notNull()
      .default([]),
    rating: text({ enum: kpiRatings }).notNull(),
    evidenceNote: text(),
    enteredBy: uuid()
      .notNull()
      .references(() => users.id),
    enteredAt: at().notNull(),
    correctedBy: uuid()
      .notNull()
      .references(() => users.id),
    correctedAt: at().notNull().defaultNow(),
    correctionReason: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.measurementId],
      foreignColumns: [kpiMeasurements.tenantId, kpiMeasurements.id],
    }),
    index("kpi_measurement_history_measurement_idx").on(t.tenantId, t.measurementId),
    oneOf("kpi_measurement_history_rating_check", t.rating, kpiRatings),
  ],
);

/** 004 §12.3: one RAG status per contract per month, set by its manager; commentary for Amber and Red. */
export const ragEntries = pgTable(
  "rag_entries",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    /** The month's first day. */
    month: isoDate().notNull(),
    status: text({ enum: ragStatuses }).notNull(),
    commentary: text(),
    /** The suggestion shown when it was set, with its reasons (kept so the board sees what the manager saw). */
    suggested: jsonb().$type<{ status: RagStatus; reasons: string[] }>(),
    setBy: uuid()
      .notNull()
      .references(() => users.id),
    setAt: at().notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    uniqueIndex("rag_entries_contract_month_key").on(t.tenantId, t.contractId, t.month),
    index("rag_entries_month_idx").on(t.tenantId, t.month),
    check("rag_entries_month_check", sql`extract(day from ${t.month}) = 1`),
    check("rag_entries_commentary_check", sql`${t.status} = 'green' or ${t.commentary} is not null`),
    oneOf("rag_entries_status_check", t.status, ragStatuses),
  ],
);

/** A person at a meeting: a council member (user id) or a named supplier or other attendee. */
export type MeetingAttendee = { name: string; party: "council" | "supplier"; userId: string | null };

/** 002 and 004 §6, §9: kickoff, review, performance and close-out meetings. */
export const meetings = pgTable(
  "meetings",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    type: text({ enum: meetingTypes }).notNull(),
    /** The day it is (or was) planned for. */
    scheduledOn: isoDate().notNull(),
    /** Null until it is held; a held meeting satisfies the review-cadence obligations. */
    heldOn: isoDate(),
    attendees: jsonb().$type<MeetingAttendee[]>().notNull().default([]),
    agenda: text(),
    notes: text(),
    /** What the data reviewed showed (002: data → insight → action). */
    insight: text(),
    /** Set when a planned meeting was called off; a cancelled meeting is never held and meets no cadence. */
    cancelledOn: isoDate(),
    cancellationReason: text(),
    version: version(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("meetings_contract_idx").on(t.tenantId, t.contractId, t.scheduledOn),
    oneOf("meetings_type_check", t.type, meetingTypes),
    check(
      "meetings_cancellation_check",
      sql`(${t.cancelledOn} is null and ${t.cancellationReason} is null) or (${t.cancelledOn} is not null and ${t.cancellationReason} is not null and ${t.heldOn} is null)`,
    ),
  ],
);

/** The KPI data a meeting reviewed: linked, not copied. */
export const meetingKpis = pgTable(
  "meeting_kpis",
  {
    tenantId: tenantId().references(() => tenants.id),
    meetingId: uuid().notNull(),
    kpiId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.kpiId] }),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.kpiId], foreignColumns: [kpis.tenantId, kpis.id] }),
  ],
);

/** 004 §5: a failing contract's improvement plan, before a formal change or termination. */
export const improvementPlans = pgTable(
  "improvement_plans",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    trigger: text({ enum: improvementPlanTriggers }).notNull(),
    /** The Red month or the Inadequate KPI it was opened from. */
    triggerMonth: isoDate(),
    triggerKpiId: uuid(),
    title: text().notNull(),
    reason: text().notNull(),
    status: text({ enum: improvementPlanStatuses }).notNull().default("open"),
    openedBy: uuid()
      .notNull()
      .references(() => users.id),
    openedOn: isoDate().notNull(),
    escalatedOn: isoDate(),
    escalatedTo: uuid().references(() => users.id),
    escalationNote: text(),
    closedOn: isoDate(),
    outcome: text({ enum: improvementPlanOutcomes }),
    outcomeNote: text(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    foreignKey({ columns: [t.tenantId, t.triggerKpiId], foreignColumns: [kpis.tenantId, kpis.id] }),
    index("improvement_plans_contract_idx").on(t.tenantId, t.contractId),
    check(
      "improvement_plans_closed_check",
      sql`(${t.status} = 'closed') = (${t.closedOn} is not null) and (${t.closedOn} is null) = (${t.outcome} is null)`,
    ),
    check("improvement_plans_escalated_check", sql`(${t.escalatedOn} is null) = (${t.escalatedTo} is null)`),
    oneOf("improvement_plans_trigger_check", t.trigger, improvementPlanTriggers),
    oneOf("improvement_plans_status_check", t.status, improvementPlanStatuses),
    oneOf("improvement_plans_outcome_check", t.outcome, improvementPlanOutcomes),
  ],
);

/**
 * One log of actions across a contract: agreed at a meeting (`meetingId`), an item of an improvement plan
 * (`improvementPlanId`), or raised on its own. Owned by the council (a member) or the supplier (a name).
 */
export const actions = pgTable(
  "actions",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    meetingId: uuid(),
    improvementPlanId: uuid(),
    description: text().notNull(),
    ownerParty: text({ enum: ownerParties }).notNull(),
    ownerUserId: uuid().references(() => users.id),
    ownerName: text(),
    dueOn: isoDate().notNull(),
    status: text({ enum: actionStatuses }).notNull().default("open"),
    completedOn: isoDate(),
    progressNote: text(),
    version: version(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({
      columns: [t.tenantId, t.improvementPlanId],
      foreignColumns: [improvementPlans.tenantId, improvementPlans.id],
    }),
    index("actions_contract_idx").on(t.tenantId, t.contractId),
    index("actions_owner_due_idx").on(t.tenantId, t.ownerUserId, t.dueOn),
    index("actions_open_due_idx").on(t.tenantId, t.dueOn).where(sql`${t.status} = 'open'`),
    check("actions_owner_check", sql`${t.ownerUserId} is not null or ${t.ownerName} is not null`),
    check("actions_completed_check", sql`(${t.status} = 'done') = (${t.completedOn} is not null)`),
    oneOf("actions_owner_party_check", t.ownerParty, ownerParties),
    oneOf("actions_status_check", t.status, actionStatuses),
  ],
);

/** 004 §11.2: the joint risk register of a contract. */
export const risks = pgTable(
  "risks",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    title: text().notNull(),
    description: text(),
    category: text({ enum: riskCategories }).notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    ownerParty: text({ enum: ownerParties }).notNull(),
    ownerUserId: uuid().references(() => users.id),
    ownerName: text(),
    mitigation: text(),
    reviewOn: isoDate().notNull(),
    status: text({ enum: riskStatuses }).notNull().default("open"),
    /** To be raised on the council's corporate risk register. */
    escalateToCorporate: boolean().notNull().default(false),
    closedOn: isoDate(),
    version: version(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("risks_contract_idx").on(t.tenantId, t.contractId),
    index("risks_review_idx").on(t.tenantId, t.reviewOn).where(sql`${t.status} = 'open'`),
    check("risks_likelihood_check", sql`${t.likelihood} between 1 and 5`),
    check("risks_impact_check", sql`${t.impact} between 1 and 5`),
    check("risks_owner_check", sql`${t.ownerUserId} is not null or ${t.ownerName} is not null`),
    check("risks_closed_check", sql`(${t.status} = 'closed') = (${t.closedOn} is not null)`),
    oneOf("risks_category_check", t.category, riskCategories),
    oneOf("risks_owner_party_check", t.ownerParty, ownerParties),
    oneOf("risks_status_check", t.status, riskStatuses),
  ],
);

export type PlanMilestone = { title: string; dueOn: string; doneOn: string | null };

/** 004 §5–6: the contract management plan, one per contract, as a structured record. */
export const managementPlans = pgTable(
  "management_plans",
  {
    tenantId: tenantId().references(() => tenants.id),
    contractId: uuid().notNull(),
    monitoring: text().notNull(),
    governance: text().notNull(),
    milestones: jsonb().$type<PlanMilestone[]>().notNull().default([]),
    paymentSchedule: text(),
    escalation: text(),
    exitPlan: text(),
    /** When the plan was agreed, and when it next needs a review (004 §5: High 6-monthly, Medium yearly). */
    agreedOn: isoDate().notNull(),
    nextReviewOn: isoDate(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.contractId] }), ofContract(t)],
);

/** Each review of the plan: who reviewed it, when, and what changed. */
export const managementPlanReviews = pgTable(
  "management_plan_reviews",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    reviewedOn: isoDate().notNull(),
    reviewedBy: uuid()
      .notNull()
      .references(() => users.id),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [managementPlans.tenantId, managementPlans.contractId],
    }),
    index("management_plan_reviews_contract_idx").on(t.tenantId, t.contractId),
  ],
);

/** 004 §5 (High tier): the supplier's monitoring reports, received and assessed. */
export const monitoringReports = pgTable(
  "monitoring_reports",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    periodStart: isoDate().notNull(),
    periodEnd: isoDate().notNull(),
    receivedOn: isoDate().notNull(),
    summary: text(),
    assessment: text({ enum: monitoringAssessments }),
    assessmentNote: text(),
    assessedBy: uuid().references(() => users.id),
    assessedOn: isoDate(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("monitoring_reports_contract_idx").on(t.tenantId, t.contractId, t.receivedOn),
    check("monitoring_reports_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      "monitoring_reports_assessed_check",
      sql`(${t.assessment} is null) = (${t.assessedOn} is null) and (${t.assessment} is null) = (${t.assessedBy} is null)`,
    ),
    oneOf("monitoring_reports_assessment_check", t.assessment, monitoringAssessments),
  ],
);

/**
 * A Contract Performance Notice (PA23 s.71) or Contract Termination Notice (PA23 s.80) the council published on
 * the Central Digital Platform, as an officer recorded it: which, the day, and the notice's identifier when they
 * have it. Kept, never changed.
 */
export const contractNotices = pgTable(
  "contract_notices",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    kind: text({ enum: contractNoticeKinds }).notNull(),
    publishedOn: isoDate().notNull(),
    reference: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("contract_notices_contract_idx").on(t.tenantId, t.contractId, t.publishedOn),
    oneOf("contract_notices_kind_check", t.kind, contractNoticeKinds),
  ],
);

export type ExitChecklistItem = { item: string; done: boolean; note: string | null };

/** 004 §6, 001 §8: close-out: the exit checklist, the final evaluation against the KPIs. */
export const closeOuts = pgTable(
  "close_outs",
  {
    tenantId: tenantId().references(() => tenants.id),
    contractId: uuid().notNull(),
    checklist: jsonb().$type<ExitChecklistItem[]>().notNull().default([]),
    finalEvaluation: text(),
    /** When every item was done and the evaluation written; the contract's lifecycle stage then becomes closed. */
    completedOn: isoDate(),
    completedBy: uuid().references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.contractId] }),
    ofContract(t),
    check("close_outs_completed_check", sql`(${t.completedOn} is null) = (${t.completedBy} is null)`),
  ],
);

/** Lessons learned at close-out (or at any point), searchable across the council. */
export const lessons = pgTable(
  "lessons",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** What the lessons search reads, kept by PostgreSQL (as contracts.search_text). */
    searchText: text().generatedAlwaysAs(sql`lower(title || ' ' || body)`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("lessons_contract_idx").on(t.tenantId, t.contractId),
  ],
);

/**
 * A file attached to a record (issue 8 §10). The bytes live behind the storage interface: in
 * `attachment_blobs` by default, or in an S3-compatible store by configuration (`storageKey` names them there).
 */
export const attachments = pgTable(
  "attachments",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    ownerType: text({ enum: attachmentOwners }).notNull(),
    ownerId: uuid().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ofContract(t),
    index("attachments_owner_idx").on(t.tenantId, t.ownerType, t.ownerId),
    check("attachments_size_check", sql`${t.sizeBytes} >= 0`),
    oneOf("attachments_owner_type_check", t.ownerType, attachmentOwners),
  ],
);

/** The bytes of attachments kept in PostgreSQL (the default store), tenant-scoped like everything else. */
export const attachmentBlobs = pgTable(
  "attachment_blobs",
  {
    tenantId: tenantId().references(() => tenants.id),
    storageKey: text().notNull(),
    bytes: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.storageKey] })],
);
