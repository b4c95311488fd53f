import {
  type AppliedFrom,
  changeReasons,
  changeStatuses,
  changeTypes,
  contractCategories,
  contractStatuses,
  deviationGrounds,
  lifecycleStages,
  organisationNameSources,
  organisationSchemes,
  procurementRoutes,
  roles,
  type StoredChangeTest,
  serviceRisks,
  tiers,
} from "@steward/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
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

const money = () => bigint({ mode: "number" });
const isoDate = () => date({ mode: "string" });

/** The global organisation registry (DESIGN §5): councils' supplier records point at the same company. */
export const organisations = pgTable(
  "organisations",
  {
    id: id().primaryKey(),
    /** org-id.guide scheme: GB-COH (Companies House), ZA-CIPC, GB-CHC (charity), … */
    scheme: text({ enum: organisationSchemes }).notNull(),
    identifier: text().notNull(),
    /**
     * The name from an authoritative source (Companies House, CIPC, the Charity Commission); null until one is
     * fetched. Never a name a council typed: the registry is shared, and one council must not see what another
     * entered (issue 6 §2.5). A council's own name for the organisation stays on its supplier.
     */
    name: text(),
    /** Who gave the name: an authoritative register, or the platform operator; null while there is none. */
    nameSource: text({ enum: organisationNameSources }),
    aliases: text().array().notNull().default([]),
    /**
     * The legal name and the aliases as `normaliseOrganisationName` writes them (no legal suffixes, punctuation,
     * case or "&"): what name matching compares. Written with the names, never from a council's input.
     */
    matchKeys: text().array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organisations_scheme_identifier_key").on(t.scheme, t.identifier),
    index("organisations_match_keys_idx").using("gin", t.matchKeys),
    check("organisations_named_by_source_check", sql`(${t.name} is null) = (${t.nameSource} is null)`),
    oneOf("organisations_scheme_check", t.scheme, organisationSchemes),
    oneOf("organisations_name_source_check", t.nameSource, organisationNameSources),
  ],
);

export const suppliers = pgTable(
  "suppliers",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    name: text().notNull(),
    registrationNumber: text(),
    address: text(),
    isSme: boolean().notNull().default(false),
    isVcse: boolean().notNull().default(false),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    organisationId: uuid().references(() => organisations.id),
    /** Who confirmed the link to the registry entry, and when (issue 9 §1: a suggestion is confirmed by a person). */
    organisationLinkedBy: uuid().references(() => users.id),
    organisationLinkedAt: timestamp({ withTimezone: true, mode: "date" }),
    version: version(),
    archivedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** What the register search matches a supplier by: its name in lower case, kept by PostgreSQL (LIKE, not ILIKE). */
    searchName: text().generatedAlwaysAs(sql`lower(name)`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("suppliers_tenant_name_idx").on(t.tenantId, sql`lower(${t.name})`),
    index("suppliers_organisation_idx").on(t.tenantId, t.organisationId),
  ],
);

export const contracts = pgTable(
  "contracts",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    reference: text().notNull(),
    title: text().notNull(),
    description: text(),
    category: text({ enum: contractCategories }).notNull(),
    cpvCode: text(),
    serviceArea: text(),
    supplierId: uuid(),
    contractManagerId: uuid().references(() => users.id),
    sroId: uuid().references(() => users.id),
    awardDate: isoDate(),
    signedDate: isoDate(),
    startDate: isoDate(),
    endDate: isoDate(),
    maxExtensionDate: isoDate(),
    /** The date by which notice to end or extend must be given, or a break clause can be used. */
    noticeDate: isoDate(),
    annualValueMinor: money(),
    totalValueMinor: money(),
    capitalValueMinor: money(),
    currency: text().notNull(),
    procurementRoute: text({ enum: procurementRoutes }),
    lightTouch: boolean().notNull().default(false),
    /**
     * PA23 s.52(1): why the council considers the supplier's performance could not appropriately be assessed by
     * KPIs (a one-off delivery, say); null when it has not said so. Recorded on the KPIs tab; ends the KPI duty.
     */
    kpiExemptionReason: text(),
    /** PA23 s.3: a public contract (estimated value at or over the Schedule 1 threshold); England only. */
    publicContract: boolean().notNull().default(false),
    corporatePriority: boolean().notNull().default(false),
    keyPublicService: boolean().notNull().default(false),
    serviceRisk: text({ enum: serviceRisks }).notNull().default("low"),
    status: text({ enum: contractStatuses }).notNull().default("active"),
    lifecycleStage: text({ enum: lifecycleStages }).notNull().default("delivery"),
    /** The effective tier (the override when there is one), kept for filtering; reasons explain it. */
    tier: text({ enum: tiers }).notNull(),
    assessedTier: text({ enum: tiers }).notNull(),
    tierReasons: jsonb().$type<string[]>().notNull().default([]),
    tierOverrideReason: text(),
    tierAssessedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** 004 §4: a change of value or nature asks for the tier to be reviewed. */
    retierRequested: boolean().notNull().default(false),
    /** As awarded, before any approved change: kept visible beside the current values. */
    originalTotalValueMinor: money(),
    originalEndDate: isoDate(),
    /** SCM reg 36 (ZA): a deviation from the official procurement processes, with its ground and reasons. */
    deviationGround: text({ enum: deviationGrounds }),
    deviationReason: text(),
    /** SCM reg 36(2): the council meeting the deviation was reported to. */
    deviationReportedOn: isoDate(),
    deviationReportReference: text(),
    version: version(),
    archivedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** What the register search reads: reference and title in lower case, kept by PostgreSQL (one LIKE, not two ILIKEs). */
    searchText: text().generatedAlwaysAs(sql`lower(reference || ' ' || title)`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    check(
      "contracts_deviation_recorded_check",
      sql`(${t.deviationGround} is null) = (${t.deviationReason} is null)
        and (${t.deviationReportedOn} is null) = (${t.deviationReportReference} is null)
        and (${t.deviationGround} is not null or ${t.deviationReportedOn} is null)`,
    ),
    uniqueIndex("contracts_tenant_reference_key").on(t.tenantId, sql`lower(${t.reference})`),
    index("contracts_tenant_end_date_idx").on(t.tenantId, t.endDate),
    index("contracts_tenant_notice_date_idx").on(t.tenantId, t.noticeDate),
    index("contracts_tenant_supplier_idx").on(t.tenantId, t.supplierId),
    index("contracts_tenant_manager_idx").on(t.tenantId, t.contractManagerId),
    index("contracts_tenant_updated_idx").on(t.tenantId, t.updatedAt),
    oneOf("contracts_category_check", t.category, contractCategories),
    oneOf("contracts_procurement_route_check", t.procurementRoute, procurementRoutes),
    oneOf("contracts_service_risk_check", t.serviceRisk, serviceRisks),
    oneOf("contracts_status_check", t.status, contractStatuses),
    oneOf("contracts_lifecycle_stage_check", t.lifecycleStage, lifecycleStages),
    oneOf("contracts_tier_check", t.tier, tiers),
    oneOf("contracts_assessed_tier_check", t.assessedTier, tiers),
    oneOf("contracts_deviation_ground_check", t.deviationGround, deviationGrounds),
  ],
);

