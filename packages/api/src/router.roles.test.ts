import { StripeBilling } from "@steward/billing";
import { FakeStripe } from "@steward/billing/testing";
import { insertCompletion, inTransaction, schema } from "@steward/db";
import {
  createOperator,
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { can, newId, type Permission, type Role, roles } from "@steward/domain";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcedureMeta } from "./init.ts";
import { appRouter } from "./root.ts";
import { answerKeyReaders, answerKeysIn, callerFor, publishTestCourse } from "./testing.ts";

/**
 * Role tests (STYLE.md; unkey's runSharedRoleTests): every tenant procedure is called as every role, each in a
 * fresh council, and the answer is checked against the permission matrix by one helper (`expectRoleAnswer`):
 * a role without the procedure's permission gets FORBIDDEN from the role guard; a role with it gets an answer.
 * So a guard that asks for the wrong permission, or a rule inside a procedure that refuses a permitted role,
 * fails here. The permission comes from the procedure's meta (set by `permittedProcedure`).
 */
let test: TestDatabase;
/** Billing's calls go to the local fake Stripe through the real SDK. */
let fakeStripe: FakeStripe;
let stripe: StripeBilling;
beforeAll(async () => {
  test = await createTestDatabase();
  roleCourse = await publishTestCourse(test);
  fakeStripe = await FakeStripe.start();
  stripe = new StripeBilling(fakeStripe.settings());
});
afterAll(async () => {
  await fakeStripe.close();
  await test.close();
});

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

/** One fresh council per call: its admin sets up what the call needs; the role under test makes the call. */
interface Harness {
  council: TenantFixture;
  role: Role;
  admin: Caller;
  /** A member other than the caller and the admin, for the member procedures to act on. */
  otherMember: string;
}

const contractValues = (reference: string) => ({
  reference,
  title: `${reference} street cleansing`,
  category: "services" as const,
  currency: "GBP",
  startDate: "2025-04-01",
  endDate: "2028-03-31",
  totalValueMinor: 12_000_000,
});
const invoiceSubscription = {
  plan: "essentials" as const,
  interval: "year" as const,
  seats: 10,
  collection: "invoice" as const,
  poNumber: "PO-2026-0041",
};
const invoice = { invoiceNumber: "INV-1", amountMinor: 100_000, receivedOn: "2026-01-05" };
const smallChange = {
  type: "value" as const,
  reason: "other" as const,
  description: "A small change the SRO, the board and an admin may decide",
  valueDeltaMinor: 100,
  termDeltaDays: 0,
};
/** Finance decides only the changes the scheme of delegation routes to finance (£25,000 to £100,000). */
const financeChange = {
  ...smallChange,
  description: "A change routed to finance",
  valueDeltaMinor: 3_000_000,
};
const meeting = { type: "review" as const, scheduledOn: "2026-01-10" };
const action = {
  description: "Send the missed-bin breakdown by round",
  ownerParty: "supplier" as const,
  ownerName: "Dana Cole",
  dueOn: "2026-02-01",
};
const risk = {
  title: "Crew shortages over winter",
  category: "delivery" as const,
  likelihood: 3,
  impact: 4,
  ownerParty: "supplier" as const,
  ownerName: "Dana Cole",
  reviewOn: "2026-03-01",
};
const improvementPlan = {
  trigger: "other" as const,
  title: "Missed collections",
  reason: "Missed bins above target for two months",
};
const kpi = {
  name: "Calls answered in 60 seconds",
  definition: "Calls answered within 60 seconds ÷ calls offered",
  unit: "percent" as const,
  direction: "higher_is_better" as const,
  target: 80,
};
const plan = {
  monitoring: "Monthly KPI returns",
  governance: "SRO chairs the quarterly review",
  milestones: [],
  agreedOn: "2025-04-01",
};
const report = { periodStart: "2025-10-01", periodEnd: "2025-12-31", receivedOn: "2026-01-08" };
const attachment = {
  ownerType: "management_plan" as const,
  fileName: "plan.txt",
  contentType: "text/plain",
  contentBase64: Buffer.from("the plan").toString("base64"),
};
const csv =
  "Reference,Title,Supplier Name,Start Date,End Date,Contract Value,Category\r\nIMP-001,Street cleansing,Clean Streets Ltd,01/04/2025,31/03/2027,50000,Services\r\n";

/** A supplier's return for `kpi` (a percentage): one month, numerator and denominator. */
const supplierReturn = `KPI,Period,Numerator,Denominator\n${kpi.name},2026-01,81,100\n`;

/** A change the member's role may decide under the default scheme of delegation. */
const changeFor = (h: Harness) => (h.role === "finance" ? financeChange : smallChange);

/** The platform's course every council sees (publishTestCourse): two lessons, six questions, three drawn. */
let roleCourse: { courseId: string; versionId: string };
async function roleCourseParts() {
  return inTransaction(test.database, { tenantId: null, userId: null }, async (tx) => ({
    lessonIds: (
      await tx
        .select({ id: schema.courseLessons.id })
        .from(schema.courseLessons)
        .where(eq(schema.courseLessons.versionId, roleCourse.versionId))
    ).map((row) => row.id),
    questionIds: (
      await tx
        .select({ id: schema.courseQuestions.id })
        .from(schema.courseQuestions)
        .where(eq(schema.courseQuestions.versionId, roleCourse.versionId))
    ).map((row) => row.id),
  }));
}
/**
 * The calling role's own enrolment on the platform course, written straight to the tables (a role without
 * training:learn could not enrol, and its call must still reach the guard): optionally with every lesson done
 * and an attempt drawn.
 */
