import { inTransaction, listRecentMail } from "@steward/db";
import {
  createOperator,
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { can, newId, type Role, roles } from "@steward/domain";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcedureMeta } from "./init.ts";
import { appRouter } from "./root.ts";
import { callerFor, passTestCourse, publishTestCourse } from "./testing.ts";

/**
 * Walks every procedure of the router (DESIGN §3, §10), as every role of council A. Every tenant procedure is
 * called once naming council B in the header (must be FORBIDDEN whatever the input), and once in A with B's ids
 * from the table below: a "refused" entry must answer NOT_FOUND/FORBIDDEN; a "nothing of B" entry must answer
 * without a trace of B, or be refused with FORBIDDEN by the role guard (a role without the permission) or with
 * one of the codes its entry names (`refusals`, A's own validation). Any other error fails. After each walk,
 * every row of B (every table with a tenant_id, found from the catalogue) must be as it was. A tenant procedure
 * added without an entry in the table fails this test; so does a public procedure that takes a council id
 * without an entry in `publicAttacks`.
 */
let test: TestDatabase;
let a: TenantFixture;
let b: TenantFixture;
/** Ids of B's records, made through B's own API calls; fresh for every test (see `walkFixture`). */
let bIds: Record<string, string> = {};
/** The platform's course both councils see (not B's), and its first lesson. */
let platformCourse: { courseId: string; versionId: string };
let platformLesson = "";
const walkCourseRules = {
  title: "Walk course",
  summary: "A course made during the walk.",
  validityMonths: 24,
  passMarkPercent: 70,
  questionsPerAttempt: 1,
  attemptLimit: 3,
  cooldownMinutes: 0,
};
/** An advisor with an account and no engagement yet, for A's admin to engage. */
let freeAdvisorEmail = "";

type Attack =
  | { input: unknown; outcome: "refused" }
  | { input: unknown; outcome: "nothing of B"; refusals?: TRPC_ERROR_CODE_KEY[] };
