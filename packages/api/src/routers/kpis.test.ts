import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { firstOfMonth } from "@steward/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

const today = new Date().toISOString().slice(0, 10);
const lastMonth = firstOfMonth(today, -1);

const repairs = {
  name: "Repairs completed on time",
  definition: "Repairs completed within the priority's target time ÷ repairs completed",
  numeratorLabel: "Repairs on time",
  denominatorLabel: "Repairs completed",
  unit: "percent" as const,
  direction: "higher_is_better" as const,
  target: 95,
  tolerance: 2,
  inadequateAt: 85,
  breakdownLabel: "Region",
};
const missedBins = {
  name: "Missed bins per 100,000 collections",
  definition: "Scheduled collections not made on the day ÷ collections due × 100,000",
  unit: "per_100000" as const,
  direction: "lower_is_better" as const,
  target: 30,
  tolerance: 10,
};
const answered = {
  name: "Average wait to answer",
  definition: "Mean seconds from a call entering the queue to being answered, in minutes",
  unit: "minutes" as const,
  direction: "lower_is_better" as const,
  target: 3,
};

async function setUp(overrides: Record<string, unknown> = {}) {
  const { caller } = await callerFor(test, {
    userId: council.users.contract_manager,
    tenantId: council.tenantId,
  });
  const { id: contractId } = await caller.contracts.create({
    reference: "HR-1",
    title: "Housing repairs",
    category: "services",
    currency: "GBP",
    startDate: "2024-04-01",
    endDate: "2030-03-31",
    annualValueMinor: 300_000_000,
    totalValueMinor: 1_800_000_000,
    ...overrides,
  });
  return { caller, contractId };
}