async function enrolmentOf(h: Harness, options: { lessonsDone?: boolean; attempt?: boolean } = {}) {
  const { lessonIds, questionIds } = await roleCourseParts();
  const tenantId = h.council.tenantId;
  const userId = h.council.users[h.role];
  return inTransaction(test.database, { tenantId, userId: null }, async (tx) => {
    const [enrolment] = await tx
      .insert(schema.enrolments)
      .values({ tenantId, userId, courseId: roleCourse.courseId, versionId: roleCourse.versionId })
      .returning();
    const enrolmentId = enrolment?.id ?? "";
    if (options.lessonsDone) {
      await tx
        .insert(schema.lessonProgress)
        .values(lessonIds.map((lessonId) => ({ tenantId, enrolmentId, lessonId })));
    }
    const [attempt] = options.attempt
      ? await tx
          .insert(schema.quizAttempts)
          .values({ tenantId, enrolmentId, userId, number: 1, questionIds: questionIds.slice(0, 3) })
          .returning()
      : [];
    return { enrolmentId, lessonId: lessonIds[0] ?? "", attemptId: attempt?.id ?? "" };
  });
}
/** A course of the harness's council, published, for its admin to author. */
const councilCourse = (h: Harness) => publishTestCourse(test, { owner: h.council.tenantId });
const newCourseRules = {
  title: "Induction",
  summary: "The council's own induction.",
  validityMonths: null,
  passMarkPercent: 80,
  questionsPerAttempt: 1,
  attemptLimit: null,
  cooldownMinutes: 0,
};
const review = {
  title: "Portfolio review",
  periodStart: "2026-01-01",
  periodEnd: "2026-06-30",
  overallRating: "good" as const,
  findings: [{ area: "governance" as const, rating: "good" as const, finding: "The board meets monthly." }],
};
const advisorOf = async (h: Harness) =>
  (await callerFor(test, { userId: h.council.users.advisor, tenantId: h.council.tenantId })).caller;

const make = {
  note: async (h: Harness) =>
    (await (await advisorOf(h)).advisory.addNote({ kind: "recommendation", title: "A note", body: "Body" }))
      .id,
  review: async (h: Harness, { share }: { share: boolean }) => {
    const advisor = await advisorOf(h);
    const { id } = await advisor.advisory.draftReview({ review });
    if (share) await advisor.advisory.shareReview({ reviewId: id, version: 1 });
    return id;
  },
  supplier: async (h: Harness) => (await h.admin.suppliers.create({ name: "Clean Streets Ltd" })).id,
  // The council's SRO is the contract's, so an SRO may decide its changes (decisionCheck); its contract manager
  // is the contract's, so a manager may set its RAG (ragSetterProblem).
  contract: async (h: Harness) =>
    (
      await h.admin.contracts.create({
        ...contractValues("RT-001"),
        sroId: h.council.users.sro,
        contractManagerId: h.council.users.contract_manager,
      })
    ).id,
  change: async (h: Harness, requester: Caller = h.admin, change = smallChange) => {
    const contractId = await make.contract(h);
    return (await requester.changes.request({ contractId, change })).id;
  },
  invoice: async (h: Harness) => {
    const contractId = await make.contract(h);
    return (await h.admin.invoices.create({ contractId, invoice })).id;
  },
  kpi: async (h: Harness) => {
    const contractId = await make.contract(h);
    return { contractId, kpiId: (await h.admin.kpis.create({ contractId, kpi })).id };
  },
  measurement: async (h: Harness) => {
    const { contractId, kpiId } = await make.kpi(h);
    const entries = [{ kpiId, numerator: 70, denominator: 100 }];
    const recorded = await h.admin.kpis.recordMonth({ contractId, periodStart: "2026-01-01", entries });
    return recorded.measurements[0]?.measurementId ?? "";
  },
  meeting: async (h: Harness) => {
    const contractId = await make.contract(h);
    return (await h.admin.meetings.record({ contractId, meeting })).id;
  },
  action: async (h: Harness) => {
    const contractId = await make.contract(h);
    return (await h.admin.actions.add({ contractId, action })).id;
  },
  risk: async (h: Harness) => {
    const contractId = await make.contract(h);
    return (await h.admin.risks.record({ contractId, risk })).id;
  },
  improvementPlan: async (h: Harness) => {
    const contractId = await make.contract(h);
    return (await h.admin.improvementPlans.open({ contractId, ...improvementPlan })).id;
  },
  /** A contract with its management plan (version 1). */
  plan: async (h: Harness) => {
    const contractId = await make.contract(h);
    await h.admin.plans.save({ contractId, version: null, plan });
    return contractId;
  },
  report: async (h: Harness) => {
    const contractId = await make.contract(h);
    return (await h.admin.plans.recordReport({ contractId, report })).id;
  },
  /** A contract whose close-out (version 1) is ready to complete. */
  closeOut: async (h: Harness) => {
    const contractId = await make.contract(h);
    await h.admin.closeOut.save({
      contractId,
      version: null,
      closeOut: { checklist: [{ item: "Exit", done: true, note: null }], finalEvaluation: "Met its KPIs" },
    });
    return contractId;
  },
  attachment: async (h: Harness) => {
    const contractId = await make.plan(h);
    const file = { ...attachment, contractId, ownerId: contractId };
    return (await h.admin.attachments.upload(file)).id;
  },
};

