import type { EngagementScope } from "./advisory/engagements.ts";
import type { AdvisoryNoteKind, RecommendationDecision } from "./advisory/notes.ts";
import type { KpiTemplateInput, ServiceCategoryInput } from "./benchmarks/inputs.ts";
import type { ChangeRequestInput, Section116Steps } from "./contracts/changes.ts";
import type { ContractInput, Tier } from "./contracts/contract-input.ts";
import type { DeviationInput } from "./contracts/deviations.ts";
import type { ContractNoticeKind } from "./contracts/notices.ts";
import type { InvoiceInput } from "./contracts/payments.ts";
import type { SupplierInput } from "./contracts/supplier-input.ts";
import type { BillingInterval, LicenceSource, LicenceState, PlanId } from "./licences.ts";
import type { CloseOutInput } from "./performance/close-out.ts";
import type { KpiInput } from "./performance/measurements.ts";
import type { ActionInput, MeetingInput } from "./performance/meetings.ts";
import type { ManagementPlanInput, MonitoringReportInput } from "./performance/plans.ts";
import type { RiskInput } from "./performance/risks.ts";
import type {
  ActionStatus,
  AttachmentOwner,
  ImprovementPlanOutcome,
  ImprovementPlanTrigger,
  KpiRating,
  MeetingType,
  MonitoringAssessment,
  RagStatus,
  RiskStatus,
} from "./performance/vocabulary.ts";
import type { Role } from "./roles.ts";
import type { TenantSettings } from "./tenant-settings.ts";

