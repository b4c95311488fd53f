import { inTransaction, schema } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addDays, firstOfMonth, newId } from "@steward/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { today } from "../contract-facts.ts";
import { callerFor } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
beforeEach(async () => {
  council = await createTenantFixture(test);
});

const lastMonth = () => firstOfMonth(today(), -1);
const asInput = (month: string) => month.slice(0, 7);
const write = <T>(work: Parameters<typeof inTransaction<T>>[2]) =>
  inTransaction(test.database, { tenantId: council.tenantId, userId: null }, work);

async function as(role: keyof TenantFixture["users"]) {
  return (await callerFor(test, { userId: council.users[role], tenantId: council.tenantId })).caller;
}

async function newContract(
  reference: string,
  values: { serviceArea?: string; annualValueMinor?: number; managerId?: string; sroId?: string | null } = {},
) {
  const caller = await as("admin");
  const { id } = await caller.contracts.create({
    reference,
    title: `${reference} services`,
    category: "services",
    currency: "GBP",
    startDate: "2024-01-01",
    endDate: "2029-03-31",
    annualValueMinor: values.annualValueMinor ?? 1_000_000,
    serviceArea: values.serviceArea ?? "Waste",
    contractManagerId: values.managerId ?? council.users.contract_manager,
    sroId: values.sroId === undefined ? council.users.sro : values.sroId,
  });
  // Medium and High tier contracts owe a contract management plan (004 §5): written, so it is not overdue.
  await caller.plans.save({
    contractId: id,
    version: null,
    plan: {
      monitoring: "Monthly returns",
      governance: "Quarterly review",
      milestones: [],
      agreedOn: today(),
    },
  });
  // Its review meeting held (004 §5), so the review cadence is met too.
  await caller.meetings.record({
    contractId: id,
    meeting: {
      type: "review",
      scheduledOn: today(),
      heldOn: today(),
      attendees: [{ name: "The supplier's account manager", party: "supplier" }],
    },
  });
  return id;
}

async function measured(contractId: string, month: string, rating: "good" | "inadequate") {
  await write(async (tx) => {
    const kpiId = newId();
    await tx.insert(schema.kpis).values({
      tenantId: council.tenantId,
      id: kpiId,
      contractId,
      name: `Collections on time ${rating}`,
      definition: "Collections made on the scheduled day",
      unit: "percent",
      direction: "higher_is_better",
      target: 95,
      numeratorLabel: "on time",
      denominatorLabel: "scheduled",
    });
    await tx.insert(schema.kpiMeasurements).values({
      tenantId: council.tenantId,
      contractId,
      kpiId,
      periodStart: month,
      value: rating === "good" ? 97 : 70,
      numerator: rating === "good" ? 97 : 70,
      denominator: 100,
      rating,
      ratingReason: "set by the test",
      enteredBy: council.users.contract_manager,
    });
  });
}