/** A call every role with the permission may make, set up in the harness's council. */
const validCalls: Record<string, (h: Harness) => Promise<unknown>> = {
  "members.list": async () => undefined,
  "members.invitations": async () => undefined,
  "members.invite": async () => ({ email: "new.member@example.test", role: "viewer" }),
  "members.revokeInvitation": async (h) => ({
    invitationId: (await h.admin.members.invite({ email: "to.revoke@example.test", role: "viewer" })).id,
  }),
  "members.changeRole": async (h) => ({ userId: h.otherMember, role: "finance" }),
  "members.deactivate": async (h) => ({ userId: h.otherMember }),
  "members.reactivate": async (h) => {
    await h.admin.members.deactivate({ userId: h.otherMember });
    return { userId: h.otherMember };
  },
  "audit.list": async () => ({ limit: 10 }),
  "audit.verify": async () => undefined,
  "organisations.suggestions": async (h) => ({ supplierId: await make.supplier(h) }),
  "organisations.link": async (h) => {
    const linked = await h.admin.suppliers.create({
      name: "Registered Ltd",
      registrationNumber: "1234567",
      organisationScheme: "GB-COH",
    });
    const organisation = (await h.admin.suppliers.get({ supplierId: linked.id })).organisation;
    return { supplierId: await make.supplier(h), version: 1, organisationId: organisation?.id };
  },
  "organisations.unlink": async (h) => ({
    supplierId: (
      await h.admin.suppliers.create({
        name: "Registered Ltd",
        registrationNumber: "01234567",
        organisationScheme: "GB-COH",
      })
    ).id,
    version: 1,
  }),
  "kpiLibrary.list": async () => undefined,
  "benchmarks.participation": async () => undefined,
  "benchmarks.setParticipation": async () => ({ optedIn: true }),
  "benchmarks.overview": async () => undefined,
  "benchmarks.supplier": async (h) => ({ supplierId: await make.supplier(h) }),
  "suppliers.list": async () => ({}),
  "suppliers.get": async (h) => ({ supplierId: await make.supplier(h) }),
  "suppliers.create": async () => ({ name: "Fresh Supplies Ltd" }),
  "suppliers.update": async (h) => ({
    supplierId: await make.supplier(h),
    version: 1,
    values: { name: "Renamed Ltd" },
  }),
  "contracts.list": async () => ({}),
  "contracts.get": async (h) => ({ contractId: await make.contract(h) }),
  "contracts.endingSoon": async () => undefined,
  "contracts.create": async () => contractValues("RT-NEW"),
  "contracts.update": async (h) => ({
    contractId: await make.contract(h),
    version: 1,
    values: { ...contractValues("RT-001"), title: "Retitled" },
  }),
  "contracts.reviewTier": async (h) => ({ contractId: await make.contract(h), version: 1, override: null }),
  "contracts.setArchived": async (h) => ({ contractId: await make.contract(h), version: 1, archived: true }),
  "contracts.setDeviation": async (h) => ({
    contractId: await make.contract(h),
    version: 1,
    deviation: { ground: "emergency", reason: "Burst main", reportedOn: null, reportReference: null },
  }),
  "contracts.history": async (h) => ({ contractId: await make.contract(h) }),
  "contracts.compliance": async () => undefined,
  "changes.list": async (h) => ({ contractId: await make.contract(h) }),
  "changes.preview": async (h) => ({
    contractId: await make.contract(h),
    valueDeltaMinor: 100,
    termDeltaDays: 0,
  }),
  "changes.request": async (h) => ({ contractId: await make.contract(h), change: smallChange }),
  // Requested by the contract manager: the requester never decides their own change (decisionCheck).
  "changes.approve": async (h) => ({
    changeId: await make.change(h, await managerOf(h), changeFor(h)),
    version: 1,
  }),
  "changes.reject": async (h) => ({
    changeId: await make.change(h, await managerOf(h), changeFor(h)),
    version: 1,
  }),
  "changes.recordSection116Steps": async (h) => ({
    changeId: await make.change(h),
    version: 1,
    steps: { councilTabledOn: "2026-01-20", councilResolutionReference: "C45/2026" },
  }),
  // The requester may withdraw their own change: a role that may request changes requests it itself.
  "changes.withdraw": async (h) => ({
    changeId: await make.change(h, can(h.role, "changes:request") ? await callerAs(h) : h.admin),
    version: 1,
  }),
  "invoices.list": async (h) => ({ contractId: await make.contract(h) }),
  "invoices.create": async (h) => ({ contractId: await make.contract(h), invoice }),
  "invoices.setDispute": async (h) => ({
    invoiceId: await make.invoice(h),
    version: 1,
    dispute: { disputedOn: "2026-01-06", reason: "Wrong rate" },
  }),
  "invoices.update": async (h) => ({
    invoiceId: await make.invoice(h),
    version: 1,
    invoice: { ...invoice, paidOn: "2026-01-20" },
  }),
  "kpis.list": async (h) => ({ contractId: await make.contract(h) }),
  "kpis.create": async (h) => ({ contractId: await make.contract(h), kpi }),
  "kpis.update": async (h) => ({ kpiId: (await make.kpi(h)).kpiId, version: 1, kpi: { ...kpi, target: 85 } }),
  "kpis.archive": async (h) => ({ kpiId: (await make.kpi(h)).kpiId, version: 1 }),
  "kpis.setExemption": async (h) => ({
    contractId: await make.contract(h),
    version: 1,
    reason: "A one-off delivery of gritting salt",
  }),
  "kpis.recordMonth": async (h) => {
    const { contractId, kpiId } = await make.kpi(h);
    return { contractId, periodStart: "2026-01-01", entries: [{ kpiId, numerator: 81, denominator: 100 }] };
  },
  "kpis.correct": async (h) => ({
    measurementId: await make.measurement(h),
    version: 1,
    numerator: 79,
    denominator: 100,
    reason: "Recount",
  }),
  "kpis.history": async (h) => ({ measurementId: await make.measurement(h) }),
  "kpis.previewReturn": async (h) => ({ contractId: (await make.kpi(h)).contractId, csv: supplierReturn }),
  "kpis.commitReturn": async (h) => ({ contractId: (await make.kpi(h)).contractId, csv: supplierReturn }),
  "meetings.list": async (h) => ({ contractId: await make.contract(h) }),
  "meetings.record": async (h) => ({ contractId: await make.contract(h), meeting }),
  "meetings.update": async (h) => ({
    meetingId: await make.meeting(h),
    version: 1,
    meeting: { ...meeting, notes: "Agreed the recovery steps" },
  }),
  "meetings.cancel": async (h) => ({
    meetingId: await make.meeting(h),
    version: 1,
    cancellation: { reason: "The supplier's account manager is ill" },
  }),
  "actions.list": async (h) => ({ contractId: await make.contract(h) }),
  "actions.add": async (h) => ({ contractId: await make.contract(h), action }),
  "actions.update": async (h) => ({
    actionId: await make.action(h),
    version: 1,
    action: { ...action, dueOn: "2026-02-15" },
  }),
  "actions.setStatus": async (h) => ({ actionId: await make.action(h), version: 1, status: "done" }),
  "risks.list": async (h) => ({ contractId: await make.contract(h) }),
  "risks.record": async (h) => ({ contractId: await make.contract(h), risk }),
  "risks.update": async (h) => ({ riskId: await make.risk(h), version: 1, risk: { ...risk, likelihood: 2 } }),
  "risks.setStatus": async (h) => ({ riskId: await make.risk(h), version: 1, status: "closed" }),
  "improvementPlans.list": async (h) => ({ contractId: await make.contract(h) }),
  "improvementPlans.open": async (h) => ({ contractId: await make.contract(h), ...improvementPlan }),
  "improvementPlans.escalate": async (h) => ({
    improvementPlanId: await make.improvementPlan(h),
    version: 1,
    note: "Needs a decision on a rectification notice",
  }),
  "improvementPlans.close": async (h) => ({
    improvementPlanId: await make.improvementPlan(h),
    version: 1,
    closure: { outcome: "recovered" },
  }),
  "register.previewImport": async () => ({ csv }),
  "register.commitImport": async () => ({ csv }),
  "register.exportCsv": async () => ({}),
  "register.bulkEdit": async (h) => ({
    contractIds: [await make.contract(h)],
    set: { serviceArea: "Waste" },
  }),
  "board.view": async () => ({}),
  "board.myContracts": async () => undefined,
  "rag.list": async (h) => ({ contractId: await make.contract(h) }),
  "rag.suggest": async (h) => ({ contractId: await make.contract(h), month: "2026-01" }),
  "rag.set": async (h) => ({
    contractId: await make.contract(h),
    month: "2026-01",
    entry: { status: "amber", commentary: "Missed collections in the north" },
  }),
  "rag.missing": async () => ({}),
  "billing.status": async () => undefined,
  "billing.overview": async () => undefined,
  "billing.nextInvoice": async (h) => {
    await h.admin.billing.subscribe(invoiceSubscription);
    return undefined;
  },
  "billing.subscribe": async () => invoiceSubscription,
  "billing.portal": async (h) => {
    await h.admin.billing.subscribe(invoiceSubscription);
    return undefined;
  },
  "billing.changeSeats": async (h) => {
    await h.admin.billing.subscribe(invoiceSubscription);
    return { seats: 20 };
  },
  "billing.setPoNumber": async (h) => {
    await h.admin.billing.subscribe(invoiceSubscription);
    return { poNumber: "PO-2026-0042" };
  },
  "council.get": async () => undefined,
  "council.updateSettings": async () => ({ settings: { dueSoonDays: 14 } }),
  "plans.get": async (h) => ({ contractId: await make.contract(h) }),
  "plans.save": async (h) => ({ contractId: await make.contract(h), version: null, plan }),
  "plans.review": async (h) => ({ contractId: await make.plan(h), version: 1, reviewedOn: "2025-10-01" }),
  "notices.list": async (h) => ({ contractId: await make.contract(h) }),
  // PA23 s.71 and s.80 notices are a public contract's: the council says this one is.
  "notices.record": async (h) => ({
    contractId: (await h.admin.contracts.create({ ...contractValues("RT-PUB"), publicContract: true })).id,
    kind: "contract_performance",
    publishedOn: "2026-01-10",
  }),
  "plans.reports": async (h) => ({ contractId: await make.contract(h) }),
  "plans.recordReport": async (h) => ({ contractId: await make.contract(h), report }),
  "plans.assessReport": async (h) => ({
    reportId: await make.report(h),
    version: 1,
    assessment: "satisfactory",
    assessedOn: "2026-01-10",
  }),
  "closeOut.get": async (h) => ({ contractId: await make.contract(h) }),
  "closeOut.save": async (h) => ({
    contractId: await make.contract(h),
    version: null,
    closeOut: { checklist: [], finalEvaluation: null },
  }),
  "closeOut.complete": async (h) => ({ contractId: await make.closeOut(h), version: 1 }),
  "lessons.list": async () => ({ search: "bins" }),
  "lessons.create": async (h) => ({
    contractId: await make.contract(h),
    title: "Agree the data format early",
    body: "The supplier's returns came in three formats before the kickoff settled one.",
  }),
  "attachments.list": async (h) => {
    const contractId = await make.plan(h);
    return { contractId, ownerType: "management_plan", ownerId: contractId };
  },
  "attachments.upload": async (h) => {
    const contractId = await make.plan(h);
    return { ...attachment, contractId, ownerId: contractId };
  },
  "attachments.download": async (h) => ({ attachmentId: await make.attachment(h) }),
  "attachments.remove": async (h) => ({ attachmentId: await make.attachment(h) }),
  "courses.catalogue": async () => undefined,
  "courses.get": async () => ({ courseId: roleCourse.courseId }),
  "courses.authoring.list": async () => undefined,
  "courses.authoring.get": async (h) => ({ courseId: (await councilCourse(h)).courseId }),
  "courses.authoring.create": async () => ({ ...newCourseRules, slug: "induction" }),
  "courses.authoring.saveDraft": async (h) => {
    const { courseId } = await councilCourse(h);
    await h.admin.courses.authoring.startDraft({ courseId });
    const { shown } = await h.admin.courses.authoring.get({ courseId });
    return { courseId, version: shown.version, draft: shown.draft };
  },
  "courses.authoring.publish": async (h) => {
    const { courseId } = await councilCourse(h);
    await h.admin.courses.authoring.startDraft({ courseId });
    return { courseId, version: (await h.admin.courses.authoring.get({ courseId })).shown.version };
  },
  "courses.authoring.startDraft": async (h) => ({ courseId: (await councilCourse(h)).courseId }),
  "courses.authoring.preview": async (h) => ({
    courseId: (await councilCourse(h)).courseId,
    lessonSlug: "one",
  }),
  "training.enrol": async () => ({ courseId: roleCourse.courseId }),
  "training.assign": async (h) => ({
    courseId: roleCourse.courseId,
    userId: h.otherMember,
    dueOn: "2099-01-01",
  }),
  // The caller's own enrolment with a failed attempt (a council admin may reset their own attempts too).
  "training.resetAttempts": async (h) => {
    const { attemptId } = await enrolmentOf(h, { lessonsDone: true, attempt: true });
    await inTransaction(test.database, { tenantId: h.council.tenantId, userId: null }, (tx) =>
      tx
        .update(schema.quizAttempts)
        .set({ submittedAt: new Date(), answers: {}, correctCount: 0, scorePercent: 0, passed: false })
        .where(eq(schema.quizAttempts.id, attemptId)),
    );
    return { userId: h.council.users[h.role], courseId: roleCourse.courseId };
  },
  "training.lesson": async (h) => {
    const { enrolmentId, lessonId } = await enrolmentOf(h);
    return { enrolmentId, lessonId };
  },
  "training.completeLesson": async (h) => {
    const { enrolmentId, lessonId } = await enrolmentOf(h);
    return { enrolmentId, lessonId };
  },
  "training.startAttempt": async (h) => ({
    enrolmentId: (await enrolmentOf(h, { lessonsDone: true })).enrolmentId,
  }),
  "training.attempt": async (h) => ({
    attemptId: (await enrolmentOf(h, { lessonsDone: true, attempt: true })).attemptId,
  }),
  "training.submitAttempt": async (h) => ({
    attemptId: (await enrolmentOf(h, { lessonsDone: true, attempt: true })).attemptId,
    answers: [],
  }),
  "training.mine": async () => undefined,
  "training.requirements": async () => undefined,
  "training.addRequirement": async () => ({ role: "sro", courseId: roleCourse.courseId }),
  "training.removeRequirement": async (h) => ({
    requirementId: (await h.admin.training.addRequirement({ role: "sro", courseId: roleCourse.courseId })).id,
  }),
  "training.matrix": async () => ({}),
  "training.matrixCsv": async () => ({}),
  "training.managerCheck": async (h) => ({ userId: h.council.users.contract_manager, tier: "high" }),
  "certificates.get": async (h) => {
    const { enrolmentId } = await enrolmentOf(h, { lessonsDone: true });
    const completion = await inTransaction(
      test.database,
      { tenantId: h.council.tenantId, userId: null },
      (tx) =>
        insertCompletion(tx, {
          tenantId: h.council.tenantId,
          userId: h.council.users[h.role],
          courseId: roleCourse.courseId,
          versionId: roleCourse.versionId,
          enrolmentId,
          holderName: "Role tester",
          completedOn: "2026-01-05",
          expiresOn: "2028-01-05",
          verificationCode: `ROLE-${newId().slice(-4).toUpperCase()}-${newId().slice(-4).toUpperCase()}-0000`,
        }),
    );
    return { completionId: completion.id };
  },
  "engagements.list": async () => undefined,
  "engagements.grant": async (h) => {
    const email = `engaged.${h.council.slug}@advisory.example`;
    await test.owner`insert into users (id, email, name) values (gen_random_uuid(), ${email}, 'Engaged advisor')`;
    return { advisorEmail: email, scopes: ["read_portfolio"], startsOn: "2026-01-01", endsOn: "2026-12-31" };
  },
  "engagements.revoke": async (h) => ({ engagementId: h.council.engagementId }),
  "advisory.notes": async () => ({}),
  "advisory.addNote": async () => ({ kind: "note", title: "A note", body: "What the advisor noticed." }),
  "advisory.answer": async (h) => ({ noteId: await make.note(h), body: "The council's answer." }),
  "advisory.followUp": async (h) => ({ noteId: await make.note(h), body: "The advisor's reply." }),
  "advisory.reviews": async () => undefined,
  "advisory.review": async (h) => ({ reviewId: await make.review(h, { share: true }) }),
  "advisory.draftReview": async () => ({ review }),
  "advisory.updateReview": async (h) => ({
    reviewId: await make.review(h, { share: false }),
    version: 1,
    review,
  }),
  "advisory.shareReview": async (h) => ({ reviewId: await make.review(h, { share: false }), version: 1 }),
};

