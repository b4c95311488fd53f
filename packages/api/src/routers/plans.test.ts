import { inTransaction, listAuditEvents, schema } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addMonths, newId } from "@steward/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { today } from "../contract-facts.ts";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
beforeEach(async () => {
  council = await createTenantFixture(test);
});

async function as(role: keyof TenantFixture["users"], fixture = council) {
  return (await callerFor(test, { userId: fixture.users[role], tenantId: fixture.tenantId })).caller;
}

/** A High tier contract (£60,000 a year: 004 §4) that started in 2024. */
async function highTierContract(reference = "PLAN-1", fixture = council) {
  const caller = await as("contract_manager", fixture);
  const { id } = await caller.contracts.create({
    reference,
    title: `${reference} waste collection`,
    category: "services",
    currency: "GBP",
    startDate: "2024-01-01",
    endDate: "2029-03-31",
    annualValueMinor: 6_000_000,
    contractManagerId: fixture.users.contract_manager,
    sroId: fixture.users.sro,
  });
  return id;
}

const plan = {
  monitoring: "Monthly KPI returns from the supplier; quarterly review meetings",
  governance: "The SRO chairs the quarterly review; Amber/Red goes to the Contract Assurance Board",
  milestones: [{ title: "Mobilisation complete", dueOn: "2024-03-31", doneOn: "2024-03-28" }],
  paymentSchedule: "Monthly in arrears against the supplier's return",
  escalation: "Contract manager → SRO → Assurance Board",
  exitPlan: "Six months' notice; vehicles return to the council",
  agreedOn: "2024-01-15",
};

const obligation = async (contractId: string, key: string) =>
  (await (await as("viewer")).contracts.get({ contractId })).obligations.find((each) => each.key === key);