describe("board", () => {
  it("shows every Amber and Red contract with manager, commentary, trend, overdue work, counts and what is due", async () => {
    const manager = await as("contract_manager");
    const red = await newContract("BRD-RED");
    const amber = await newContract("BRD-AMB", { serviceArea: "Housing", annualValueMinor: 100_000 });
    const green = await newContract("BRD-GRN", { serviceArea: "Housing" });
    await newContract("BRD-NONE", { serviceArea: "" });
    const month = asInput(lastMonth());
    await measured(red, lastMonth(), "inadequate");
    await manager.rag.set({
      contractId: red,
      month,
      entry: { status: "red", commentary: "Collections failing in the east" },
    });
    await manager.rag.set({
      contractId: amber,
      month,
      entry: { status: "amber", commentary: "Staffing gaps" },
    });
    await manager.rag.set({ contractId: green, month, entry: { status: "green", commentary: null } });
    const on = today();
    await write(async (tx) => {
      await tx.insert(schema.actions).values({
        tenantId: council.tenantId,
        contractId: red,
        description: "Send the recovery timetable",
        ownerParty: "supplier",
        ownerName: "Clean Streets Ltd",
        dueOn: addDays(on, -3),
        createdBy: council.users.contract_manager,
      });
      await tx.insert(schema.improvementPlans).values({
        tenantId: council.tenantId,
        contractId: red,
        trigger: "red_month",
        triggerMonth: lastMonth(),
        title: "Recover the east rounds",
        reason: "Two Red months",
        openedBy: council.users.contract_manager,
        openedOn: on,
      });
      await tx.insert(schema.risks).values({
        tenantId: council.tenantId,
        contractId: amber,
        title: "Driver shortage",
        category: "delivery",
        likelihood: 4,
        impact: 3,
        ownerParty: "supplier",
        ownerName: "Clean Streets Ltd",
        reviewOn: addDays(on, 5),
        createdBy: council.users.contract_manager,
      });
      await tx.insert(schema.meetings).values({
        tenantId: council.tenantId,
        contractId: red,
        type: "performance",
        scheduledOn: addDays(on, -1),
        createdBy: council.users.contract_manager,
      });
    });

    const board = await (await as("board")).board.view({});
    expect(board.month).toBe(lastMonth());
    expect(board.trendMonths).toHaveLength(6);
    expect(board.flagged.map((contract) => [contract.reference, contract.status])).toEqual([
      ["BRD-RED", "red"],
      ["BRD-AMB", "amber"],
    ]);
    const [first, second] = board.flagged;
    expect(first).toMatchObject({
      commentary: "Collections failing in the east",
      managerName: expect.any(String),
      overdueActions: 1,
    });
    expect(first?.suggested?.reasons[0]).toBe("1 KPI rated Inadequate: Collections on time inadequate.");
    expect(first?.kpiTrend.at(-1)).toEqual({
      month: lastMonth(),
      measured: 1,
      onTarget: 0,
      belowTarget: 1,
      onTargetPercent: 0,
    });
    expect(first?.recentMonths.at(-1)).toEqual({ month: lastMonth(), status: "red" });
    expect(first?.overdueObligations.map((obligation) => obligation.key)).not.toContain("monthly_rag");
    expect(second?.commentary).toBe("Staffing gaps");

    expect(board.counts.total).toEqual({ green: 1, amber: 1, red: 1, notSet: 1 });
    expect(board.counts.byServiceArea.map((area) => [area.serviceArea, area.counts])).toEqual([
      ["Housing", { green: 1, amber: 1, red: 0, notSet: 0 }],
      ["No service area recorded", { green: 0, amber: 0, red: 0, notSet: 1 }],
      ["Waste", { green: 0, amber: 0, red: 1, notSet: 0 }],
    ]);
    expect(board.counts.byTier.find((row) => row.tier === "low")?.counts.amber).toBe(1);
    expect(board.improvementPlans.map((plan) => [plan.reference, plan.title])).toEqual([
      ["BRD-RED", "Recover the east rounds"],
    ]);
    expect(board.riskReviews.map((risk) => [risk.reference, risk.title])).toEqual([
      ["BRD-AMB", "Driver shortage"],
    ]);
    expect(board.meetings.map((meeting) => [meeting.reference, meeting.overdue])).toEqual([
      ["BRD-RED", true],
    ]);

    expect(board).toMatchObject({ page: 1, pageSize: 25, flaggedTotal: 2 });
    // A page at a time, Red first: the second page of one holds the Amber contract; past the end, none.
    const secondPage = await (await as("board")).board.view({ page: 2, pageSize: 1 });
    expect(secondPage.flagged.map((contract) => contract.reference)).toEqual(["BRD-AMB"]);
    expect(secondPage.flaggedTotal).toBe(2);
    const pastTheEnd = await (await as("board")).board.view({ page: 3, pageSize: 1 });
    expect(pastTheEnd.flagged).toEqual([]);

    // Another month has none flagged.
    const earlier = await (await as("viewer")).board.view({ month: asInput(firstOfMonth(on, -3)) });
    expect(earlier.flagged).toEqual([]);
    expect(earlier.flaggedTotal).toBe(0);
  });

  it("gives a contract manager their contracts, the RAG to set, overdue actions and what is due this week", async () => {
    // No SRO named: an obligation overdue since the start.
    const mine = await newContract("MY-1", { sroId: null });
    const set = await newContract("MY-2");
    await newContract("THEIRS-1", { managerId: council.users.admin });
    const manager = await as("contract_manager");
    await manager.rag.set({
      contractId: set,
      month: asInput(lastMonth()),
      entry: { status: "green", commentary: null },
    });
    const on = today();
    await write(async (tx) => {
      await tx.insert(schema.actions).values([
        {
          tenantId: council.tenantId,
          contractId: mine,
          description: "Chase the March return",
          ownerParty: "council",
          ownerUserId: council.users.contract_manager,
          dueOn: addDays(on, -2),
          createdBy: council.users.contract_manager,
        },
        {
          tenantId: council.tenantId,
          contractId: mine,
          description: "Agree the winter schedule",
          ownerParty: "supplier",
          ownerName: "Clean Streets Ltd",
          dueOn: addDays(on, 2),
          createdBy: council.users.contract_manager,
        },
        {
          tenantId: council.tenantId,
          contractId: mine,
          description: "Next month's audit",
          ownerParty: "council",
          ownerUserId: council.users.contract_manager,
          dueOn: addDays(on, 20),
          createdBy: council.users.contract_manager,
        },
      ]);
    });
    const home = await manager.board.myContracts();
    expect(home.contracts.map((contract) => [contract.reference, contract.role, contract.status])).toEqual([
      ["MY-1", "manager", null],
      ["MY-2", "manager", "green"],
    ]);
    expect(home.contracts.every((contract) => contract.owesRag)).toBe(true);
    expect(home.overdueActions.map((action) => [action.description, action.mine])).toEqual([
      ["Chase the March return", true],
    ]);
    expect(home.dueThisWeek.filter((item) => item.kind === "action").map((item) => item.what)).toEqual([
      "Agree the winter schedule",
    ]);
    expect(home.overdueObligations.map((obligation) => [obligation.reference, obligation.key])).toEqual([
      ["MY-1", "sro_named"],
    ]);

    // The SRO sees the same contracts as SRO; a member with none sees an empty home.
    const sro = await (await as("sro")).board.myContracts();
    expect(sro.contracts.map((contract) => [contract.reference, contract.role])).toEqual([
      ["MY-2", "sro"],
      ["THEIRS-1", "sro"],
    ]);
    const viewer = await (await as("viewer")).board.myContracts();
    expect(viewer).toMatchObject({ contracts: [], overdueActions: [], dueThisWeek: [] });
  });
});