/**
 * The permission each procedure's guard must ask for, written out (DESIGN §3). A procedure built on another
 * permission than the one here fails, and so does one whose answers disagree with the matrix for it.
 */
const expectedPermissions: Record<string, Permission> = {
  "engagements.list": "users:manage",
  "engagements.grant": "users:manage",
  "engagements.revoke": "users:manage",
  "advisory.notes": "advisory:read",
  "advisory.addNote": "advisory:write",
  "advisory.answer": "advisory:respond",
  "advisory.followUp": "advisory:write",
  "advisory.reviews": "advisory:read",
  "advisory.review": "advisory:read",
  "advisory.draftReview": "advisory:review",
  "advisory.updateReview": "advisory:review",
  "advisory.shareReview": "advisory:review",
  "members.list": "contracts:read",
  "members.invitations": "users:manage",
  "members.invite": "users:manage",
  "members.revokeInvitation": "users:manage",
  "members.changeRole": "users:manage",
  "members.deactivate": "users:manage",
  "members.reactivate": "users:manage",
  "audit.list": "audit:read",
  "audit.verify": "audit:verify",
  "organisations.suggestions": "contracts:read",
  "organisations.link": "suppliers:write",
  "organisations.unlink": "suppliers:write",
  "kpiLibrary.list": "contracts:read",
  "benchmarks.participation": "contracts:read",
  "benchmarks.setParticipation": "settings:manage",
  "benchmarks.overview": "contracts:read",
  "benchmarks.supplier": "contracts:read",
  "suppliers.list": "contracts:read",
  "suppliers.get": "contracts:read",
  "suppliers.create": "suppliers:write",
  "suppliers.update": "suppliers:write",
  "contracts.list": "contracts:read",
  "contracts.get": "contracts:read",
  "contracts.endingSoon": "contracts:read",
  "contracts.create": "contracts:write",
  "contracts.update": "contracts:write",
  "contracts.reviewTier": "contracts:write",
  "contracts.setArchived": "contracts:archive",
  "contracts.setDeviation": "contracts:write",
  "contracts.history": "contracts:read",
  "contracts.compliance": "contracts:read",
  "changes.list": "contracts:read",
  "changes.preview": "contracts:read",
  "changes.request": "changes:request",
  "changes.approve": "changes:approve",
  "changes.reject": "changes:approve",
  "changes.withdraw": "changes:request",
  "changes.recordSection116Steps": "changes:request",
  "invoices.list": "contracts:read",
  "invoices.create": "invoices:write",
  "invoices.update": "invoices:write",
  "invoices.setDispute": "invoices:write",
  "kpis.list": "contracts:read",
  "kpis.create": "performance:write",
  "kpis.update": "performance:write",
  "kpis.archive": "performance:write",
  "kpis.setExemption": "performance:write",
  "kpis.recordMonth": "performance:write",
  "kpis.correct": "performance:write",
  "kpis.history": "contracts:read",
  "kpis.previewReturn": "performance:write",
  "kpis.commitReturn": "performance:write",
  "meetings.list": "contracts:read",
  "meetings.record": "performance:write",
  "meetings.update": "performance:write",
  "meetings.cancel": "performance:write",
  "actions.list": "contracts:read",
  "actions.add": "performance:write",
  "actions.update": "performance:write",
  "actions.setStatus": "performance:write",
  "risks.list": "contracts:read",
  "risks.record": "performance:write",
  "risks.update": "performance:write",
  "risks.setStatus": "performance:write",
  "improvementPlans.list": "contracts:read",
  "improvementPlans.open": "performance:write",
  "improvementPlans.escalate": "performance:write",
  "improvementPlans.close": "performance:write",
  "plans.get": "contracts:read",
  "plans.save": "performance:write",
  "plans.review": "performance:write",
  "notices.list": "contracts:read",
  "notices.record": "contracts:write",
  "plans.reports": "contracts:read",
  "plans.recordReport": "performance:write",
  "plans.assessReport": "performance:write",
  "closeOut.get": "contracts:read",
  "closeOut.save": "performance:write",
  "closeOut.complete": "performance:write",
  "lessons.list": "contracts:read",
  "lessons.create": "performance:write",
  "attachments.list": "contracts:read",
  "attachments.upload": "performance:write",
  "attachments.download": "contracts:read",
  "attachments.remove": "performance:write",
  "register.previewImport": "register:import",
  "register.commitImport": "register:import",
  "register.exportCsv": "contracts:read",
  "register.bulkEdit": "contracts:write",
  "board.view": "contracts:read",
  "board.myContracts": "contracts:read",
  "rag.list": "contracts:read",
  "rag.suggest": "contracts:read",
  "rag.set": "performance:write",
  "rag.missing": "contracts:read",
  "billing.status": "contracts:read",
  "billing.overview": "billing:manage",
  "billing.nextInvoice": "billing:manage",
  "billing.subscribe": "billing:manage",
  "billing.portal": "billing:manage",
  "billing.changeSeats": "billing:manage",
  "billing.setPoNumber": "billing:manage",
  "council.get": "contracts:read",
  "council.updateSettings": "settings:manage",
  "courses.catalogue": "training:learn",
  "courses.get": "training:learn",
  "courses.authoring.list": "training:manage",
  "courses.authoring.get": "training:manage",
  "courses.authoring.create": "training:manage",
  "courses.authoring.saveDraft": "training:manage",
  "courses.authoring.publish": "training:manage",
  "courses.authoring.startDraft": "training:manage",
  "courses.authoring.preview": "training:manage",
  "training.enrol": "training:learn",
  "training.assign": "training:assign",
  "training.resetAttempts": "training:manage",
  "training.lesson": "training:learn",
  "training.completeLesson": "training:learn",
  "training.startAttempt": "training:learn",
  "training.attempt": "training:learn",
  "training.submitAttempt": "training:learn",
  "training.mine": "training:learn",
  "training.requirements": "training:report",
  "training.addRequirement": "training:manage",
  "training.removeRequirement": "training:manage",
  "training.matrix": "training:report",
  "training.matrixCsv": "training:report",
  "training.managerCheck": "contracts:read",
  "certificates.get": "training:learn",
};

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const allProcedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const tenantProcedures = allProcedures.filter(([, procedure]) => procedure._def.meta?.access === "tenant");
const operatorProcedures = allProcedures.filter(
  ([, procedure]) => procedure._def.meta?.access === "operator",
);
const operatorMutations = operatorProcedures.filter(([, procedure]) => procedure._def.type === "mutation");

