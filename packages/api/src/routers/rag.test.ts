import { inTransaction, listAuditEvents, schema } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { firstOfMonth, newId } from "@steward/domain";
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

const lastMonth = () => firstOfMonth(today(), -1);
const asInput = (month: string) => month.slice(0, 7);

async function managerCaller() {
  return (await callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId }))
    .caller;
}

async function newContract(reference = "RAG-1", startDate = "2024-01-01") {
  const caller = await managerCaller();
  const { id } = await caller.contracts.create({
    reference,
    title: `${reference} waste collection`,
    category: "services",
    currency: "GBP",
    startDate,
    endDate: "2029-03-31",
    annualValueMinor: 1_000_000,
    contractManagerId: council.users.contract_manager,
    sroId: council.users.sro,
  });
  // A Medium tier contract owes a contract management plan (004 §5): written, so it is not overdue.
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

/** A KPI measured for `month` with `rating`, written as the kpis router would store it. */
async function measuredKpi(contractId: string, name: string, month: string, rating: "good" | "inadequate") {
  await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => {
    const kpiId = newId();
    await tx.insert(schema.kpis).values({
      tenantId: council.tenantId,
      id: kpiId,
      contractId,
      name,
      definition: `${name}, as the supplier's return counts it`,
      unit: "percent",
      direction: "higher_is_better",
      target: 95,
      numeratorLabel: "on time",
      denominatorLabel: "all",
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

describe("rag", () => {
  it("sets Amber with commentary, keeps the suggestion, shows it on the strip and in the audit trail", async () => {
    const caller = await managerCaller();
    const contractId = await newContract();
    const month = asInput(lastMonth());
    const saved = await caller.rag.set({
      contractId,
      month,
      entry: { status: "amber", commentary: "Missed bins in the north round" },
    });
    expect(saved.version).toBe(1);
    expect(saved.suggested.status).toBe("green");

    const strip = await caller.rag.list({ contractId });
    expect(strip.dueMonth).toBe(lastMonth());
    expect(strip.months).toHaveLength(24);
    expect(strip.months.at(-1)?.month).toBe(firstOfMonth(today()));
    const set = strip.months.find((each) => each.month === lastMonth());
    expect(set?.entry).toMatchObject({
      status: "amber",
      commentary: "Missed bins in the north round",
      setByName: expect.any(String),
      suggested: saved.suggested,
    });
    expect(strip.months.filter((each) => each.entry !== null)).toHaveLength(1);

    const audit = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      listAuditEvents(tx, { tenantId: council.tenantId, limit: 5 }),
    );
    expect(audit[0]).toMatchObject({
      action: "rag.set",
      entityType: "contract",
      entityId: contractId,
      before: null,
      after: { month: lastMonth(), status: "amber", commentary: "Missed bins in the north round" },
    });

    // The register shows the month's status beside the contract; one without a status shows none.
    const other = await newContract("RAG-2");
    const register = await caller.contracts.list({});
    expect(register.ragMonth).toBe(lastMonth());
    expect(register.rows.find((row) => row.id === contractId)?.ragStatus).toBe("amber");
    expect(register.rows.find((row) => row.id === other)?.ragStatus).toBeNull();
  });

  it("changes a month by its version; a stale version or a second first setting is CONFLICT", async () => {
    const caller = await managerCaller();
    const contractId = await newContract();
    const month = asInput(lastMonth());
    await caller.rag.set({ contractId, month, entry: { status: "green", commentary: null } });
    expect(
      (await refusal(caller.rag.set({ contractId, month, entry: { status: "green", commentary: null } })))
        .code,
    ).toBe("CONFLICT");
    const changed = await caller.rag.set({
      contractId,
      month,
      version: 1,
      entry: { status: "red", commentary: "Two collections missed entirely" },
    });
    expect(changed.version).toBe(2);
    expect(
      (
        await refusal(
          caller.rag.set({ contractId, month, version: 1, entry: { status: "green", commentary: null } }),
        )
      ).code,
    ).toBe("CONFLICT");
    const { entry } = await caller.rag.suggest({ contractId, month });
    expect(entry).toMatchObject({ status: "red", version: 2 });
  });

  it("is set by the contract's own manager or its SRO, not by another manager of the council", async () => {
    const caller = await managerCaller();
    const contractId = await newContract("RAG-OWN");
    // Managed by someone else: the council's contract manager is just another manager of the council here.
    const admin = (await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId })).caller;
    const { id: othersContract } = await admin.contracts.create({
      reference: "RAG-OTHER",
      title: "Grounds maintenance",
      category: "services",
      currency: "GBP",
      startDate: "2024-01-01",
      contractManagerId: council.users.admin,
    });
    const month = asInput(lastMonth());
    const green = { status: "green" as const, commentary: null };
    expect((await caller.rag.list({ contractId })).setterProblem).toBeNull();
    expect((await caller.rag.list({ contractId: othersContract })).setterProblem).toBe(
      "Only this contract's manager, its SRO or a council admin can set its RAG status (004 §12.3).",
    );
    expect(await refusal(caller.rag.set({ contractId: othersContract, month, entry: green }))).toEqual({
      code: "FORBIDDEN",
      fieldErrors: {},
    });
    const sro = (await callerFor(test, { userId: council.users.sro, tenantId: council.tenantId })).caller;
    expect((await refusal(sro.rag.set({ contractId: othersContract, month, entry: green }))).code).toBe(
      "FORBIDDEN",
    );
    // Its own contract's SRO may set (and so correct) the month its manager set.
    await caller.rag.set({ contractId, month, entry: green });
    const corrected = await sro.rag.set({
      contractId,
      month,
      version: 1,
      entry: { status: "amber", commentary: "Complaints rising in the east" },
    });
    expect(corrected.version).toBe(2);
    await admin.rag.set({ contractId: othersContract, month, entry: green });
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await viewer.rag.list({ contractId })).setterProblem).toBe("Your role cannot set RAG statuses.");
  });

  it("refuses Amber and Red without commentary, future months and months before the start, on the field", async () => {
    const caller = await managerCaller();
    const contractId = await newContract("RAG-2", "2026-01-15");
    expect(
      await refusal(
        caller.rag.set({
          contractId,
          month: asInput(lastMonth()),
          entry: { status: "red", commentary: " " },
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: {
        "entry.commentary":
          "Say what is wrong and what is being done: Amber and Red need commentary (004 §12.3).",
      },
    });
    expect(
      await refusal(
        caller.rag.set({
          contractId,
          month: asInput(firstOfMonth(today(), 1)),
          entry: { status: "green", commentary: null },
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { month: "Choose this month or an earlier one: this month has not begun." },
    });
    expect(
      await refusal(
        caller.rag.set({ contractId, month: "2025-12", entry: { status: "green", commentary: null } }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { month: "Choose a month from the contract's start onwards." },
    });
    expect((await refusal(caller.rag.suggest({ contractId, month: "2025-12" }))).code).toBe("BAD_REQUEST");
    // The strip starts at the contract's start.
    expect((await caller.rag.list({ contractId })).months[0]?.month).toBe("2026-01-01");
  });

  it("suggests from the KPI ratings of the month and the open improvement plans, with reasons", async () => {
    const caller = await managerCaller();
    const contractId = await newContract();
    const month = lastMonth();
    await measuredKpi(contractId, "Bins collected on time", month, "inadequate");
    await measuredKpi(contractId, "Calls answered in 60 seconds", month, "good");
    const red = await caller.rag.suggest({ contractId, month: asInput(month) });
    expect(red.suggestion.status).toBe("red");
    expect(red.suggestion.reasons[0]).toBe("1 KPI rated Inadequate: Bins collected on time.");
    expect(red.entry).toBeNull();

    const other = await newContract("RAG-3");
    await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      tx.insert(schema.improvementPlans).values({
        tenantId: council.tenantId,
        contractId: other,
        trigger: "other",
        title: "Recover missed collections",
        reason: "Complaints",
        openedBy: council.users.contract_manager,
        openedOn: today(),
      }),
    );
    const amber = await caller.rag.suggest({ contractId: other, month: asInput(month) });
    expect(amber.suggestion).toEqual({
      status: "amber",
      reasons: ["1 improvement plan open: Recover missed collections."],
    });
  });

  it("lists the contracts with no RAG for last month with their manager, and meets the monthly obligation", async () => {
    const caller = await managerCaller();
    const first = await newContract("RAG-A");
    const second = await newContract("RAG-B");
    // Starts next month: owes nothing yet.
    await newContract("RAG-C", firstOfMonth(today(), 1));
    const missing = await caller.rag.missing({});
    expect(missing.month).toBe(lastMonth());
    expect(missing.contracts.map((contract) => contract.reference)).toEqual(["RAG-A", "RAG-B"]);
    expect(missing.contracts[0]?.manager?.id).toBe(council.users.contract_manager);

    const obligationOf = async (contractId: string) =>
      (await caller.contracts.get({ contractId })).obligations.find((each) => each.key === "monthly_rag");
    expect((await obligationOf(first))?.status).not.toBe("met");
    expect((await obligationOf(first))?.status).not.toBe("not_tracked");

    await caller.rag.set({
      contractId: first,
      month: asInput(lastMonth()),
      entry: { status: "green", commentary: null },
    });
    expect((await caller.rag.missing({})).contracts.map((contract) => contract.contractId)).toEqual([second]);
    expect((await obligationOf(first))?.status).toBe("met");
  });

  it("lets a viewer read the strip but not set it", async () => {
    const contractId = await newContract();
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await viewer.rag.list({ contractId })).months.length).toBeGreaterThan(0);
    expect(
      (
        await refusal(
          viewer.rag.set({
            contractId,
            month: asInput(lastMonth()),
            entry: { status: "green", commentary: null },
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