/** Entries may use the calling role to keep A's own records apart (one invitation per address, say). */
type Attacker = { role: Role };
const walkKpi = {
  name: "Calls answered",
  definition: "Calls answered within 60 seconds",
  unit: "count" as const,
  direction: "higher_is_better" as const,
  target: 100,
};
const attackAction = {
  description: "attack",
  ownerParty: "supplier",
  ownerName: "Intruder",
  dueOn: "2026-02-01",
};
const attackRisk = {
  title: "attack",
  category: "other" as const,
  likelihood: 5,
  impact: 5,
  ownerParty: "supplier" as const,
  ownerName: "Intruder",
  reviewOn: "2026-03-01",
};
const attackFinding = { area: "performance" as const, rating: "inadequate" as const, finding: "attack" };
const attackReview = {
  title: "attack",
  periodStart: "2026-01-01",
  periodEnd: "2026-03-31",
  overallRating: "inadequate" as const,
  findings: [attackFinding],
};
const attacks: Record<string, (attacker: Attacker) => Attack> = {
  "members.list": () => ({ input: undefined, outcome: "nothing of B" }),
  "members.invitations": () => ({ input: undefined, outcome: "nothing of B" }),
  "members.invite": ({ role }) => ({
    input: { email: `b.member.${role}@example.test`, role: "viewer" },
    outcome: "nothing of B",
  }),
  "members.revokeInvitation": () => ({ input: { invitationId: bIds.invitation }, outcome: "refused" }),
  "members.changeRole": () => ({ input: { userId: b.users.viewer, role: "admin" }, outcome: "refused" }),
  "members.deactivate": () => ({ input: { userId: b.users.viewer }, outcome: "refused" }),
  "members.reactivate": () => ({ input: { userId: b.users.viewer }, outcome: "refused" }),
  "audit.list": () => ({ input: { limit: 200 }, outcome: "nothing of B" }),
  "audit.verify": () => ({ input: undefined, outcome: "nothing of B" }),
  "organisations.suggestions": () => ({ input: { supplierId: bIds.supplier }, outcome: "refused" }),
  "organisations.link": () => ({
    input: { supplierId: bIds.supplier, version: 1, organisationId: bIds.supplier },
    outcome: "refused",
  }),
  "organisations.unlink": () => ({ input: { supplierId: bIds.supplier, version: 1 }, outcome: "refused" }),
  "kpiLibrary.list": () => ({ input: undefined, outcome: "nothing of B" }),
  "benchmarks.participation": () => ({ input: undefined, outcome: "nothing of B" }),
  "benchmarks.setParticipation": () => ({ input: { optedIn: true }, outcome: "nothing of B" }),
  "benchmarks.overview": () => ({ input: undefined, outcome: "nothing of B" }),
  "benchmarks.supplier": () => ({ input: { supplierId: bIds.supplier }, outcome: "refused" }),
  "suppliers.list": () => ({ input: { search: "B Supplies" }, outcome: "nothing of B" }),
  "suppliers.get": () => ({ input: { supplierId: bIds.supplier }, outcome: "refused" }),
  "suppliers.create": () => ({ input: { name: "A's own supplier" }, outcome: "nothing of B" }),
  "suppliers.update": () => ({
    input: { supplierId: bIds.supplier, version: 1, values: { name: "Hijacked" } },
    outcome: "refused",
  }),
  "contracts.list": () => ({ input: { search: "B-001" }, outcome: "nothing of B" }),
  "contracts.get": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "contracts.endingSoon": () => ({ input: undefined, outcome: "nothing of B" }),
  "contracts.create": () => ({
    input: {
      ...contractValues("A-STEAL"),
      supplierId: bIds.supplier,
      contractManagerId: b.users.contract_manager,
    },
    outcome: "refused",
  }),
  "contracts.update": () => ({
    input: { contractId: bIds.contract, version: 1, values: contractValues("B-001") },
    outcome: "refused",
  }),
  "contracts.reviewTier": () => ({
    input: { contractId: bIds.contract, version: 1, override: { tier: "low", reason: "attack" } },
    outcome: "refused",
  }),
  "contracts.setArchived": () => ({
    input: { contractId: bIds.contract, version: 1, archived: true },
    outcome: "refused",
  }),
  "contracts.history": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "contracts.setDeviation": () => ({
    input: {
      contractId: bIds.contract,
      version: 1,
      deviation: { ground: "emergency", reason: "attack", reportedOn: null, reportReference: null },
    },
    outcome: "refused",
  }),
  "contracts.compliance": () => ({ input: undefined, outcome: "nothing of B" }),
  "changes.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "changes.preview": () => ({
    input: { contractId: bIds.contract, valueDeltaMinor: 100, termDeltaDays: 0 },
    outcome: "refused",
  }),
  "changes.request": () => ({
    input: {
      contractId: bIds.contract,
      change: {
        type: "value",
        reason: "other",
        description: "attack",
        valueDeltaMinor: 100,
        termDeltaDays: 0,
      },
    },
    outcome: "refused",
  }),
  "changes.approve": () => ({ input: { changeId: bIds.change, version: 1 }, outcome: "refused" }),
  "changes.reject": () => ({ input: { changeId: bIds.change, version: 1 }, outcome: "refused" }),
  "changes.recordSection116Steps": () => ({
    input: {
      changeId: bIds.change,
      version: 1,
      steps: { councilTabledOn: "2026-01-05", councilResolutionReference: "attack" },
    },
    outcome: "refused",
  }),
  "changes.withdraw": () => ({ input: { changeId: bIds.change, version: 1 }, outcome: "refused" }),
  "meetings.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "meetings.record": () => ({
    input: { contractId: bIds.contract, meeting: { type: "review", scheduledOn: "2026-01-10" } },
    outcome: "refused",
  }),
  "meetings.update": () => ({
    input: { meetingId: bIds.meeting, version: 1, meeting: { type: "review", scheduledOn: "2026-01-10" } },
    outcome: "refused",
  }),
  "meetings.cancel": () => ({
    input: { meetingId: bIds.meeting, version: 1, cancellation: { reason: "attack" } },
    outcome: "refused",
  }),
  "actions.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "actions.add": () => ({
    input: { contractId: bIds.contract, action: attackAction },
    outcome: "refused",
  }),
  "actions.update": () => ({
    input: { actionId: bIds.action, version: 1, action: attackAction },
    outcome: "refused",
  }),
  "actions.setStatus": () => ({
    input: { actionId: bIds.action, version: 1, status: "cancelled" },
    outcome: "refused",
  }),
  "risks.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "risks.record": () => ({ input: { contractId: bIds.contract, risk: attackRisk }, outcome: "refused" }),
  "risks.update": () => ({ input: { riskId: bIds.risk, version: 1, risk: attackRisk }, outcome: "refused" }),
  "risks.setStatus": () => ({
    input: { riskId: bIds.risk, version: 1, status: "closed" },
    outcome: "refused",
  }),
  "improvementPlans.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "improvementPlans.open": () => ({
    input: { contractId: bIds.contract, trigger: "other", title: "attack", reason: "attack" },
    outcome: "refused",
  }),
  "improvementPlans.escalate": () => ({
    input: { improvementPlanId: bIds.improvementPlan, version: 1, note: "attack" },
    outcome: "refused",
  }),
  "improvementPlans.close": () => ({
    input: { improvementPlanId: bIds.improvementPlan, version: 1, closure: { outcome: "termination" } },
    outcome: "refused",
  }),
  "kpis.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "kpis.create": () => ({ input: { contractId: bIds.contract, kpi: walkKpi }, outcome: "refused" }),
  "kpis.update": () => ({ input: { kpiId: bIds.kpi, version: 1, kpi: walkKpi }, outcome: "refused" }),
  "kpis.archive": () => ({ input: { kpiId: bIds.kpi, version: 1 }, outcome: "refused" }),
  "kpis.setExemption": () => ({
    input: { contractId: bIds.contract, version: 1, reason: "attack" },
    outcome: "refused",
  }),
  "kpis.recordMonth": () => ({
    input: { contractId: bIds.contract, periodStart: "2026-02-01", entries: [{ kpiId: bIds.kpi, value: 1 }] },
    outcome: "refused",
  }),
  "kpis.correct": () => ({
    input: { measurementId: bIds.measurement, version: 1, value: 1, reason: "attack" },
    outcome: "refused",
  }),
  "kpis.history": () => ({ input: { measurementId: bIds.measurement }, outcome: "refused" }),
  "kpis.previewReturn": () => ({
    input: { contractId: bIds.contract, csv: "KPI,Period,Value\nAttack,2026-01,1\n" },
    outcome: "refused",
  }),
  "kpis.commitReturn": () => ({
    input: { contractId: bIds.contract, csv: "KPI,Period,Value\nAttack,2026-01,1\n" },
    outcome: "refused",
  }),
  "invoices.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "invoices.create": () => ({
    input: {
      contractId: bIds.contract,
      invoice: { invoiceNumber: "X-1", amountMinor: 100, receivedOn: "2026-01-05" },
    },
    outcome: "refused",
  }),
  "invoices.update": () => ({
    input: {
      invoiceId: bIds.invoice,
      version: 1,
      invoice: { invoiceNumber: "X-1", amountMinor: 1, receivedOn: "2026-01-05" },
    },
    outcome: "refused",
  }),
  "invoices.setDispute": () => ({
    input: { invoiceId: bIds.invoice, version: 1, dispute: { disputedOn: "2026-01-06", reason: "attack" } },
    outcome: "refused",
  }),
  "register.previewImport": () => ({ input: { csv: registerCsv("B-001") }, outcome: "nothing of B" }),
  "register.commitImport": ({ role }) => ({
    input: { csv: registerCsv(`A-IMPORTED-${role}`) },
    outcome: "nothing of B",
  }),
  "register.exportCsv": () => ({ input: {}, outcome: "nothing of B" }),
  "register.bulkEdit": () => ({
    input: { contractIds: [bIds.contract], set: { serviceArea: "attack" } },
    outcome: "refused",
  }),
  "board.view": () => ({ input: { month: "2026-01" }, outcome: "nothing of B" }),
  "board.myContracts": () => ({ input: undefined, outcome: "nothing of B" }),
  "rag.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "rag.suggest": () => ({ input: { contractId: bIds.contract, month: "2026-01" }, outcome: "refused" }),
  "rag.set": () => ({
    input: {
      contractId: bIds.contract,
      month: "2026-01",
      version: 1,
      entry: { status: "green", commentary: null },
    },
    outcome: "refused",
  }),
  "rag.missing": () => ({ input: { month: "2026-01" }, outcome: "nothing of B" }),
  "plans.get": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "plans.save": () => ({
    input: { contractId: bIds.contract, version: 1, plan: planValues },
    outcome: "refused",
  }),
  "plans.review": () => ({
    input: { contractId: bIds.contract, version: 1, reviewedOn: "2026-01-10", note: "attack" },
    outcome: "refused",
  }),
  "notices.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "notices.record": () => ({
    input: { contractId: bIds.contract, kind: "contract_termination", publishedOn: "2026-01-10" },
    outcome: "refused",
  }),
  "plans.reports": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "plans.recordReport": () => ({
    input: { contractId: bIds.contract, report: reportValues },
    outcome: "refused",
  }),
  "plans.assessReport": () => ({
    input: { reportId: bIds.report, version: 1, assessment: "satisfactory", assessedOn: "2026-01-10" },
    outcome: "refused",
  }),
  "closeOut.get": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "closeOut.save": () => ({
    input: { contractId: bIds.contract, version: 1, closeOut: { checklist: [], finalEvaluation: "attack" } },
    outcome: "refused",
  }),
  "closeOut.complete": () => ({ input: { contractId: bIds.contract, version: 1 }, outcome: "refused" }),
  "lessons.list": () => ({ input: { search: "B's lesson" }, outcome: "nothing of B" }),
  "lessons.create": () => ({
    input: { contractId: bIds.contract, title: "attack", body: "attack" },
    outcome: "refused",
  }),
  "attachments.list": () => ({
    input: { contractId: bIds.contract, ownerType: "management_plan", ownerId: bIds.contract },
    outcome: "refused",
  }),
  "attachments.upload": () => ({
    input: {
      contractId: bIds.contract,
      ownerType: "management_plan",
      ownerId: bIds.contract,
      fileName: "attack.txt",
      contentType: "text/plain",
      contentBase64: Buffer.from("attack").toString("base64"),
    },
    outcome: "refused",
  }),
  "attachments.download": () => ({ input: { attachmentId: bIds.attachment }, outcome: "refused" }),
  "attachments.remove": () => ({ input: { attachmentId: bIds.attachment }, outcome: "refused" }),
  "billing.status": () => ({ input: undefined, outcome: "nothing of B" }),
  "billing.overview": () => ({ input: undefined, outcome: "nothing of B" }),
  "billing.nextInvoice": () => ({ input: undefined, outcome: "nothing of B", refusals: ["CONFLICT"] }),
  // Offline in the walk (no Stripe key): A's own billing calls are refused with CONFLICT.
  "billing.subscribe": () => ({
    input: { plan: "essentials", interval: "year", seats: 5, collection: "invoice", poNumber: null },
    outcome: "nothing of B",
    refusals: ["CONFLICT"],
  }),
  "billing.portal": () => ({ input: undefined, outcome: "nothing of B", refusals: ["CONFLICT"] }),
  "billing.changeSeats": () => ({ input: { seats: 5 }, outcome: "nothing of B", refusals: ["CONFLICT"] }),
  "billing.setPoNumber": () => ({
    input: { poNumber: "PO-X" },
    outcome: "nothing of B",
    refusals: ["CONFLICT"],
  }),
  "courses.catalogue": () => ({ input: undefined, outcome: "nothing of B" }),
  "courses.get": () => ({ input: { courseId: bIds.course }, outcome: "refused" }),
  "courses.authoring.list": () => ({ input: undefined, outcome: "nothing of B" }),
  "courses.authoring.get": () => ({ input: { courseId: bIds.course }, outcome: "refused" }),
  "courses.authoring.create": ({ role }) => ({
    input: { ...walkCourseRules, slug: `a-course-${role.replace("_", "-")}` },
    outcome: "nothing of B",
  }),
  "courses.authoring.saveDraft": () => ({
    input: {
      courseId: bIds.course,
      version: 1,
      draft: { rules: walkCourseRules, modules: [], questions: [] },
    },
    outcome: "refused",
  }),
  "courses.authoring.publish": () => ({ input: { courseId: bIds.course, version: 1 }, outcome: "refused" }),
  "courses.authoring.startDraft": () => ({ input: { courseId: bIds.course }, outcome: "refused" }),
  "courses.authoring.preview": () => ({
    input: { courseId: bIds.course, lessonSlug: "one" },
    outcome: "refused",
  }),
  "training.enrol": () => ({ input: { courseId: bIds.course }, outcome: "refused" }),
  "training.assign": () => ({
    input: { courseId: platformCourse.courseId, userId: b.users.sro, dueOn: "2099-01-01" },
    outcome: "refused",
  }),
  // B's contract manager has an enrolment on the platform course with an attempt under way.
  "training.resetAttempts": () => ({
    input: { userId: b.users.contract_manager, courseId: platformCourse.courseId },
    outcome: "refused",
  }),
  "training.lesson": () => ({
    input: { enrolmentId: bIds.enrolment, lessonId: platformLesson },
    outcome: "refused",
  }),
  "training.completeLesson": () => ({
    input: { enrolmentId: bIds.enrolment, lessonId: platformLesson },
    outcome: "refused",
  }),
  "training.startAttempt": () => ({ input: { enrolmentId: bIds.enrolment }, outcome: "refused" }),
  "training.attempt": () => ({ input: { attemptId: bIds.attempt }, outcome: "refused" }),
  "training.submitAttempt": () => ({ input: { attemptId: bIds.attempt, answers: [] }, outcome: "refused" }),
  "training.mine": () => ({ input: undefined, outcome: "nothing of B" }),
  "training.requirements": () => ({ input: undefined, outcome: "nothing of B" }),
  "training.addRequirement": () => ({ input: { role: "sro", courseId: bIds.course }, outcome: "refused" }),
  "training.removeRequirement": () => ({ input: { requirementId: bIds.requirement }, outcome: "refused" }),
  "training.matrix": () => ({ input: {}, outcome: "nothing of B" }),
  "training.matrixCsv": () => ({ input: {}, outcome: "nothing of B" }),
  "training.managerCheck": () => ({
    input: { userId: b.users.contract_manager, tier: "high" },
    outcome: "refused",
  }),
  "certificates.get": () => ({ input: { completionId: bIds.completion }, outcome: "refused" }),
  "engagements.list": () => ({ input: undefined, outcome: "nothing of B" }),
  "engagements.grant": () => ({
    // A's admin engages an advisor of the advisory service: it changes nothing of B.
    input: {
      advisorEmail: freeAdvisorEmail,
      scopes: ["read_portfolio"],
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    },
    outcome: "nothing of B",
    refusals: ["BAD_REQUEST"],
  }),
  "engagements.revoke": () => ({ input: { engagementId: b.engagementId }, outcome: "refused" }),
  "advisory.notes": () => ({ input: { contractId: bIds.contract }, outcome: "nothing of B" }),
  "advisory.addNote": () => ({
    input: { contractId: bIds.contract, kind: "note", title: "attack", body: "attack" },
    outcome: "refused",
  }),
  "advisory.answer": () => ({
    input: { noteId: bIds.note, body: "attack", decision: "accepted" },
    outcome: "refused",
  }),
  "advisory.followUp": () => ({ input: { noteId: bIds.note, body: "attack" }, outcome: "refused" }),
  "advisory.reviews": () => ({ input: undefined, outcome: "nothing of B" }),
  "advisory.review": () => ({ input: { reviewId: bIds.review }, outcome: "refused" }),
  "advisory.draftReview": () => ({
    input: { review: { ...attackReview, findings: [{ ...attackFinding, contractId: bIds.contract }] } },
    outcome: "refused",
  }),
  "advisory.updateReview": () => ({
    input: { reviewId: bIds.draftReview, version: 1, review: attackReview },
    outcome: "refused",
  }),
  "advisory.shareReview": () => ({ input: { reviewId: bIds.draftReview, version: 1 }, outcome: "refused" }),
  "council.get": () => ({ input: undefined, outcome: "nothing of B" }),
  "council.updateSettings": () => ({ input: { settings: { dueSoonDays: 7 } }, outcome: "nothing of B" }),
};