/** A platform course with a draft of version 2 open, started by an operator of its own. */
async function platformDraft() {
  const course = await publishTestCourse(test);
  const operator = (await callerFor(test, { userId: await createOperator(test) })).caller;
  await operator.platformCourses.startDraft({ courseId: course.courseId });
  const { shown } = await operator.platformCourses.get({ courseId: course.courseId });
  return { courseId: course.courseId, version: shown.version, draft: shown.draft };
}

const operatorLicence = { plan: "professional", seats: 20, startsOn: "2026-01-01" };
/** A valid call of each procedure of the platform operator's rung, set up in a fresh council. */
const operatorCalls: Record<string, (council: TenantFixture) => Promise<unknown>> = {
  "operator.councils": async () => undefined,
  "operator.auditLog": async () => ({ page: 1, pageSize: 10 }),
  "operator.createCouncil": async (council) => ({
    council: {
      name: `New council of ${council.slug}`,
      slug: `new-${council.slug}`,
      jurisdiction: "ZA",
      currency: "ZAR",
      locale: "en-ZA",
      adminEmail: `first.admin.${council.slug}@example.test`,
    },
    licence: operatorLicence,
  }),
  "operator.assignLicence": async (council) => ({
    tenantId: council.tenantId,
    version: 1,
    licence: operatorLicence,
  }),
  "operator.suspend": async (council) => ({ tenantId: council.tenantId, reason: "Unpaid since March" }),
  "operator.reactivate": async (council) => ({ tenantId: council.tenantId }),
  "organisations.registry": async () => ({}),
  "organisations.record": async () => ({
    scheme: "GB-COH",
    identifier: uniqueNumber(),
    name: "Recorded Ltd",
  }),
  "organisations.rename": async () => {
    const { id } = await (await asOperator()).organisations.record({
      scheme: "GB-COH",
      identifier: uniqueNumber(),
      name: "Recorded Ltd",
    });
    return { organisationId: id, values: { name: "Recorded Services Ltd", aliases: ["Recorded"] } };
  },
  "kpiLibrary.library": async () => undefined,
  "benchmarks.settings": async () => undefined,
  "benchmarks.setK": async () => {
    const { version } = await (await asOperator()).benchmarks.settings();
    return { k: 5, version };
  },
  "kpiLibrary.createCategory": async () => ({ slug: `category-${uniqueNumber()}`, name: "Facilities" }),
  "kpiLibrary.updateCategory": async () => ({
    categoryId: await libraryCategory(),
    version: 1,
    values: { slug: `category-${uniqueNumber()}`, name: "Facilities management" },
  }),
  "kpiLibrary.createTemplate": async () => libraryTemplate(await libraryCategory()),
  "kpiLibrary.updateTemplate": async () => {
    const categoryId = await libraryCategory();
    const { id } = await (await asOperator()).kpiLibrary.createTemplate(libraryTemplate(categoryId));
    return {
      templateId: id,
      version: 1,
      values: { ...libraryTemplate(categoryId), name: "Helpdesk calls answered" },
    };
  },
  "kpiLibrary.archiveTemplate": async () => {
    const { id } = await (await asOperator()).kpiLibrary.createTemplate(
      libraryTemplate(await libraryCategory()),
    );
    return { templateId: id, version: 1, archived: true };
  },
  "platformCourses.list": async () => undefined,
  "platformCourses.councilCounts": async () => undefined,
  "platformCourses.get": async () => ({ courseId: (await publishTestCourse(test)).courseId }),
  "platformCourses.create": async () => ({ ...newCourseRules, slug: `platform-${newId().slice(-8)}` }),
  "platformCourses.saveDraft": async () => platformDraft(),
  "platformCourses.publish": async () => {
    const { courseId, version } = await platformDraft();
    return { courseId, version };
  },
  "platformCourses.startDraft": async () => ({ courseId: (await publishTestCourse(test)).courseId }),
  "platformCourses.preview": async () => ({
    courseId: (await publishTestCourse(test)).courseId,
    lessonSlug: "one",
  }),
};