describe("the contract management plan (004 §5–6)", () => {
  it("is owed by a High tier contract, written, edited at its version, reviewed, and audited", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    expect((await obligation(contractId, "management_plan"))?.status).toBe("overdue");
    expect((await obligation(contractId, "management_plan_review"))?.status).toBe("not_applicable");

    const empty = await manager.plans.get({ contractId });
    expect(empty).toMatchObject({
      tier: "high",
      planRequired: true,
      monitoringReportsRequired: true,
      plan: null,
    });

    expect((await manager.plans.save({ contractId, version: null, plan })).version).toBe(1);
    const written = await manager.plans.get({ contractId });
    // 004 §5: High tier plans are reviewed at least every six months, from the day they were agreed.
    expect(written.plan).toMatchObject({ ...plan, version: 1, nextReviewOn: "2024-07-15" });
    expect((await obligation(contractId, "management_plan"))?.status).toBe("met");
    expect((await obligation(contractId, "management_plan_review"))?.status).toBe("overdue");

    // A second first plan, or an edit from a stale read, is a conflict; nothing is written.
    expect((await refusal(manager.plans.save({ contractId, version: null, plan }))).code).toBe("CONFLICT");
    const edited = { ...plan, escalation: "Contract manager → SRO → Assurance Board → Cabinet member" };
    expect((await manager.plans.save({ contractId, version: 1, plan: edited })).version).toBe(2);
    expect((await refusal(manager.plans.save({ contractId, version: 1, plan }))).code).toBe("CONFLICT");

    const reviewedOn = addMonths(today(), -1);
    const review = await manager.plans.review({ contractId, version: 2, reviewedOn, note: "KPIs re-based" });
    expect(review).toEqual({ version: 3, nextReviewOn: addMonths(reviewedOn, 6) });
    const reviewed = await manager.plans.get({ contractId });
    expect(reviewed.reviews.map((each) => [each.reviewedOn, each.note, each.reviewerName])).toEqual([
      [reviewedOn, "KPIs re-based", expect.any(String)],
    ]);
    expect((await obligation(contractId, "management_plan_review"))?.status).toBe("met");

    const events = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      listAuditEvents(tx, { tenantId: council.tenantId, limit: 20 }),
    );
    const mine = events.filter((event) => event.action.startsWith("plan."));
    expect(mine.map((event) => event.action).sort()).toEqual([
      "plan.created",
      "plan.reviewed",
      "plan.updated",
    ]);
    expect(mine.find((event) => event.action === "plan.updated")).toMatchObject({
      entityType: "contract",
      entityId: contractId,
      before: { escalation: plan.escalation },
      after: { escalation: edited.escalation },
    });
  });

  it("refuses a review in the future or before the plan was agreed, with a field message", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    await manager.plans.save({ contractId, version: null, plan });
    for (const reviewedOn of [addMonths(today(), 1), "2024-01-14"]) {
      const refused = await refusal(manager.plans.review({ contractId, version: 1, reviewedOn }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.fieldErrors.reviewedOn).toBeTruthy();
    }
    expect((await manager.plans.get({ contractId })).reviews).toEqual([]);
  });

  it("does not let a viewer write a plan", async () => {
    const contractId = await highTierContract();
    expect((await refusal((await as("viewer")).plans.save({ contractId, version: null, plan }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("supplier monitoring reports (004 §5, High tier)", () => {
  it("are received, then assessed; a concern needs a note; receiving one meets the duty", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    expect((await obligation(contractId, "supplier_monitoring_report"))?.status).toBe("overdue");
    const receivedOn = today();
    const { id } = await manager.plans.recordReport({
      contractId,
      report: {
        periodStart: addMonths(receivedOn, -3),
        periodEnd: receivedOn,
        receivedOn,
        summary: "Missed bins down; 4 apprentices (social value)",
      },
    });
    expect((await obligation(contractId, "supplier_monitoring_report"))?.status).toBe("met");

    const concern = await refusal(
      manager.plans.assessReport({
        reportId: id,
        version: 1,
        assessment: "concerns",
        assessedOn: receivedOn,
      }),
    );
    expect(concern.fieldErrors.assessmentNote).toContain("concerns");
    await manager.plans.assessReport({
      reportId: id,
      version: 1,
      assessment: "concerns",
      assessmentNote: "Region North still behind",
      assessedOn: receivedOn,
    });
    const [report] = await manager.plans.reports({ contractId });
    expect(report).toMatchObject({
      assessment: "concerns",
      assessmentNote: "Region North still behind",
      version: 2,
    });
    expect(report?.assessorName).toBeTruthy();
    expect(
      (
        await refusal(
          manager.plans.assessReport({
            reportId: id,
            version: 1,
            assessment: "satisfactory",
            assessedOn: receivedOn,
          }),
        )
      ).code,
    ).toBe("CONFLICT");
  });

  it("refuses a report received in the future", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    const future = addMonths(today(), 1);
    const refused = await refusal(
      manager.plans.recordReport({
        contractId,
        report: { periodStart: today(), periodEnd: future, receivedOn: future },
      }),
    );
    expect(refused.fieldErrors["report.receivedOn"]).toContain("once it has been received");
  });
});

describe("close-out (004 §6, 001 §8)", () => {
  it("suggests 004's checklist, evaluates the KPIs, completes only when done, then closes the contract", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => {
      const kpiId = newId();
      await tx.insert(schema.kpis).values({
        tenantId: council.tenantId,
        id: kpiId,
        contractId,
        name: "Missed bins per 100,000 collections",
        definition: "Missed collections reported ÷ scheduled collections × 100,000",
        unit: "per_100000",
        direction: "lower_is_better",
        target: 50,
        numeratorLabel: "missed",
        denominatorLabel: "scheduled",
      });
      await tx.insert(schema.kpiMeasurements).values(
        (["good", "good", "good", "inadequate"] as const).map((rating, index) => ({
          tenantId: council.tenantId,
          contractId,
          kpiId,
          periodStart: `2025-0${index + 1}-01`,
          value: rating === "good" ? 40 : 90,
          numerator: rating === "good" ? 40 : 90,
          denominator: 100_000,
          rating,
          ratingReason: "set by the test",
          enteredBy: council.users.contract_manager,
        })),
      );
    });

    const start = await manager.closeOut.get({ contractId });
    expect(start.closeOut).toBeNull();
    expect(start.suggestedChecklist.map((entry) => entry.item)).toContain(
      "Contract Termination Notice published",
    );
    expect(start.evaluation).toMatchObject({ measured: 1, endedGood: 0, percentGood: 75 });
    expect(start.evaluation.kpis[0]).toMatchObject({
      periods: 4,
      latestRating: "inadequate",
      latestPeriod: "2025-04-01",
    });

    const checklist = start.suggestedChecklist.slice(0, 2);
    await manager.closeOut.save({
      contractId,
      version: null,
      closeOut: { checklist, finalEvaluation: null },
    });
    const early = await refusal(manager.closeOut.complete({ contractId, version: 1 }));
    expect(early.code).toBe("BAD_REQUEST");
    expect(Object.keys(early.fieldErrors).sort()).toEqual([
      "checklist.0.done",
      "checklist.1.done",
      "finalEvaluation",
    ]);
    expect((await manager.contracts.get({ contractId })).contract.lifecycleStage).toBe("delivery");

    const ticked = checklist.map((entry) => ({ ...entry, done: true }));
    await manager.closeOut.save({
      contractId,
      version: 1,
      closeOut: { checklist: ticked, finalEvaluation: "Missed bins on target for three quarters in four." },
    });
    const contractBefore = (await manager.contracts.get({ contractId })).contract;
    expect(await manager.closeOut.complete({ contractId, version: 2 })).toEqual({ version: 3 });
    const closed = await manager.contracts.get({ contractId });
    expect(closed.contract.lifecycleStage).toBe("closed");
    // The contract moved on a version: an edit made from the page read before is a conflict.
    expect(closed.contract.version).toBe(contractBefore.version + 1);
    expect(closed.obligations.find((each) => each.key === "close_out")?.status).toBe("met");
    expect((await manager.closeOut.get({ contractId })).closeOut).toMatchObject({
      completedOn: today(),
      completedBy: council.users.contract_manager,
    });

    // A completed close-out is kept as it was.
    const again = await refusal(
      manager.closeOut.save({ contractId, version: 3, closeOut: { checklist: [], finalEvaluation: null } }),
    );
    expect(again.code).toBe("BAD_REQUEST");
    expect((await refusal(manager.closeOut.complete({ contractId, version: 3 }))).code).toBe("BAD_REQUEST");
    const events = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      listAuditEvents(tx, { tenantId: council.tenantId, limit: 20 }),
    );
    expect(events.find((event) => event.action === "close_out.completed")).toMatchObject({
      entityId: contractId,
      before: { lifecycleStage: "delivery" },
      after: { lifecycleStage: "closed", completedOn: today() },
    });
  });
});

describe("the close_out obligation's source", () => {
  it("says how far a close-out under way has got, until completing it meets the duty", async () => {
    const manager = await as("contract_manager");
    const { id: contractId } = await manager.contracts.create({
      reference: "ENDED-1",
      title: "Office cleaning",
      category: "services",
      currency: "GBP",
      startDate: "2024-01-01",
      endDate: addMonths(today(), -1),
      annualValueMinor: 400_000,
    });
    const checklist = [
      { item: "Exit arrangements", done: true, note: null },
      { item: "Final invoice paid", done: false, note: null },
    ];
    await manager.closeOut.save({
      contractId,
      version: null,
      closeOut: { checklist, finalEvaluation: null },
    });
    expect(await obligation(contractId, "close_out")).toMatchObject({
      status: "overdue",
      detail: expect.stringMatching(
        /^Close-out started: 1 of 2 checklist items done, final evaluation to write\./,
      ),
    });
    await manager.closeOut.save({
      contractId,
      version: 1,
      closeOut: {
        checklist: checklist.map((entry) => ({ ...entry, done: true })),
        finalEvaluation: "Clean and on time.",
      },
    });
    await manager.closeOut.complete({ contractId, version: 2 });
    expect((await obligation(contractId, "close_out"))?.status).toBe("met");
  });
});

describe("lessons learned", () => {
  it("are searchable across the council, by title or text, and never show another council's", async () => {
    const manager = await as("contract_manager");
    const first = await highTierContract("LL-1");
    const second = await highTierContract("LL-2");
    await manager.lessons.create({
      contractId: first,
      title: "Agree the data format at kickoff",
      body: "Returns came in three formats before we fixed one; 100% of the template's fields then arrived.",
    });
    await manager.lessons.create({
      contractId: second,
      title: "Disaggregate by region",
      body: "The total hid a failing north depot.",
    });
    const other = await createTenantFixture(test);
    const otherContract = await highTierContract("LL-9", other);
    await (await as("contract_manager", other)).lessons.create({
      contractId: otherContract,
      title: "Another council's kickoff lesson",
      body: "Not to be seen in the first council",
    });

    const viewer = await as("viewer");
    expect(
      (await viewer.lessons.list({ search: "KICKOFF" })).map((lesson) => lesson.contractReference),
    ).toEqual(["LL-1"]);
    expect((await viewer.lessons.list({ search: "north depot" })).map((lesson) => lesson.title)).toEqual([
      "Disaggregate by region",
    ]);
    // Taken literally: % is not a wildcard.
    expect((await viewer.lessons.list({ search: "100%" })).length).toBe(1);
    expect((await viewer.lessons.list({ search: "0% of" })).length).toBe(1);
    expect((await viewer.lessons.list({})).length).toBe(2);
    expect((await viewer.lessons.list({ contractId: second })).map((lesson) => lesson.contractId)).toEqual([
      second,
    ]);
    expect((await refusal(viewer.lessons.list({ contractId: otherContract }))).code).toBe("NOT_FOUND");
  });
});

describe("attachments (issue 8 §10)", () => {
  const file = (contractId: string, text = "Minutes of the March review") => ({
    contractId,
    ownerType: "management_plan" as const,
    ownerId: contractId,
    fileName: "minutes.txt",
    contentType: "text/plain",
    contentBase64: Buffer.from(text).toString("base64"),
  });

  it("attaches a file to its record, lists it, gives back the same bytes, removes it, and audits both", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    // The owner must exist: there is no plan to attach to yet.
    expect((await refusal(manager.attachments.upload(file(contractId)))).code).toBe("NOT_FOUND");
    await manager.plans.save({ contractId, version: null, plan });
    const { id } = await manager.attachments.upload(file(contractId));
    const listed = await (await as("viewer")).attachments.list({
      contractId,
      ownerType: "management_plan",
      ownerId: contractId,
    });
    expect(listed.map((each) => [each.fileName, each.sizeBytes, each.contentType])).toEqual([
      ["minutes.txt", 27, "text/plain"],
    ]);
    const downloaded = await (await as("viewer")).attachments.download({ attachmentId: id });
    expect(Buffer.from(downloaded.contentBase64, "base64").toString()).toBe("Minutes of the March review");
    expect((await refusal((await as("viewer")).attachments.remove({ attachmentId: id }))).code).toBe(
      "FORBIDDEN",
    );
    await manager.attachments.remove({ attachmentId: id });
    expect((await refusal(manager.attachments.download({ attachmentId: id }))).code).toBe("NOT_FOUND");
    const blobs = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      tx.select().from(schema.attachmentBlobs),
    );
    expect(blobs).toEqual([]);
    const events = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      listAuditEvents(tx, { tenantId: council.tenantId, limit: 20 }),
    );
    expect(
      events
        .filter((event) => event.action.startsWith("attachment."))
        .map((event) => event.action)
        .sort(),
    ).toEqual(["attachment.added", "attachment.removed"]);
  });

  it("refuses a file over the cap with a sentence saying the size and the limit, writing nothing", async () => {
    const manager = await as("contract_manager");
    const contractId = await highTierContract();
    await manager.plans.save({ contractId, version: null, plan });
    const large = Buffer.alloc(10 * 1024 * 1024 + 1).toString("base64");
    const refused = await refusal(manager.attachments.upload({ ...file(contractId), contentBase64: large }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fieldErrors.contentBase64).toBe(
      "This file is 10.0 MB; a file can be at most 10.0 MB. Compress it or split it into parts.",
    );
    expect(
      await manager.attachments.list({ contractId, ownerType: "management_plan", ownerId: contractId }),
    ).toEqual([]);
  });

  it("refuses to attach to a record of another contract", async () => {
    const manager = await as("contract_manager");
    const withPlan = await highTierContract("ATT-1");
    const other = await highTierContract("ATT-2");
    await manager.plans.save({ contractId: withPlan, version: null, plan });
    const { id: reportId } = await manager.plans.recordReport({
      contractId: withPlan,
      report: { periodStart: "2025-01-01", periodEnd: "2025-03-31", receivedOn: "2025-04-02" },
    });
    const crossed = { ...file(other), ownerType: "monitoring_report" as const, ownerId: reportId };
    expect((await refusal(manager.attachments.upload(crossed))).code).toBe("NOT_FOUND");
    const planOfOther = { ...file(other), ownerId: withPlan };
    expect((await refusal(manager.attachments.upload(planOfOther))).code).toBe("NOT_FOUND");
  });

  it("never gives one council's file to another: by id through the API, or by RLS under the other's scope", async () => {
    const contractId = await highTierContract();
    const manager = await as("contract_manager");
    await manager.plans.save({ contractId, version: null, plan });
    const { id } = await manager.attachments.upload(file(contractId, "Council A's confidential minutes"));
    const other = await createTenantFixture(test);
    for (const role of ["admin", "contract_manager", "viewer"] as const) {
      const intruder = await as(role, other);
      expect((await refusal(intruder.attachments.download({ attachmentId: id }))).code).toBe("NOT_FOUND");
      expect(
        (
          await refusal(
            intruder.attachments.list({ contractId, ownerType: "management_plan", ownerId: contractId }),
          )
        ).code,
      ).toBe("NOT_FOUND");
    }
    expect((await refusal((await as("admin", other)).attachments.remove({ attachmentId: id }))).code).toBe(
      "NOT_FOUND",
    );
    // Naming council A in the header as a member of B only: refused before anything is read.
    const { caller: wrongHeader } = await callerFor(test, {
      userId: other.users.admin,
      tenantId: council.tenantId,
    });
    expect((await refusal(wrongHeader.attachments.download({ attachmentId: id }))).code).toBe("FORBIDDEN");
    // Under B's scope the app role sees none of A's rows or bytes, even without a tenant filter.
    const seen = await inTransaction(
      test.database,
      { tenantId: other.tenantId, userId: null },
      async (tx) => ({
        rows: await tx.execute(sql`select id from attachments`),
        blobs: await tx.execute(sql`select storage_key from attachment_blobs`),
      }),
    );
    expect([...seen.rows, ...seen.blobs]).toEqual([]);
    // The file is still there for its own council.
    const mine = await manager.attachments.download({ attachmentId: id });
    expect(Buffer.from(mine.contentBase64, "base64").toString()).toBe("Council A's confidential minutes");
  });
});