/** What an audit event is about; the audit page names it ("Contract WST-2023-01", "Member Fiona Reid"). */
export const auditEntityTypes = [
  "contract",
  "supplier",
  "membership",
  "invitation",
  "council",
  "engagement",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditEntityLabels: Record<AuditEntityType, string> = {
  contract: "Contract",
  supplier: "Supplier",
  membership: "Member",
  invitation: "Invitation",
  council: "Council",
  engagement: "Advisor engagement",
};

type EngagementRecord = {
  advisorUserId: string;
  advisorEmail: string;
  scopes: EngagementScope[];
  startsOn: string;
  endsOn: string;
};
/** A note or reply is about its contract, or (with none) about the council. */
type AdvisoryEntity = { entityType: "contract" } | { entityType: "council" };

/** The fields of an invoice its events record (the stored record may hold more, e.g. ids and timestamps). */
type InvoiceRecord = Pick<
  InvoiceInput,
  "invoiceNumber" | "amountMinor" | "receivedOn" | "dueOn" | "paidOn"
> & {
  id: string;
};
type InvoiceDisputeRecord = {
  invoiceId: string;
  invoiceNumber: string;
  disputedOn: string;
  reason: string;
};
type ImprovementPlanRecord = {
  id: string;
  title: string;
  reason: string;
  trigger: ImprovementPlanTrigger;
  triggerMonth: string | null;
  triggerKpiId: string | null;
  openedOn: string;
};
type RagRecord = {
  month: string;
  status: RagStatus;
  commentary: string | null;
  suggested: { status: RagStatus; reasons: string[] } | null;
};
/** A measurement's figures as its events record them. */
type MeasurementRecord = {
  measurementId: string;
  kpiId: string;
  periodStart: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  parts: { label: string; value: number | null; numerator: number | null; denominator: number | null }[];
  rating: KpiRating;
};
type MeetingRecord = MeetingInput & { id: string };
type ActionRecord = ActionInput & {
  id: string;
  meetingId: string | null;
  improvementPlanId: string | null;
};
type RiskRecord = RiskInput & { id: string };
type SupplierRecord = Omit<SupplierInput, "organisationScheme"> & { id: string };
type AttachmentRecord = {
  attachmentId: string;
  ownerType: AttachmentOwner;
  ownerId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
};

/** A council's licence as its events record it (issue 11). */
export type LicenceRecord = {
  plan: PlanId;
  seats: number;
  interval: BillingInterval;
  state: LicenceState;
  source: LicenceSource;
  startsOn: string;
  endsOn: string | null;
  pastDueSince: string | null;
  poNumber: string | null;
};

/**
 * Every action Steward records in the audit log (DESIGN §3.8): its entity type and the shape of its before and
 * after records. One entry per action; a new action is added here, with its words in `auditActionWords`, and
 * `ctx.audit` then accepts it. `before`/`after` absent from an entry means the event records neither.
 */
export interface AuditEventShapes {
  "contract.created": {
    entityType: "contract";
    /** The register fields entered, or (for the demo seed) the reference and where it came from. */
    after: ContractInput | { reference: string; source: "demo data" };
  };
  "contract.imported": { entityType: "contract"; after: { reference: string; fileName: string | null } };
  /** Only the fields that changed, before and after. */
  "contract.updated": {
    entityType: "contract";
    before: Partial<ContractInput>;
    after: Partial<ContractInput>;
  };
  /** A register file changed these fields of a contract it matched by reference. */
  "contract.import_updated": {
    entityType: "contract";
    before: Partial<ContractInput>;
    after: Partial<ContractInput>;
  };
  /** The register's bulk edit set these fields (manager, SRO, service area). */
  "contract.bulk_edited": {
    entityType: "contract";
    before: Partial<ContractInput>;
    after: Partial<ContractInput>;
  };
  "contract.tier_reviewed": {
    entityType: "contract";
    before: { tier: Tier; overrideReason: string | null };
    after: { tier: Tier; assessedTier: Tier; overrideReason: string | null };
  };
  "contract.archived": { entityType: "contract" };
  "contract.restored": { entityType: "contract" };
  "change.requested": {
    entityType: "contract";
    after: ChangeRequestInput & { id: string; changeNoticeRequired: boolean };
  };
  "change.approved": {
    entityType: "contract";
    before: { endDate: string | null; totalValueMinor: number | null; supplierId?: string | null };
    after: {
      changeId: string;
      endDate: string | null;
      totalValueMinor: number | null;
      supplierId?: string | null;
    };
  };
  /** MFMA s.116(3): the council tabling and community notice recorded on a South African council's change. */
  "change.section_116_recorded": {
    entityType: "contract";
    before: Section116Steps & { changeId: string };
    after: Section116Steps & { changeId: string };
  };
  "change.rejected": { entityType: "contract"; after: { changeId: string } };
  "change.withdrawn": { entityType: "contract"; after: { changeId: string } };
  "invoice.recorded": { entityType: "contract"; after: InvoiceRecord };
  "invoice.updated": { entityType: "contract"; before: InvoiceRecord; after: InvoiceRecord };
  /** PA23 s.68(3): the council disputes the invoice; left out of lateness until cleared. */
  "invoice.disputed": { entityType: "contract"; after: InvoiceDisputeRecord };
  "invoice.dispute_cleared": { entityType: "contract"; before: InvoiceDisputeRecord };
  /** SCM reg 36: a deviation recorded or corrected (before is null when there was none). */
  "contract.deviation_recorded": {
    entityType: "contract";
    before: DeviationInput | null;
    after: DeviationInput;
  };
  "contract.deviation_removed": { entityType: "contract"; before: DeviationInput };
  /** PA23 s.52(1): the council's reason KPIs could not appropriately assess the contract (null: none). */
  "contract.kpi_exemption_changed": {
    entityType: "contract";
    before: { reason: string | null };
    after: { reason: string | null };
  };
  "kpi.created": { entityType: "contract"; after: KpiInput & { kpiId: string } };
  /** Only the fields that changed, before and after. */
  "kpi.updated": {
    entityType: "contract";
    before: Partial<KpiInput> & { kpiId: string };
    after: Partial<KpiInput> & { kpiId: string };
  };
  "kpi.archived": { entityType: "contract"; before: { kpiId: string; name: string } };
  /** Issue 8 §2: one month's measurements entered together. */
  "kpi.measurements_recorded": {
    entityType: "contract";
    after: { periodStart: string; measurements: MeasurementRecord[] };
  };
  /** A correction: the earlier figures are kept in the measurement's history too. */
  "kpi.measurement_corrected": {
    entityType: "contract";
    before: MeasurementRecord;
    after: MeasurementRecord & { reason: string };
  };
  "improvement_plan.opened": { entityType: "contract"; after: ImprovementPlanRecord };
  /** 004 §9: escalated to the SRO, with what was asked of them. */
  "improvement_plan.escalated": {
    entityType: "contract";
    after: { improvementPlanId: string; escalatedOn: string; escalatedTo: string; escalationNote: string };
  };
  "improvement_plan.closed": {
    entityType: "contract";
    after: {
      improvementPlanId: string;
      closedOn: string;
      outcome: ImprovementPlanOutcome;
      outcomeNote: string | null;
    };
  };
  /** 004 §12.3: a month's RAG status set or changed (before is null for a month not set before). */
  "rag.set": { entityType: "contract"; before: RagRecord | null; after: RagRecord };
  /** 004 §5–6: the contract management plan written, edited and reviewed. */
  "plan.created": { entityType: "contract"; after: ManagementPlanInput };
  "plan.updated": {
    entityType: "contract";
    before: Partial<ManagementPlanInput>;
    after: Partial<ManagementPlanInput>;
  };
  "plan.reviewed": {
    entityType: "contract";
    after: { reviewId: string; reviewedOn: string; note: string | null; nextReviewOn: string | null };
  };
  "monitoring_report.received": {
    entityType: "contract";
    after: MonitoringReportInput & { reportId: string };
  };
  /** PA23 s.71, s.80: a Contract Performance or Termination Notice recorded as published. */
  "contract_notice.recorded": {
    entityType: "contract";
    after: { noticeId: string; kind: ContractNoticeKind; publishedOn: string; reference: string | null };
  };
  "monitoring_report.assessed": {
    entityType: "contract";
    after: {
      reportId: string;
      assessment: MonitoringAssessment;
      assessmentNote: string | null;
      assessedOn: string;
    };
  };
  /** The close-out's checklist and final evaluation as saved (before is null for its first save). */
  "close_out.saved": { entityType: "contract"; before: CloseOutInput | null; after: CloseOutInput };
  /** 004 §6: close-out completed; the contract's lifecycle stage became closed. */
  "close_out.completed": {
    entityType: "contract";
    before: { lifecycleStage: string };
    after: { lifecycleStage: "closed"; completedOn: string };
  };
  "lesson.recorded": { entityType: "contract"; after: { lessonId: string; title: string; body: string } };
  "attachment.added": { entityType: "contract"; after: AttachmentRecord };
  "attachment.removed": { entityType: "contract"; before: AttachmentRecord };
  /** Issue 8 §2: a supplier's return uploaded as a file; its measurements name who entered them and when. */
  "kpi.supplier_return_recorded": {
    entityType: "contract";
    after: {
      fileName: string | null;
      measurements: number;
      firstPeriod: string;
      lastPeriod: string;
      kpis: { kpiId: string; name: string; measurements: number }[];
    };
  };
  "meeting.recorded": { entityType: "contract"; after: MeetingRecord };
  "meeting.updated": { entityType: "contract"; before: MeetingRecord; after: MeetingRecord };
  "meeting.cancelled": {
    entityType: "contract";
    after: { id: string; type: MeetingType; scheduledOn: string; cancelledOn: string; reason: string };
  };
  "action.added": { entityType: "contract"; after: ActionRecord };
  "action.updated": { entityType: "contract"; before: ActionRecord; after: ActionRecord };
  "action.status_changed": {
    entityType: "contract";
    before: { actionId: string; status: ActionStatus };
    after: { actionId: string; status: ActionStatus; completedOn: string | null };
  };
  "risk.recorded": { entityType: "contract"; after: RiskRecord };
  "risk.updated": { entityType: "contract"; before: RiskRecord; after: RiskRecord };
  "risk.status_changed": {
    entityType: "contract";
    before: { riskId: string; status: RiskStatus };
    after: { riskId: string; status: RiskStatus; closedOn: string | null };
  };
  "supplier.created": { entityType: "supplier"; after: SupplierRecord };
  "supplier.updated": { entityType: "supplier"; before: SupplierRecord; after: SupplierRecord };
  "supplier.organisation_linked": {
    entityType: "supplier";
    before: { organisationId: string | null };
    after: { organisationId: string; scheme: string; identifier: string };
  };
  "supplier.organisation_unlinked": { entityType: "supplier"; before: { organisationId: string } };
  "benchmarks.opted_in": { entityType: "council"; before: { optedIn: boolean }; after: { optedIn: true } };
  "benchmarks.opted_out": { entityType: "council"; before: { optedIn: boolean }; after: { optedIn: false } };
  "council.settings_changed": { entityType: "council"; before: TenantSettings; after: TenantSettings };
  "invitation.sent": { entityType: "invitation"; after: { email: string; role: Role } };
  "invitation.revoked": { entityType: "invitation" };
  "invitation.accepted": { entityType: "membership"; after: { role: Role; invitationId: string } };
  "member.role_changed": { entityType: "membership"; before: { role: Role }; after: { role: Role } };
  "member.deactivated": { entityType: "membership" };
  "member.reactivated": { entityType: "membership" };
  /** Issue 11 §6: the platform operator set up the council (its first admin's invitation is its own event). */
  "council.created": {
    entityType: "council";
    after: { name: string; slug: string; jurisdiction: string; currency: string; locale: string };
  };
  /** Assigned or changed by hand by the platform operator (offline mode, issue 11 §5). */
  "licence.assigned": { entityType: "council"; before: LicenceRecord | null; after: LicenceRecord };
  "licence.suspended": { entityType: "council"; after: { reason: string } };
  "licence.reactivated": { entityType: "council" };
  /** The licence job: a grace period ended or a fixed-term licence expired (issue 11 §4). */
  "licence.state_changed": {
    entityType: "council";
    before: { state: LicenceState };
    after: { state: LicenceState; reason: string };
  };
  /** A Stripe event changed the licence (issue 11 §3); `eventId` is Stripe's. */
  "licence.stripe_updated": {
    entityType: "council";
    before: LicenceRecord | null;
    after: LicenceRecord & { eventId: string; eventType: string };
  };
  /**
   * The reconciliation job re-read the subscription from Stripe and found the licence behind it (a lost webhook,
   * or a crash between a Stripe call and its record: issue 11 §2).
   */
  "licence.reconciled": {
    entityType: "council";
    before: LicenceRecord | null;
    after: LicenceRecord & { stripeSubscriptionId: string };
  };
  /** The council's Stripe customer was created (the first checkout or invoice subscription). */
  "billing.customer_created": { entityType: "council"; after: { stripeCustomerId: string } };
  /** The council's admin asked Stripe for a subscription, a seat change or a purchase-order number. */
  "billing.subscription_requested": {
    entityType: "council";
    after: {
      plan: PlanId;
      seats: number;
      interval: BillingInterval;
      collection: "card" | "invoice";
      poNumber: string | null;
    };
  };
  /** A Stripe invoice of the council's subscription was issued, paid or failed (its webhook, issue 11 §3). */
  "billing.invoice_updated": {
    entityType: "council";
    after: {
      stripeInvoiceId: string;
      number: string | null;
      status: string;
      amountDueMinor: number;
      eventId: string;
    };
  };
  "billing.seats_changed": { entityType: "council"; before: { seats: number }; after: { seats: number } };
  "billing.po_number_changed": {
    entityType: "council";
    before: { poNumber: string | null };
    after: { poNumber: string | null };
  };
  // Training (issue 10): learning events are about the learner (the member); requirements and the council's own
  // courses are about the council.
  "training.enrolled": {
    entityType: "membership";
    after: { enrolmentId: string; courseId: string; versionId: string; dueOn: string | null };
  };
  "training.assigned": {
    entityType: "membership";
    after: { enrolmentId: string; courseId: string; dueOn: string | null };
  };
  "training.lesson_completed": { entityType: "membership"; after: { enrolmentId: string; lessonId: string } };
  "training.attempt_started": {
    entityType: "membership";
    after: { enrolmentId: string; attemptId: string; number: number };
  };
  "training.attempt_submitted": {
    entityType: "membership";
    after: { attemptId: string; scorePercent: number; passed: boolean };
  };
  "training.completed": {
    entityType: "membership";
    after: {
      completionId: string;
      courseId: string;
      versionId: string;
      completedOn: string;
      expiresOn: string | null;
    };
  };
  "training.attempts_reset": {
    entityType: "membership";
    before: { enrolmentId: string; courseId: string; attemptsResetAfter: number };
    after: { enrolmentId: string; courseId: string; attemptsResetAfter: number };
  };
  "training.requirement_added": { entityType: "council"; after: { role: Role; courseId: string } };
  "training.requirement_removed": { entityType: "council"; before: { role: Role; courseId: string } };
  "course.created": { entityType: "council"; after: { courseId: string; slug: string; title: string } };
  "course.draft_saved": { entityType: "council"; after: { courseId: string; versionNumber: number } };
  "course.draft_started": { entityType: "council"; after: { courseId: string; versionNumber: number } };
  "course.published": { entityType: "council"; after: { courseId: string; versionNumber: number } };
  "engagement.granted": { entityType: "engagement"; after: EngagementRecord };
  "engagement.revoked": { entityType: "engagement"; before: EngagementRecord };
  /** Issue 9 §7: every read an engaged advisor makes of the council's data: which call, and its contract. */
  "advisor.read": { entityType: "engagement"; after: { procedure: string; contractId: string | null } };
  "advisory_note.added": AdvisoryEntity & {
    after: { noteId: string; kind: AdvisoryNoteKind; title: string };
  };
  "advisory_note.answered": AdvisoryEntity & {
    after: { noteId: string; replyId: string; decision: RecommendationDecision | null };
  };
  "review.drafted": { entityType: "council"; after: { reviewId: string; title: string } };
  "review.updated": { entityType: "council"; after: { reviewId: string; title: string } };
  "review.shared": { entityType: "council"; after: { reviewId: string; title: string } };
}

export type AuditAction = keyof AuditEventShapes;

/** One audit event as the routers write it and the pages read it, discriminated by `action`. */
export type AuditEvent = {
  [Action in AuditAction]: { action: Action; entityId: string } & AuditEventShapes[Action];
}[AuditAction];

/** Each action in words, after the actor's name: "Fiona Reid approved a change". */
export const auditActionWords: Record<AuditAction, string> = {
  "contract.created": "added a contract",
  "contract.imported": "imported a contract",
  "contract.updated": "edited a contract",
  "contract.import_updated": "updated a contract from a register file",
  "contract.bulk_edited": "edited contracts together",
  "contract.tier_reviewed": "reviewed a contract's tier",
  "contract.archived": "archived a contract",
  "contract.restored": "restored a contract",
  "change.requested": "requested a change",
  "change.approved": "approved a change",
  "change.section_116_recorded": "recorded the council tabling and community notice of a change",
  "change.rejected": "rejected a change",
  "change.withdrawn": "withdrew a change",
  "invoice.recorded": "recorded an invoice",
  "invoice.updated": "updated an invoice",
  "invoice.disputed": "marked an invoice disputed",
  "invoice.dispute_cleared": "cleared an invoice's dispute",
  "contract.deviation_recorded": "recorded a deviation from the procurement processes",
  "contract.deviation_removed": "removed a recorded deviation",
  "contract.kpi_exemption_changed": "changed whether the contract must set key performance indicators",
  "kpi.created": "added a key performance indicator",
  "kpi.updated": "edited a key performance indicator",
  "kpi.archived": "archived a key performance indicator",
  "kpi.measurements_recorded": "recorded a month's performance measurements",
  "kpi.measurement_corrected": "corrected a performance measurement",
  "improvement_plan.opened": "opened an improvement plan",
  "improvement_plan.escalated": "escalated an improvement plan to the senior responsible officer",
  "improvement_plan.closed": "closed an improvement plan",
  "rag.set": "set the monthly red, amber or green status",
  "plan.created": "wrote the contract management plan",
  "plan.updated": "edited the contract management plan",
  "plan.reviewed": "reviewed the contract management plan",
  "monitoring_report.received": "recorded a supplier monitoring report",
  "monitoring_report.assessed": "assessed a supplier monitoring report",
  "contract_notice.recorded": "recorded a published contract notice",
  "close_out.saved": "updated the close-out",
  "close_out.completed": "completed the close-out and closed the contract",
  "lesson.recorded": "recorded a lesson learned",
  "attachment.added": "attached a file",
  "attachment.removed": "removed an attached file",
  "kpi.supplier_return_recorded": "uploaded a supplier's performance return",
  "meeting.recorded": "recorded a meeting",
  "meeting.updated": "updated a meeting",
  "meeting.cancelled": "cancelled a planned meeting",
  "action.added": "added an action",
  "action.updated": "edited an action",
  "action.status_changed": "changed an action's status",
  "risk.recorded": "recorded a risk",
  "risk.updated": "updated a risk",
  "risk.status_changed": "closed or reopened a risk",
  "supplier.created": "added a supplier",
  "supplier.updated": "edited a supplier",
  "supplier.organisation_linked": "linked a supplier to the organisation registry",
  "supplier.organisation_unlinked": "unlinked a supplier from the organisation registry",
  "benchmarks.opted_in": "joined the benchmarking pool",
  "benchmarks.opted_out": "left the benchmarking pool",
  "council.settings_changed": "changed the council's settings",
  "invitation.sent": "invited a member",
  "invitation.revoked": "revoked an invitation",
  "invitation.accepted": "accepted an invitation",
  "member.role_changed": "changed a member's role",
  "member.deactivated": "deactivated a member",
  "member.reactivated": "reactivated a member",
  "council.created": "set up the council",
  "licence.assigned": "assigned the council's licence",
  "licence.suspended": "suspended the council's licence",
  "licence.reactivated": "reactivated the council's licence",
  "licence.state_changed": "changed the licence's state",
  "licence.stripe_updated": "updated the licence from the payment provider",
  "licence.reconciled": "brought the licence up to date with the payment provider's records",
  "billing.customer_created": "set up the council's billing account",
  "billing.subscription_requested": "started a subscription",
  "billing.invoice_updated": "recorded an invoice from the payment provider",
  "billing.seats_changed": "changed the licence's seats",
  "billing.po_number_changed": "changed the purchase order number",
  "training.enrolled": "enrolled on a course",
  "training.assigned": "assigned a course",
  "training.lesson_completed": "finished a lesson",
  "training.attempt_started": "started a quiz attempt",
  "training.attempt_submitted": "submitted a quiz attempt",
  "training.completed": "completed a course",
  "training.attempts_reset": "reset a learner's quiz attempts",
  "training.requirement_added": "added a training requirement",
  "training.requirement_removed": "removed a training requirement",
  "course.created": "created a course",
  "course.draft_saved": "saved a course draft",
  "course.draft_started": "started a new version of a course",
  "course.published": "published a course version",
  "engagement.granted": "engaged an advisor",
  "engagement.revoked": "revoked an advisor's engagement",
  "advisor.read": "read the council's data as its advisor",
  "advisory_note.added": "added an advisory note",
  "advisory_note.answered": "answered an advisory note",
  "review.drafted": "drafted a performance review",
  "review.updated": "edited a draft performance review",
  "review.shared": "shared a performance review with the council",
};

export const auditActions = Object.keys(auditActionWords) as AuditAction[];

/** An action as stored; one no longer written (or not yet known to this build) is shown as recorded. */
export function auditActionInWords(action: string): string {
  return Object.hasOwn(auditActionWords, action) ? auditActionWords[action as AuditAction] : action;
}

/**
 * The platform's audit log (issue 11 §6): what the platform operator changes that belongs to no council, in the
 * same transaction as the change. A change to one council (its licence, its setting up) goes to that council's
 * log above instead.
 */
export const platformAuditEntityTypes = [
  "service_category",
  "kpi_template",
  "benchmark_settings",
  "course",
  "organisation",
] as const;
export type PlatformAuditEntityType = (typeof platformAuditEntityTypes)[number];

export const platformAuditEntityLabels: Record<PlatformAuditEntityType, string> = {
  service_category: "Service category",
  kpi_template: "KPI template",
  benchmark_settings: "Benchmark pool",
  course: "Platform course",
  organisation: "Registry entry",
};

type OrganisationRecord = { scheme: string; identifier: string; name: string; aliases: string[] };

export interface PlatformAuditEventShapes {
  "kpi_library.category_created": { entityType: "service_category"; after: ServiceCategoryInput };
  "kpi_library.category_updated": {
    entityType: "service_category";
    after: ServiceCategoryInput & { version: number };
  };
  "kpi_library.template_created": { entityType: "kpi_template"; after: KpiTemplateInput };
  "kpi_library.template_updated": {
    entityType: "kpi_template";
    after: KpiTemplateInput & { version: number };
  };
  "kpi_library.template_archived": {
    entityType: "kpi_template";
    after: { archived: boolean; version: number };
  };
  /** issue 9 §4: the smallest number of councils a published benchmark figure stands on. */
  "benchmarks.k_changed": { entityType: "benchmark_settings"; after: { k: number; version: number } };
  "platform_course.created": { entityType: "course"; after: { slug: string; title: string } };
  "platform_course.draft_saved": { entityType: "course"; after: { versionNumber: number } };
  "platform_course.draft_started": { entityType: "course"; after: { versionNumber: number } };
  "platform_course.published": { entityType: "course"; after: { versionNumber: number } };
  "organisation.recorded": { entityType: "organisation"; after: OrganisationRecord };
  "organisation.renamed": { entityType: "organisation"; after: { name: string; aliases: string[] } };
}

export type PlatformAuditAction = keyof PlatformAuditEventShapes;

export type PlatformAuditEvent = {
  [Action in PlatformAuditAction]: { action: Action; entityId: string } & PlatformAuditEventShapes[Action];
}[PlatformAuditAction];

export const platformAuditActionWords: Record<PlatformAuditAction, string> = {
  "kpi_library.category_created": "added a service category to the KPI library",
  "kpi_library.category_updated": "edited a service category of the KPI library",
  "kpi_library.template_created": "added a KPI template to the library",
  "kpi_library.template_updated": "edited a KPI template of the library",
  "kpi_library.template_archived": "archived or restored a KPI template",
  "benchmarks.k_changed": "changed the benchmark pool's smallest group (k)",
  "platform_course.created": "created a platform course",
  "platform_course.draft_saved": "saved a platform course draft",
  "platform_course.draft_started": "started a new version of a platform course",
  "platform_course.published": "published a platform course version",
  "organisation.recorded": "recorded an organisation in the registry",
  "organisation.renamed": "renamed an organisation in the registry",
};

/** A platform action as stored; one no longer written is shown as recorded. */
export function platformAuditActionInWords(action: string): string {
  return Object.hasOwn(platformAuditActionWords, action)
    ? platformAuditActionWords[action as PlatformAuditAction]
    : action;
}