let numbers = 0;
/** A Companies House number no other call of this file uses. */
const uniqueNumber = () => {
  numbers += 1;
  return String(7_100_000 + numbers).padStart(8, "0");
};
const asOperator = async () => (await callerFor(test, { userId: await createOperator(test) })).caller;
const libraryCategory = async () =>
  (
    await (
      await asOperator()
    ).kpiLibrary.createCategory({ slug: `category-${uniqueNumber()}`, name: "Facilities" })
  ).id;
const libraryTemplate = (categoryId: string) => ({
  slug: `template-${uniqueNumber()}`,
  categoryId,
  name: "Helpdesk calls answered",
  definition: "Calls answered ÷ calls offered",
  unit: "percent" as const,
  direction: "higher_is_better" as const,
});

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

const managerOf = async (h: Harness) =>
  (await callerFor(test, { userId: h.council.users.contract_manager, tenantId: h.council.tenantId, stripe }))
    .caller;

const callerAs = async (h: Harness) =>
  (await callerFor(test, { userId: h.council.users[h.role], tenantId: h.council.tenantId, stripe })).caller;

/** Procedures of a jurisdiction's rule pack, called in a council of that jurisdiction. */
const jurisdictionOf: Record<string, "ZA"> = {
  "contracts.setDeviation": "ZA",
  "changes.recordSection116Steps": "ZA",
};

