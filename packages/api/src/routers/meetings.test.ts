import { inTransaction, listOverdueActions } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addDays, addMonths } from "@steward/domain";
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

const managerOf = async () =>
  (await callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId })).caller;

/** A High tier contract in delivery, started a year ago. */
async function highContract(overrides: Record<string, unknown> = {}) {
  const manager = await managerOf();
  return (
    await manager.contracts.create({
      reference: `MT-${Math.random().toString(36).slice(2, 8)}`,
      title: "Waste collection",
      category: "services",
      currency: "GBP",
      startDate: addMonths(today(), -12),
      annualValueMinor: 20_000_000,
      contractManagerId: council.users.contract_manager,
      sroId: council.users.sro,
      ...overrides,
    })
  ).id;
}

const attendees = [
  { name: "Casey Manager", party: "council" as const, userId: null },
  { name: "Dana Cole", party: "supplier" as const },
];

const obligation = async (contractId: string, key: string) =>
  (await (await managerOf()).contracts.get({ contractId })).obligations.find((o) => o.key === key);

describe("meetings", () => {
  it("a held review meeting meets the review cadence; a planned one does not", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    expect((await obligation(contractId, "review_meetings"))?.status).toBe("overdue");

    const planned = await manager.meetings.record({
      contractId,
      meeting: { type: "review", scheduledOn: addDays(today(), 7), agenda: "KPIs for the quarter" },
    });
    expect((await obligation(contractId, "review_meetings"))?.status).toBe("overdue");

    // Marked held (today), with the people there and the insight: the cadence is met.
    await manager.meetings.update({
      meetingId: planned.id,
      version: 1,
      meeting: {
        type: "review",
        scheduledOn: addDays(today(), 7),
        heldOn: today(),
        attendees,
        agenda: "KPIs for the quarter",
        notes: "Missed bins up in the east",
        insight: "Only the east rounds are slipping (002: disaggregate)",
      },
    });
    expect(await obligation(contractId, "review_meetings")).toMatchObject({
      status: "met",
      dueDate: addMonths(today(), 3),
    });
    const [meeting] = await manager.meetings.list({ contractId });
    expect(meeting).toMatchObject({ heldOn: today(), version: 2, insight: expect.stringContaining("east") });

    const history = await manager.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toEqual(
      expect.arrayContaining(["meeting.recorded", "meeting.updated"]),
    );
  });

  it("a planned meeting is cancelled with its reason, leaves the board's meetings due and cannot be held", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    const scheduledOn = addDays(today(), 3);
    const planned = await manager.meetings.record({
      contractId,
      meeting: { type: "performance", scheduledOn, agenda: "Missed collections in the east" },
    });
    const due = async () => (await manager.board.view({})).meetings.map((meeting) => meeting.id);
    expect(await due()).toContain(planned.id);

    const cancellation = { reason: "The supplier's operations manager is ill; moved to next month" };
    expect(
      await refusal(
        manager.meetings.cancel({ meetingId: planned.id, version: 1, cancellation: { reason: " " } }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { "cancellation.reason": "Say why the meeting is cancelled." },
    });
    await manager.meetings.cancel({ meetingId: planned.id, version: 1, cancellation });
    const [meeting] = await manager.meetings.list({ contractId });
    expect(meeting).toMatchObject({
      cancelledOn: today(),
      cancellationReason: cancellation.reason,
      version: 2,
    });
    expect(await due()).not.toContain(planned.id);

    // Closed: it is neither held nor cancelled twice; a held meeting cannot be cancelled.
    const heldAnyway = manager.meetings.update({
      meetingId: planned.id,
      version: 2,
      meeting: { type: "performance", scheduledOn, heldOn: today(), attendees },
    });
    expect(await refusal(heldAnyway)).toEqual({ code: "CONFLICT", fieldErrors: {} });
    expect(
      (await refusal(manager.meetings.cancel({ meetingId: planned.id, version: 2, cancellation }))).code,
    ).toBe("CONFLICT");
    const held = await manager.meetings.record({
      contractId,
      meeting: { type: "review", scheduledOn: today(), heldOn: today(), attendees },
    });
    expect(
      (await refusal(manager.meetings.cancel({ meetingId: held.id, version: 1, cancellation }))).code,
    ).toBe("CONFLICT");
    expect((await manager.contracts.history({ contractId })).map((each) => each.action)).toContain(
      "meeting.cancelled",
    );
  });

  it("a kickoff meeting is owed in mobilisation and met once held; a kickoff is no review", async () => {
    const manager = await managerOf();
    const contractId = await highContract({
      startDate: addDays(today(), 60),
      lifecycleStage: "mobilisation",
    });
    expect((await obligation(contractId, "kickoff_meeting"))?.status).toBe("due_soon");
    await manager.meetings.record({
      contractId,
      meeting: { type: "kickoff", scheduledOn: today(), heldOn: today(), attendees },
    });
    expect((await obligation(contractId, "kickoff_meeting"))?.status).toBe("met");
    const reviews = await obligation(contractId, "review_meetings");
    expect(reviews?.dueDate).toBe(addMonths(addDays(today(), 60), 3));
  });

  it("refuses a meeting held in the future, a held one with no attendees, and another contract's KPIs", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    expect(
      await refusal(
        manager.meetings.record({
          contractId,
          meeting: { type: "review", scheduledOn: today(), heldOn: addDays(today(), 1), attendees },
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: {
        heldOn: "A meeting cannot have been held after today. Leave this blank until it has been.",
      },
    });
    expect(
      (
        await refusal(
          manager.meetings.record({
            contractId,
            meeting: { type: "review", scheduledOn: today(), heldOn: today() },
          }),
        )
      ).fieldErrors,
    ).toEqual({ attendees: "Record who attended: the council's and the supplier's people." });
    expect(
      await refusal(
        manager.meetings.record({
          contractId,
          meeting: { type: "review", scheduledOn: today(), kpiIds: ["01890000-0000-7000-8000-000000000000"] },
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", fieldErrors: { kpiIds: "Choose KPIs of this contract." } });
    const { id } = await manager.meetings.record({
      contractId,
      meeting: { type: "review", scheduledOn: today() },
    });
    await manager.meetings.update({
      meetingId: id,
      version: 1,
      meeting: { type: "review", scheduledOn: today() },
    });
    expect(
      await refusal(
        manager.meetings.update({
          meetingId: id,
          version: 1,
          meeting: { type: "performance", scheduledOn: today() },
        }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
  });
});

describe("the action log", () => {
  it("keeps actions across meetings and plans, marks the overdue ones, and lists them per contract and per owner", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    const { id: meetingId } = await manager.meetings.record({
      contractId,
      meeting: { type: "performance", scheduledOn: today(), heldOn: today(), attendees },
    });
    const late = await manager.actions.add({
      contractId,
      meetingId,
      action: {
        description: "Send the missed-bin breakdown by round",
        ownerParty: "council",
        ownerUserId: council.users.contract_manager,
        ownerName: "ignored for a council owner",
        dueOn: addDays(today(), -3),
      },
    });
    await manager.actions.add({
      contractId,
      action: {
        description: "Re-plan the east rounds",
        ownerParty: "supplier",
        ownerName: "Dana Cole",
        dueOn: addDays(today(), 14),
      },
    });
    const log = await manager.actions.list({ contractId });
    expect(log.overdueCount).toBe(1);
    expect(log.actions.map((action) => [action.description, action.overdue, action.ownerName])).toEqual([
      ["Send the missed-bin breakdown by round", true, null],
      ["Re-plan the east rounds", false, "Dana Cole"],
    ]);
    expect(log.actions[0]).toMatchObject({ meetingId, ownerUserName: expect.any(String) });

    const overdue = (filter: { contractId?: string; ownerUserId?: string }) =>
      inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        listOverdueActions(tx, { tenantId: council.tenantId, today: today(), ...filter }),
      );
    expect((await overdue({ contractId })).map((action) => action.id)).toEqual([late.id]);
    expect((await overdue({ ownerUserId: council.users.contract_manager }))[0]).toMatchObject({
      id: late.id,
      contractId,
      contractTitle: "Waste collection",
    });
    expect(await overdue({ ownerUserId: council.users.sro })).toEqual([]);

    const { version } = await manager.actions.setStatus({ actionId: late.id, version: 1, status: "done" });
    expect(version).toBe(2);
    expect((await manager.actions.list({ contractId })).overdueCount).toBe(0);
    expect(await overdue({ contractId })).toEqual([]);
  });

  it("refuses an action with no owner, a stranger as owner, or on a closed plan", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    expect(
      (
        await refusal(
          manager.actions.add({
            contractId,
            action: { description: "Do it", ownerParty: "supplier", dueOn: today() },
          }),
        )
      ).fieldErrors,
    ).toEqual({ "action.ownerName": "Name the person at the supplier who owns it." });
    const stranger = await createTenantFixture(test);
    expect(
      (
        await refusal(
          manager.actions.add({
            contractId,
            action: {
              description: "Do it",
              ownerParty: "council",
              ownerUserId: stranger.users.contract_manager,
              dueOn: today(),
            },
          }),
        )
      ).fieldErrors,
    ).toEqual({ "action.ownerUserId": "Choose an active member of this council." });
    const plan = await manager.improvementPlans.open({
      contractId,
      trigger: "other",
      title: "Plan",
      reason: "Failing",
    });
    const item = {
      description: "Daily round checks",
      ownerParty: "supplier" as const,
      ownerName: "Dana Cole",
      dueOn: today(),
    };
    await manager.actions.add({ contractId, improvementPlanId: plan.id, action: item });
    const [withItem] = await manager.improvementPlans.list({ contractId });
    expect(withItem?.progress).toEqual({ done: 0, open: 1, overdue: 0, total: 1 });
    await manager.improvementPlans.close({
      improvementPlanId: plan.id,
      version: 1,
      closure: { outcome: "recovered" },
    });
    expect(
      await refusal(manager.actions.add({ contractId, improvementPlanId: plan.id, action: item })),
    ).toMatchObject({ code: "CONFLICT" });
  });
});

describe("the joint risk register", () => {
  it("scores and bands each risk, flags overdue reviews, and makes the register's obligation follow them", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    expect((await obligation(contractId, "risk_register"))?.status).toBe("overdue");
    const risk = {
      title: "Crew shortages over winter",
      category: "delivery" as const,
      likelihood: 4,
      impact: 5,
      ownerParty: "supplier" as const,
      ownerName: "Dana Cole",
      mitigation: "Agency cover agreed",
      reviewOn: addDays(today(), -1),
      escalateToCorporate: true,
    };
    const { id } = await manager.risks.record({ contractId, risk });
    const [listed] = await manager.risks.list({ contractId });
    expect(listed).toMatchObject({
      score: 20,
      band: "very_high",
      reviewOverdue: true,
      escalateToCorporate: true,
    });
    expect(await obligation(contractId, "risk_register")).toMatchObject({
      status: "overdue",
      detail: "1 risk is past its review date: review it with the supplier.",
    });

    // Reviewed: the next review in two months, likelihood down.
    await manager.risks.update({
      riskId: id,
      version: 1,
      risk: { ...risk, likelihood: 2, reviewOn: addMonths(today(), 2) },
    });
    const [reviewed] = await manager.risks.list({ contractId });
    expect(reviewed).toMatchObject({ score: 10, band: "high", reviewOverdue: false });
    expect((await obligation(contractId, "risk_register"))?.status).toBe("met");

    await manager.risks.setStatus({ riskId: id, version: 2, status: "closed" });
    const [closed] = await manager.risks.list({ contractId });
    expect(closed).toMatchObject({ status: "closed", closedOn: today(), reviewOverdue: false });
    const history = await manager.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toEqual(
      expect.arrayContaining(["risk.recorded", "risk.updated", "risk.status_changed"]),
    );
  });

  it("refuses scores outside 1–5 with a field message", async () => {
    const manager = await managerOf();
    const contractId = await highContract();
    expect(
      (
        await refusal(
          manager.risks.record({
            contractId,
            risk: {
              title: "Risk",
              category: "financial",
              likelihood: 6,
              impact: 0,
              ownerParty: "council",
              ownerUserId: council.users.sro,
              reviewOn: today(),
            },
          }),
        )
      ).fieldErrors,
    ).toEqual({
      "risk.likelihood": "Score it from 1 (lowest) to 5 (highest).",
      "risk.impact": "Score it from 1 (lowest) to 5 (highest).",
    });
  });
});