describe("kpis", () => {
  it("adds KPIs, records a month across them with ratings and parts, and meets PA23 s.52 and the tracker", async () => {
    const { caller, contractId } = await setUp();
    const duty = async (key: string) =>
      (await caller.contracts.get({ contractId })).obligations.find((o) => o.key === key);
    expect(await duty("kpis_set")).toMatchObject({ status: "overdue", source: "PA23 s.52" });

    const ids: string[] = [];
    for (const kpi of [repairs, missedBins, answered]) {
      ids.push((await caller.kpis.create({ contractId, kpi })).id);
    }
    const [repairsId = "", binsId = "", answeredId = ""] = ids;
    expect(await duty("kpis_set")).toMatchObject({ status: "met", detail: "3 KPIs set." });
    expect((await duty("kpi_tracker"))?.status).toBe("overdue");

    const recorded = await caller.kpis.recordMonth({
      contractId,
      periodStart: lastMonth,
      entries: [
        {
          kpiId: repairsId,
          numerator: 180,
          denominator: 200,
          parts: [
            { label: "North", numerator: 99, denominator: 100 },
            { label: "East", numerator: 81, denominator: 100 },
          ],
          evidenceNote: "Supplier's monthly return",
        },
        { kpiId: binsId, numerator: 35, denominator: 100_000 },
        { kpiId: answeredId, value: 2.5 },
      ],
    });
    expect(recorded.measurements.map((m) => m.rating)).toEqual([
      "requires_improvement",
      "approaching_target",
      "good",
    ]);
    expect((await duty("kpi_tracker"))?.status).toBe("met");

    const list = await caller.kpis.list({ contractId });
    expect(list.kpis.map((kpi) => kpi.name)).toEqual([repairs.name, missedBins.name, answered.name]);
    const [first] = list.kpis;
    expect(first?.measurements).toHaveLength(1);
    expect(first?.measurements[0]).toMatchObject({
      value: 90,
      numerator: 180,
      denominator: 200,
      rating: "requires_improvement",
      ratingReason: "90% misses the target of 95% by 5%, more than the tolerance of 2%.",
      evidenceNote: "Supplier's monthly return",
      enteredByName: expect.any(String),
    });
    expect(first?.measurements[0]?.parts.map((part) => [part.label, part.value])).toEqual([
      ["East", 81],
      ["North", 99],
    ]);
    // One month of twelve is too little to rate the year (PA23 s.71(2)).
    expect(first?.periodRating).toMatchObject({ rating: "other", measured: 1, expected: 12 });

    const history = await caller.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toEqual(
      expect.arrayContaining(["kpi.created", "kpi.measurements_recorded"]),
    );
  });

  it("records and withdraws the PA23 s.52(1) exemption by the contract's version, audited", async () => {
    const { caller, contractId } = await setUp();
    const duty = async () =>
      (await caller.contracts.get({ contractId })).obligations.find((o) => o.key === "kpis_set");
    expect((await duty())?.status).toBe("overdue");
    const reason = "A one-off purchase of a fleet of vehicles: delivery is accepted or rejected once";
    const { version } = await caller.kpis.setExemption({ contractId, version: 1, reason });
    expect(version).toBe(2);
    expect(await duty()).toMatchObject({
      status: "not_applicable",
      detail: `The council considers KPIs could not appropriately assess this supplier's performance: ${reason}`,
    });
    expect((await refusal(caller.kpis.setExemption({ contractId, version: 1, reason: null }))).code).toBe(
      "CONFLICT",
    );
    await caller.kpis.setExemption({ contractId, version: 2, reason: null });
    expect((await duty())?.status).toBe("overdue");
    const [withdrawn, recorded] = await caller.contracts.history({ contractId });
    expect(withdrawn).toMatchObject({
      action: "contract.kpi_exemption_changed",
      before: { reason },
      after: { reason: null },
    });
    expect(recorded).toMatchObject({ action: "contract.kpi_exemption_changed", after: { reason } });
  });

  it("refuses bad figures with field messages and writes nothing (all or nothing)", async () => {
    const { caller, contractId } = await setUp();
    const { id: repairsId } = await caller.kpis.create({ contractId, kpi: repairs });
    const { id: answeredId } = await caller.kpis.create({ contractId, kpi: answered });
    const bad = await refusal(
      caller.kpis.recordMonth({
        contractId,
        periodStart: lastMonth,
        entries: [
          { kpiId: answeredId, value: 2 },
          {
            kpiId: repairsId,
            numerator: 180,
            denominator: 200,
            parts: [{ label: "North", numerator: 90, denominator: 100 }],
          },
        ],
      }),
    );
    expect(bad).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: {
        "entries.1.parts": "The parts' numerators and denominators must add up to the total's.",
      },
    });
    expect((await caller.kpis.list({ contractId })).kpis.every((kpi) => kpi.measurements.length === 0)).toBe(
      true,
    );

    expect(
      (
        await refusal(
          caller.kpis.recordMonth({
            contractId,
            periodStart: lastMonth,
            entries: [{ kpiId: repairsId, value: 95 }],
          }),
        )
      ).fieldErrors,
    ).toEqual({
      "entries.0.numerator": "Enter the number counted (the numerator).",
      "entries.0.denominator": "Enter the total it is out of (the denominator).",
    });
    expect(
      (
        await refusal(
          caller.kpis.recordMonth({
            contractId,
            periodStart: firstOfMonth(today, 1),
            entries: [{ kpiId: answeredId, value: 2 }],
          }),
        )
      ).fieldErrors,
    ).toEqual({ periodStart: "Record a month that has started, not a future one." });
    expect(
      (
        await refusal(
          caller.kpis.create({ contractId, kpi: { ...repairs, target: Number.POSITIVE_INFINITY } }),
        )
      ).fieldErrors["kpi.target"],
    ).toBeDefined();
    expect(
      (await refusal(caller.kpis.create({ contractId, kpi: { ...repairs, templateId: council.tenantId } })))
        .fieldErrors,
    ).toEqual({ "kpi.templateId": "Choose a KPI from the library." });

    // A quarterly KPI of a contract starting in April reports in April, July, October and January.
    const { id: quarterly } = await caller.kpis.create({
      contractId,
      kpi: { ...answered, frequency: "quarterly" },
    });
    const month = ["2025-01-01", "2025-02-01"] as const;
    await caller.kpis.recordMonth({
      contractId,
      periodStart: month[0],
      entries: [{ kpiId: quarterly, value: 1 }],
    });
    expect(
      (
        await refusal(
          caller.kpis.recordMonth({
            contractId,
            periodStart: month[1],
            entries: [{ kpiId: quarterly, value: 1 }],
          }),
        )
      ).fieldErrors["entries.0.kpiId"],
    ).toMatch(/is not measured for this month/);
  });

  it("a month already entered is corrected, not entered twice; a correction keeps the history and the version", async () => {
    const { caller, contractId } = await setUp();
    const { id: kpiId } = await caller.kpis.create({ contractId, kpi: repairs });
    const entry = { kpiId, numerator: 160, denominator: 200 };
    const [first] = (await caller.kpis.recordMonth({ contractId, periodStart: lastMonth, entries: [entry] }))
      .measurements;
    expect(first?.rating).toBe("inadequate");
    expect(
      (await refusal(caller.kpis.recordMonth({ contractId, periodStart: lastMonth, entries: [entry] }))).code,
    ).toBe("CONFLICT");

    const measurementId = first?.measurementId ?? "";
    const corrected = await caller.kpis.correct({
      measurementId,
      version: 1,
      numerator: 196,
      denominator: 200,
      reason: "The supplier's return double-counted late jobs",
    });
    expect(corrected).toMatchObject({ version: 2, rating: "good" });
    expect(
      (
        await refusal(
          caller.kpis.correct({ measurementId, version: 1, numerator: 1, denominator: 2, reason: "again" }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect(
      (
        await refusal(
          caller.kpis.correct({ measurementId, version: 2, numerator: 1, denominator: 2, reason: " " }),
        )
      ).fieldErrors,
    ).toEqual({ reason: "Say why the figures are being corrected." });

    const history = await caller.kpis.history({ measurementId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      value: 80,
      numerator: 160,
      denominator: 200,
      rating: "inadequate",
      correctionReason: "The supplier's return double-counted late jobs",
      correctedByName: expect.any(String),
    });
    const [measurement] = (await caller.kpis.list({ contractId })).kpis[0]?.measurements ?? [];
    expect(measurement).toMatchObject({ value: 98, rating: "good", version: 2 });
    const events = await caller.contracts.history({ contractId });
    expect(events.map((event) => event.action)).toContain("kpi.measurement_corrected");
  });

  it("two people entering the same month at once: one is recorded, the other told to correct it", async () => {
    const { caller, contractId } = await setUp();
    const { id: kpiId } = await caller.kpis.create({ contractId, kpi: answered });
    const sro = (await callerFor(test, { userId: council.users.sro, tenantId: council.tenantId })).caller;
    const month = { contractId, periodStart: lastMonth };
    const results = await Promise.allSettled([
      caller.kpis.recordMonth({ ...month, entries: [{ kpiId, value: 2 }] }),
      sro.kpis.recordMonth({ ...month, entries: [{ kpiId, value: 4 }] }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused && (await refusal(Promise.reject(refused.reason))).code).toBe("CONFLICT");
    const [kpi] = (await caller.kpis.list({ contractId })).kpis;
    expect(kpi?.measurements).toHaveLength(1);
  });

  it("edits with the version read, archives, and keeps viewers to reading", async () => {
    const { caller, contractId } = await setUp();
    const { id: kpiId } = await caller.kpis.create({ contractId, kpi: repairs });
    const { version } = await caller.kpis.update({ kpiId, version: 1, kpi: { ...repairs, target: 96 } });
    expect(version).toBe(2);
    expect((await refusal(caller.kpis.update({ kpiId, version: 1, kpi: repairs }))).code).toBe("CONFLICT");
    expect(
      (await refusal(caller.kpis.update({ kpiId, version: 2, kpi: { ...repairs, inadequateAt: 94 } })))
        .fieldErrors,
    ).toEqual({
      "kpi.inadequateAt": "The Inadequate line must be below the target less its tolerance.",
    });
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await viewer.kpis.list({ contractId })).kpis).toHaveLength(1);
    expect((await refusal(viewer.kpis.archive({ kpiId, version: 2 }))).code).toBe("FORBIDDEN");
    await caller.kpis.archive({ kpiId, version: 2 });
    expect((await caller.kpis.list({ contractId })).kpis).toHaveLength(0);
    const events = await caller.contracts.history({ contractId });
    const updated = events.find((event) => event.action === "kpi.updated");
    expect(updated).toMatchObject({ before: { kpiId, target: 95 }, after: { kpiId, target: 96 } });
    expect(events.map((event) => event.action)).toContain("kpi.archived");
  });

  it("rates a year of measurements for the s.71 assessment, pooling the rates", async () => {
    const { caller, contractId } = await setUp();
    const { id: kpiId } = await caller.kpis.create({ contractId, kpi: repairs });
    for (let back = 12; back >= 1; back -= 1) {
      await caller.kpis.recordMonth({
        contractId,
        periodStart: firstOfMonth(today, -back),
        entries: [{ kpiId, numerator: back === 1 ? 800 : 100, denominator: back === 1 ? 1_000 : 100 }],
      });
    }
    const [kpi] = (await caller.kpis.list({ contractId })).kpis;
    expect(kpi?.periodRating).toMatchObject({ rating: "requires_improvement", measured: 12, expected: 12 });
    expect(kpi?.periodRating.reasons[1]).toBe("Pooled over the period: 1,900 of 2,100.");
    // The twelve months to two months ago: eleven good months and one not measured.
    const earlier = await caller.kpis.list({ contractId, assessedTo: firstOfMonth(today, -2) });
    expect(earlier.period).toEqual({ from: firstOfMonth(today, -13), to: firstOfMonth(today, -2) });
    expect(earlier.kpis[0]?.periodRating).toMatchObject({ rating: "good", measured: 11, expected: 12 });
    expect(
      (await refusal(caller.kpis.list({ contractId, assessedTo: firstOfMonth(today) }))).fieldErrors,
    ).toEqual({ assessedTo: "Choose a month that has ended." });
  });
});