async function freshHarness(role: Role, path: string): Promise<Harness> {
  const council = await createTenantFixture(test, { jurisdiction: jurisdictionOf[path] ?? "GB-ENG" });
  const { caller: admin } = await callerFor(test, {
    userId: council.users.admin,
    tenantId: council.tenantId,
    stripe,
  });
  // A member other than the caller (an advisor is engaged, not a member, so never this one).
  const otherMember = role === "viewer" ? council.users.board : council.users.viewer;
  return { council, role, admin, otherMember };
}

/** The one shared check: FORBIDDEN from the guard exactly when the matrix says no. */
async function expectRoleAnswer(path: string, permission: Permission, role: Role) {
  const harness = await freshHarness(role, path);
  const input = await validCalls[path]?.(harness);
  const caller = await callerAs(harness);
  const answer = await callByPath(caller, path, input).then(
    (value) => {
      // The answer-key walk (issue 10 §2): no answer but an author's own draft holds a course's answer key.
      if (!answerKeyReaders.includes(path)) expect(answerKeysIn(value), `${role} → ${path}`).toEqual([]);
      return "answered";
    },
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error)),
  );
  const allowed = can(role, permission);
  expect(answer, `${role} → ${path} (${permission}: ${allowed ? "allowed" : "not allowed"})`).toBe(
    allowed ? "answered" : "FORBIDDEN: Your role in this council does not allow that.",
  );
}