function contractValues(reference: string) {
  return {
    reference,
    title: `${reference} grounds maintenance`,
    category: "services",
    currency: "GBP",
    startDate: "2025-04-01",
    endDate: "2028-03-31",
    totalValueMinor: 12_000_000,
  };
}

const planValues = {
  monitoring: "Monthly KPI returns and a quarterly review meeting",
  governance: "SRO chairs the quarterly review",
  milestones: [],
  agreedOn: "2025-04-01",
};
const reportValues = { periodStart: "2025-10-01", periodEnd: "2025-12-31", receivedOn: "2026-01-08" };

function registerCsv(reference: string) {
  return `Reference,Title,Supplier Name,Start Date,End Date,Contract Value,Category\r\n${reference},Street cleansing,B Supplies Ltd,01/04/2025,31/03/2027,50000,Services\r\n`;
}

/**
 * Every procedure of the operator's rung (issue 11 §6), with an input that names council B where it takes a
 * council. The operator runs the platform, not the councils: the walk as the operator (below) checks that no
 * answer carries B's records and that nothing of B changes but its licence and the audit of that change.
 */
const operatorLicence = { plan: "essentials", seats: 5, startsOn: "2026-01-01" };
const operatorAttacks: Record<string, () => unknown> = {
  "operator.councils": () => undefined,
  "operator.auditLog": () => ({}),
  "operator.createCouncil": () => ({
    council: {
      name: "Walked Borough Council",
      slug: `walked-${newId().slice(-12)}`,
      jurisdiction: "GB-ENG",
      currency: "GBP",
      locale: "en-GB",
      adminEmail: "first.admin@example.test",
    },
    licence: operatorLicence,
  }),
  "operator.assignLicence": () => ({ tenantId: b.tenantId, version: 1, licence: operatorLicence }),
  "operator.suspend": () => ({ tenantId: b.tenantId, reason: "walk" }),
  "operator.reactivate": () => ({ tenantId: b.tenantId }),
  "organisations.registry": () => ({ search: "B Supplies" }),
  "organisations.record": () => ({ scheme: "GB-COH", identifier: "07000001", name: "Walk Registry Ltd" }),
  // Blank: refused by validation before any entry is looked up.
  "organisations.rename": () => ({ organisationId: bIds.supplier, values: { name: "" } }),
  "kpiLibrary.library": () => undefined,
  "benchmarks.settings": () => undefined,
  // A stale version: refused with CONFLICT, the setting as it was.
  "benchmarks.setK": () => ({ k: 5, version: 1_000_000 }),
  "kpiLibrary.createCategory": () => ({ slug: "walk-category", name: "Walk category" }),
  "kpiLibrary.updateCategory": () => ({
    categoryId: bIds.supplier,
    version: 1,
    values: { slug: "walk-category-2", name: "Walk category" },
  }),
  "kpiLibrary.createTemplate": () => ({
    slug: "walk-template",
    categoryId: bIds.supplier,
    name: "Walk template",
    definition: "Walked ÷ walks",
    unit: "percent",
    direction: "higher_is_better",
  }),
  "kpiLibrary.updateTemplate": () => ({
    templateId: bIds.supplier,
    version: 1,
    values: {
      slug: "walk-template",
      categoryId: bIds.supplier,
      name: "Walk template",
      definition: "Walked ÷ walks",
      unit: "percent",
      direction: "higher_is_better",
    },
  }),
  "kpiLibrary.archiveTemplate": () => ({ templateId: bIds.supplier, version: 1, archived: true }),
  // The platform's own course (not B's): the operator authors platform courses only.
  "platformCourses.list": () => undefined,
  "platformCourses.councilCounts": () => undefined,
  "platformCourses.get": () => ({ courseId: platformCourse.courseId }),
  "platformCourses.create": () => ({ ...walkCourseRules, slug: `platform-${newId().slice(-8)}` }),
  "platformCourses.saveDraft": () => ({
    courseId: platformCourse.courseId,
    version: 1,
    draft: { rules: walkCourseRules, modules: [], questions: [] },
  }),
  "platformCourses.publish": () => ({ courseId: platformCourse.courseId, version: 1 }),
  "platformCourses.startDraft": () => ({ courseId: platformCourse.courseId }),
  "platformCourses.preview": () => ({ courseId: platformCourse.courseId, lessonSlug: "one" }),
};
/** The tables an operator procedure may write in a council: its licence, and the audit of that. */
const operatorWritable = new Set(["licences", "audit_events"]);