export const contractChanges = pgTable(
  "contract_changes",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    type: text({ enum: changeTypes }).notNull(),
    reason: text({ enum: changeReasons }).notNull(),
    description: text().notNull(),
    valueDeltaMinor: money().notNull().default(0),
    termDeltaDays: integer().notNull().default(0),
    status: text({ enum: changeStatuses }).notNull().default("requested"),
    /** The change test as it stood when the change was requested (PA23 s.74–75 or MFMA s.116(3)). */
    thresholdTest: jsonb().$type<StoredChangeTest>().notNull(),
    changeNoticeRequired: boolean().notNull(),
    /** PA23 s.75(4)–(5): earlier changes the requester says could reasonably have been made with this one. */
    relatedChangeIds: uuid().array().notNull().default([]),
    relatedChangesReason: text(),
    /** PA23 Sch 8 para 9: the supplier a novation on corporate restructuring moves the contract to. */
    newSupplierId: uuid(),
    /** MFMA s.116(3)(a): the reasons tabled in the council, and its resolution. */
    councilTabledOn: isoDate(),
    councilResolutionReference: text(),
    /** MFMA s.116(3)(b): notice to the local community, inviting representations until a closing date. */
    communityNoticeOn: isoDate(),
    representationsCloseOn: isoDate(),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedByRole: text({ enum: roles }),
    decidedAt: timestamp({ withTimezone: true, mode: "date" }),
    decisionNote: text(),
    /** The contract's end date and total value just before an approved change was applied. */
    appliedFrom: jsonb().$type<AppliedFrom>(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    foreignKey({
      columns: [t.tenantId, t.newSupplierId],
      foreignColumns: [suppliers.tenantId, suppliers.id],
    }),
    index("contract_changes_contract_idx").on(t.tenantId, t.contractId),
    oneOf("contract_changes_type_check", t.type, changeTypes),
    oneOf("contract_changes_reason_check", t.reason, changeReasons),
    oneOf("contract_changes_status_check", t.status, changeStatuses),
    oneOf("contract_changes_decided_by_role_check", t.decidedByRole, roles),
  ],
);

export const invoices = pgTable(
  "invoices",
  {
    tenantId: tenantId().references(() => tenants.id),
    id: id(),
    contractId: uuid().notNull(),
    invoiceNumber: text().notNull(),
    amountMinor: money().notNull(),
    receivedOn: isoDate().notNull(),
    dueOn: isoDate(),
    paidOn: isoDate(),
    /** PA23 s.68(3): while the council disputes the invoice it is left out of lateness; null when not disputed. */
    disputedOn: isoDate(),
    disputeReason: text(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    uniqueIndex("invoices_contract_number_key").on(t.tenantId, t.contractId, t.invoiceNumber),
    check("invoices_dispute_reason_check", sql`(${t.disputedOn} is null) = (${t.disputeReason} is null)`),
  ],
);

/** DESIGN §3.10: a retried creating request has one effect; the first result is replayed. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: tenantId().references(() => tenants.id),
    key: text().notNull(),
    procedure: text().notNull(),
    /** SHA-256 of the request's input: the same key with another body is refused, not replayed. */
    inputHash: text().notNull(),
    result: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