describe("the answer-key walk (issue 10 §2)", () => {
  it("finds the keys where they are, and only authors' drafts may hold them", async () => {
    const harness = await freshHarness("admin", "courses.authoring.get");
    const { courseId } = await councilCourse(harness);
    const draft = await harness.admin.courses.authoring.get({ courseId });
    expect(answerKeysIn(draft).length).toBeGreaterThan(0);
    // A learner's attempt carries the questions and their options, and no key.
    const learner = { ...harness, role: "contract_manager" as const };
    const { enrolmentId } = await enrolmentOf(learner, { lessonsDone: true });
    const attempt = await (await callerAs(learner)).training.startAttempt({ enrolmentId });
    expect(attempt.questions[0]?.options.length).toBeGreaterThan(1);
    expect(answerKeysIn(attempt)).toEqual([]);
    expect(answerKeyReaders.every((path) => path in validCalls || path in operatorCalls)).toBe(true);
  });
});

describe("role tests", () => {
  it("knows the permission of every tenant procedure and how to call it", () => {
    const withoutPermission = tenantProcedures
      .filter(([, procedure]) => procedure._def.meta?.permission === undefined)
      .map(([path]) => path);
    expect(withoutPermission, "build these on permittedProcedure(permission)").toEqual([]);
    const missing = tenantProcedures.map(([path]) => path).filter((path) => !(path in validCalls));
    expect(missing, "add a valid call for these procedures to validCalls in router.roles.test.ts").toEqual(
      [],
    );
    const permissionsInMeta = Object.fromEntries(
      tenantProcedures.map(([path, procedure]) => [path, procedure._def.meta?.permission]),
    );
    expect(
      permissionsInMeta,
      "each procedure asks for the permission written in expectedPermissions",
    ).toEqual(expectedPermissions);
  });

  it("knows how to call every procedure of the operator's rung", () => {
    const missing = operatorProcedures.map(([path]) => path).filter((path) => !(path in operatorCalls));
    expect(missing, "add a valid call for these procedures to operatorCalls").toEqual([]);
  });

  describe.concurrent.each(operatorProcedures.map(([path]) => ({ path })))("$path", ({ path }) => {
    it("answers the platform operator and refuses every council role and anyone signed out", async () => {
      const council = await createTenantFixture(test);
      const operator = (await callerFor(test, { userId: await createOperator(test) })).caller;
      const answer = await callByPath(operator, path, await operatorCalls[path]?.(council));
      if (!answerKeyReaders.includes(path)) expect(answerKeysIn(answer), `operator → ${path}`).toEqual([]);
      for (const role of roles) {
        const { caller } = await callerFor(test, { userId: council.users[role], tenantId: council.tenantId });
        const answer = await callByPath(caller, path, await operatorCalls[path]?.(council)).then(
          () => "answered",
          (error: unknown) =>
            error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error),
        );
        expect(answer, `${role} → ${path}`).toBe("FORBIDDEN: Only the platform operator can do that.");
      }
      const signedOut = (await callerFor(test)).caller;
      const refused = await callByPath(signedOut, path, await operatorCalls[path]?.(council)).catch(
        (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
      );
      expect(refused).toBe("UNAUTHORIZED");
    });
  });

  /**
   * Every operator mutation writes its audit event in the request's transaction (DESIGN §3.8): a change to one
   * council in that council's log, a change that belongs to no council in the platform's (issue 11 §6). Found by
   * the request's id, so the concurrent calls of this file do not count.
   */
  describe.concurrent.each(operatorMutations.map(([path]) => ({ path })))("$path", ({ path }) => {
    it("writes an audit event, in the council's log or else in the platform's", async () => {
      const council = await createTenantFixture(test);
      const { caller, context } = await callerFor(test, { userId: await createOperator(test) });
      const answer = await callByPath(caller, path, await operatorCalls[path]?.(council));
      const tenantId =
        path === "operator.createCouncil" ? (answer as { tenantId: string }).tenantId : council.tenantId;
      const { auditEvents, platformAuditEvents } = schema;
      const inCouncil = await inTransaction(test.database, { tenantId, userId: null }, (tx) =>
        tx.select().from(auditEvents).where(eq(auditEvents.requestId, context.requestId)),
      );
      const inPlatform = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
        tx.select().from(platformAuditEvents).where(eq(platformAuditEvents.requestId, context.requestId)),
      );
      expect(inCouncil.length + inPlatform.length, `${path} wrote no audit event`).toBeGreaterThan(0);
      expect(inCouncil.length === 0 || inPlatform.length === 0, `${path} wrote to both logs`).toBe(true);
    });
  });

  describe.concurrent.each(tenantProcedures.map(([path, procedure]) => ({ path, procedure })))(
    "$path",
    ({ path, procedure }) => {
      it.each(roles)("answers %s as the permission matrix says", async (role) => {
        const permission = expectedPermissions[path];
        if (!permission) throw new Error(`${path} has no entry in expectedPermissions`);
        expect(procedure._def.meta?.permission, path).toBe(permission);
        await expectRoleAnswer(path, permission, role);
      });
    },
  );
});