/**
 * Public procedures that take a council id (the invitation link carries its council's): each is called naming
 * B with A's invitation token, and with a token that was never issued. Both must be refused with BAD_REQUEST,
 * say nothing of B, and change nothing in B.
 */
const publicAttacks: Record<string, (token: string) => unknown> = {
  "auth.describeInvitation": (token) => ({ tenantId: b.tenantId, token }),
  "auth.acceptInvitation": (token) => ({
    tenantId: b.tenantId,
    token,
    name: "Intruder",
    password: "a long enough password",
  }),
};

// At run time tRPC keeps every procedure in one flat record keyed by path ("contracts.list"); its type nests.
type Procedure = { _def: { meta?: ProcedureMeta; inputs?: { shape?: Record<string, unknown> }[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const tenantProcedures = procedures.filter(([, procedure]) => procedure._def.meta?.access === "tenant");
const operatorProcedures = procedures.filter(([, procedure]) => procedure._def.meta?.access === "operator");
const publicWithCouncilId = procedures.filter(
  ([, procedure]) =>
    procedure._def.meta?.access === "public" &&
    (procedure._def.inputs ?? []).some((input) => input.shape !== undefined && "tenantId" in input.shape),
);

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

const outcomeOf = (call: Promise<unknown>) =>
  call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

/**
 * Every row B holds: all rows of every table with a tenant_id (from the catalogue, so a new table is covered
 * without touching this test), B's council row, and B's members' sessions. Read under B's scope as the app
 * role; the owner sees nothing of a table with forced RLS.
 */
async function snapshotOfB(): Promise<Record<string, unknown[]>> {
  const tables = await test.owner<{ table: string }[]>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by c.relname`;
  const rows = await inTransaction(test.database, { tenantId: b.tenantId, userId: null }, async (tx) => {
    const snapshot: Record<string, unknown[]> = {};
    for (const { table } of tables) {
      snapshot[table] = [
        ...(await tx.execute(
          sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where tenant_id = ${b.tenantId} order by to_jsonb(t)::text`,
        )),
      ];
    }
    return snapshot;
  });
  const userIds = Object.values(b.users);
  const council = await test.owner`select * from tenants where id = ${b.tenantId}`;
  const sessions = await test.owner`
    select * from sessions where user_id in ${test.owner(userIds)} order by id_hash`;
  return { ...rows, tenants: [...council], sessions: [...sessions] };
}

/** Councils A and B, each with a member in every role; B with one of each of its records. */
async function walkFixture() {
  [a, b] = await Promise.all([createTenantFixture(test), createTenantFixture(test)]);
  bIds = {};
  const { caller } = await callerFor(test, { userId: b.users.admin, tenantId: b.tenantId });
  bIds.invitation = (await caller.members.invite({ email: "b.invitee@example.test", role: "viewer" })).id;
  bIds.supplier = (
    await caller.suppliers.create({ name: "B Supplies Ltd", registrationNumber: "01234567" })
  ).id;
  bIds.contract = (
    await caller.contracts.create({
      ...contractValues("B-001"),
      category: "services",
      supplierId: bIds.supplier,
      contractManagerId: b.users.contract_manager,
    })
  ).id;
  bIds.change = (
    await caller.changes.request({
      contractId: bIds.contract,
      change: {
        type: "value",
        reason: "other",
        description: "B's change",
        valueDeltaMinor: 500_000,
        termDeltaDays: 0,
      },
    })
  ).id;
  bIds.invoice = (
    await caller.invoices.create({
      contractId: bIds.contract,
      invoice: { invoiceNumber: "B-INV-1", amountMinor: 250_000, receivedOn: "2026-01-05" },
    })
  ).id;
  bIds.meeting = (
    await caller.meetings.record({
      contractId: bIds.contract,
      meeting: { type: "review", scheduledOn: "2026-01-10" },
    })
  ).id;
  bIds.action = (
    await caller.actions.add({
      contractId: bIds.contract,
      meetingId: bIds.meeting,
      action: {
        description: "B's action",
        ownerParty: "supplier",
        ownerName: "B's supplier",
        dueOn: "2026-02-01",
      },
    })
  ).id;
  bIds.risk = (
    await caller.risks.record({
      contractId: bIds.contract,
      risk: { ...attackRisk, title: "B's risk" },
    })
  ).id;
  bIds.improvementPlan = (
    await caller.improvementPlans.open({
      contractId: bIds.contract,
      trigger: "other",
      title: "B's plan",
      reason: "B's contract is failing",
    })
  ).id;
  bIds.ragEntry = (
    await caller.rag.set({
      contractId: bIds.contract,
      month: "2026-01",
      entry: { status: "red", commentary: "B's red month" },
    })
  ).id;
  bIds.kpi = (await caller.kpis.create({ contractId: bIds.contract, kpi: walkKpi })).id;
  const recorded = await caller.kpis.recordMonth({
    contractId: bIds.contract,
    periodStart: "2026-01-01",
    entries: [{ kpiId: bIds.kpi, value: 90 }],
  });
  bIds.measurement = recorded.measurements[0]?.measurementId ?? "";
  await caller.plans.save({ contractId: bIds.contract, version: null, plan: planValues });
  bIds.report = (await caller.plans.recordReport({ contractId: bIds.contract, report: reportValues })).id;
  await caller.closeOut.save({
    contractId: bIds.contract,
    version: null,
    closeOut: { checklist: [{ item: "B's exit item", done: false, note: null }], finalEvaluation: null },
  });
  bIds.lesson = (
    await caller.lessons.create({ contractId: bIds.contract, title: "B's lesson", body: "B's lesson text" })
  ).id;
  bIds.attachment = (
    await caller.attachments.upload({
      contractId: bIds.contract,
      ownerType: "management_plan",
      ownerId: bIds.contract,
      fileName: "b-plan.txt",
      contentType: "text/plain",
      contentBase64: Buffer.from("B's plan").toString("base64"),
    })
  ).id;
  // Training (issue 10): B's own course, B's requirement, an enrolment with an open attempt, and a completion.
  platformCourse = await publishTestCourse(test);
  bIds.course = (await publishTestCourse(test, { owner: b.tenantId })).courseId;
  bIds.requirement = (
    await caller.training.addRequirement({ role: "contract_manager", courseId: platformCourse.courseId })
  ).id;
  const bManager = (await callerFor(test, { userId: b.users.contract_manager, tenantId: b.tenantId })).caller;
  bIds.enrolment = (await bManager.training.enrol({ courseId: platformCourse.courseId })).enrolmentId;
  const outline = await bManager.courses.get({ courseId: platformCourse.courseId });
  for (const lesson of outline.modules.flatMap((module) => module.lessons)) {
    await bManager.training.completeLesson({ enrolmentId: bIds.enrolment, lessonId: lesson.id });
  }
  platformLesson = outline.modules[0]?.lessons[0]?.id ?? "";
  bIds.attempt = (await bManager.training.startAttempt({ enrolmentId: bIds.enrolment })).attemptId;
  const bSro = (await callerFor(test, { userId: b.users.sro, tenantId: b.tenantId })).caller;
  bIds.completion = (await passTestCourse(test, bSro, platformCourse)).completion.id;
  freeAdvisorEmail = `walk.${a.slug}@advisory.example`;
  await test.owner`insert into users (id, email, name) values (gen_random_uuid(), ${freeAdvisorEmail}, 'Walk advisor')`;
  const { caller: bAdvisor } = await callerFor(test, { userId: b.users.advisor, tenantId: b.tenantId });
  bIds.note = (
    await bAdvisor.advisory.addNote({
      contractId: bIds.contract,
      kind: "recommendation",
      title: "B's note",
      body: "B",
    })
  ).id;
  bIds.review = (
    await bAdvisor.advisory.draftReview({ review: { ...attackReview, title: "B's review" } })
  ).id;
  await bAdvisor.advisory.shareReview({ reviewId: bIds.review, version: 1 });
  bIds.draftReview = (
    await bAdvisor.advisory.draftReview({ review: { ...attackReview, title: "B's draft" } })
  ).id;
  const before = await snapshotOfB();
  // The snapshot sees B's records, so an unchanged snapshot means something.
  for (const table of [
    "memberships",
    "invitations",
    "suppliers",
    "contracts",
    "contract_changes",
    "invoices",
    "improvement_plans",
    "rag_entries",
    "kpis",
    "kpi_measurements",
    "management_plans",
    "monitoring_reports",
    "close_outs",
    "lessons",
    "attachments",
    "attachment_blobs",
    "meetings",
    "actions",
    "risks",
    "training_requirements",
    "enrolments",
    "lesson_progress",
    "quiz_attempts",
    "completions",
    "engagements",
    "advisory_notes",
    "performance_reviews",
  ]) {
    expect(before[table]?.length, `B's ${table} are in the snapshot`).toBeGreaterThan(0);
  }
  expect(before.audit_events?.length).toBeGreaterThanOrEqual(5);
  return before;
}

const markersOfB = () => [b.tenantId, b.slug, ...Object.values(b.users), ...Object.values(bIds)];

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

describe("security walk", () => {
  // Every tenant procedure as every role: about 10 s alone, more when the machine is shared.
  const walkTimeout = { timeout: 90_000 };

  it("knows every procedure's rung on the ladder", () => {
    for (const [path, procedure] of procedures) {
      expect(["public", "authed", "operator", "tenant"], path).toContain(procedure._def.meta?.access);
    }
    expect(tenantProcedures.length).toBeGreaterThan(5);
    expect(operatorProcedures.length).toBeGreaterThan(0);
  });

  it("has a cross-tenant attack for every tenant procedure and every public one that takes a council id", () => {
    const missing = tenantProcedures.map(([path]) => path).filter((path) => !(path in attacks));
    expect(missing, "add these procedures to the attack table").toEqual([]);
    expect(publicWithCouncilId.map(([path]) => path).sort(), "add these to publicAttacks").toEqual(
      Object.keys(publicAttacks).sort(),
    );
    expect(operatorProcedures.map(([path]) => path).sort(), "add these to operatorAttacks").toEqual(
      Object.keys(operatorAttacks).sort(),
    );
  });

  it("refuses the operator's rung to anyone who is not the platform operator", async () => {
    const before = await walkFixture();
    const anonymous = (await callerFor(test, { tenantId: b.tenantId })).caller;
    for (const [path] of operatorProcedures) {
      const outcome = await outcomeOf(callByPath(anonymous, path, operatorAttacks[path]?.()));
      expect(outcome.ok ? "answered" : codeOf(outcome.error), `anonymous → ${path}`).toBe("UNAUTHORIZED");
    }
    // Every role of a council, in its own council and in B's: a council's admin is not the platform's.
    for (const role of roles) {
      for (const tenantId of [a.tenantId, b.tenantId, null]) {
        const { caller } = await callerFor(test, { userId: a.users[role], tenantId });
        for (const [path] of operatorProcedures) {
          const outcome = await outcomeOf(callByPath(caller, path, operatorAttacks[path]?.()));
          expect(outcome.ok ? "answered" : codeOf(outcome.error), `${role} → ${path}`).toBe("FORBIDDEN");
        }
      }
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it(
    "gives the platform operator nothing of a council's records, on any rung (issue 11 §6)",
    walkTimeout,
    async () => {
      const before = await walkFixture();
      const operator = await createOperator(test);
      // The operator is a member of no council: every tenant procedure refuses them, naming B or no council.
      for (const tenantId of [b.tenantId, null]) {
        const { caller } = await callerFor(test, { userId: operator, tenantId });
        for (const [path] of tenantProcedures) {
          const outcome = await outcomeOf(
            callByPath(caller, path, attacks[path]?.({ role: "admin" })?.input),
          );
          expect(outcome.ok ? "answered" : codeOf(outcome.error), `operator → ${path}`).toBe(
            tenantId ? "FORBIDDEN" : "BAD_REQUEST",
          );
        }
      }
      // The operator's own procedures answer with the directory, licences and counts, never B's records: no id,
      // no contract's reference or title, no supplier, none of B's texts ("B's risk"), no member's name or
      // address (the console's reads of B count its seats and its training, and read its licence).
      const records = [
        ...Object.values(bIds),
        ...Object.values(b.users),
        "B Supplies",
        "B-001",
        "grounds maintenance",
        "B's ",
        "b.invitee@example.test",
        ` of ${b.slug}`,
        `.${b.slug}@example.test`,
      ];
      const { caller } = await callerFor(test, { userId: operator, tenantId: b.tenantId });
      for (const [path] of operatorProcedures) {
        const outcome = await outcomeOf(callByPath(caller, path, operatorAttacks[path]?.()));
        if (!outcome.ok) expect(["BAD_REQUEST", "CONFLICT"], path).toContain(codeOf(outcome.error));
        const text = JSON.stringify(outcome.ok ? (outcome.value ?? null) : (outcome.error as Error).message);
        for (const record of records)
          expect(text, `operator → ${path} leaked ${record}`).not.toContain(record);
      }
      const after = await snapshotOfB();
      for (const table of operatorWritable) {
        delete before[table];
        delete after[table];
      }
      expect(after).toEqual(before);
    },
  );

  it(
    "refuses every role of A that names council B in the header, for every tenant procedure",
    walkTimeout,
    async () => {
      const before = await walkFixture();
      let calls = 0;
      for (const role of roles) {
        const { caller } = await callerFor(test, { userId: a.users[role], tenantId: b.tenantId });
        for (const [path] of tenantProcedures) {
          const attack = attacks[path]?.({ role });
          const outcome = await outcomeOf(callByPath(caller, path, attack?.input));
          expect(outcome.ok ? "answered" : codeOf(outcome.error), `${role} → ${path}`).toBe("FORBIDDEN");
          calls += 1;
        }
      }
      expect(calls).toBe(roles.length * tenantProcedures.length);
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it(
    "gives every role of A nothing of B's when A's procedures are called with B's ids",
    walkTimeout,
    async () => {
      const before = await walkFixture();
      const markers = markersOfB();
      for (const role of roles) {
        const { caller } = await callerFor(test, { userId: a.users[role], tenantId: a.tenantId });
        for (const [path, procedure] of tenantProcedures) {
          const attack = attacks[path]?.({ role });
          if (!attack) continue;
          const permission = procedure._def.meta?.permission;
          const guarded = permission !== undefined && !can(role, permission);
          const outcome = await outcomeOf(callByPath(caller, path, attack.input));
          const label = `${role} → ${path}`;
          if (attack.outcome === "refused") {
            expect(outcome.ok, `${label} must refuse B's ids`).toBe(false);
            if (!outcome.ok) expect(["NOT_FOUND", "FORBIDDEN"], label).toContain(codeOf(outcome.error));
          } else if (outcome.ok) {
            const text = JSON.stringify(outcome.value ?? null);
            for (const marker of markers) expect(text, `${label} leaked ${marker}`).not.toContain(marker);
          } else {
            const expected: string[] = [...(guarded ? ["FORBIDDEN"] : []), ...(attack.refusals ?? [])];
            expect(expected, `${label} answered ${codeOf(outcome.error)}`).toContain(codeOf(outcome.error));
          }
        }
      }
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it("refuses the public procedures that take a council id when they name B with another council's token", async () => {
    const before = await walkFixture();
    const { caller: adminOfA } = await callerFor(test, { userId: a.users.admin, tenantId: a.tenantId });
    await adminOfA.members.invite({ email: "a.invitee@example.test", role: "viewer" });
    const mail = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
      listRecentMail(tx, { limit: 50 }),
    );
    const link = /http\S+/.exec(mail.find((message) => message.to === "a.invitee@example.test")?.body ?? "");
    const tokenOfA = new URL(link?.[0] ?? "http://invalid").searchParams.get("token") ?? "";
    expect(tokenOfA).not.toBe("");
    const markers = markersOfB();
    for (const [path] of publicWithCouncilId) {
      for (const token of [tokenOfA, "never-issued-token-0000000000000000000000"]) {
        const { caller } = await callerFor(test);
        const outcome = await outcomeOf(callByPath(caller, path, publicAttacks[path]?.(token)));
        expect(outcome.ok ? "answered" : codeOf(outcome.error), path).toBe("BAD_REQUEST");
        const text = JSON.stringify(outcome.ok ? outcome.value : (outcome.error as Error).message);
        for (const marker of markers) expect(text, `${path} leaked ${marker}`).not.toContain(marker);
        expect(text).not.toContain(`Council ${b.slug}`);
      }
    }
    expect(await snapshotOfB()).toEqual(before);
  });
});
