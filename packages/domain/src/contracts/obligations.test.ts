import { describe, expect, test } from "vitest";
import type { Jurisdiction } from "../tenant-settings.ts";
import { tenantSettings } from "../tenant-settings.ts";
import type { Tier } from "./contract-input.ts";
import { addDays, addMonths } from "./iso-dates.ts";
import {
  complianceScore,
  complianceSummary,
  deriveObligations,
  type Obligation,
  type ObligationContract,
  type ObligationKey,
  type ObligationSources,
  type ObligationStatus,
} from "./obligations.ts";

const today = "2025-06-15";
const settings = tenantSettings({}); // due soon within 30 days; RAG due by the 10th
const contract: ObligationContract = {
  tier: "high",
  contractManagerId: "0196f7a0-0000-7000-8000-000000000001",
  sroId: "0196f7a0-0000-7000-8000-000000000002",
  startDate: "2024-01-01",
  endDate: "2028-12-31",
  status: "active",
  lifecycleStage: "delivery",
  publicContract: true,
  totalValueMinor: null,
  lightTouch: false,
  kpiExemptionReason: null,
  deviation: null,
  jurisdiction: "ZA",
};
const allTiers: Tier[] = ["high", "medium", "low"];

/** The date a duty was last done so that, `months` later, it falls due `days` from today. */
const doneSoDueIn = (days: number, months: number) => addMonths(addDays(today, days), -months);

type Scenario = { contract?: Partial<ObligationContract>; sources: ObligationSources; today?: string };
type Case = {
  key: ObligationKey;
  /** The rule pack the duty belongs to; the table's contract is South African unless it says so. */
  jurisdiction?: Jurisdiction;
  appliesTo: Tier[];
  met: (tier: Tier) => Scenario;
  /** null when the duty has no "due soon" state. */
  dueSoon: ((tier: Tier) => Scenario) | null;
  /** null when the duty has no "overdue" state. */
  overdue: ((tier: Tier) => Scenario) | null;
};

const reviewMonths: Record<Tier, number> = { high: 3, medium: 6, low: 12 };
const planMonths: Record<Tier, number> = { high: 6, medium: 12, low: 12 };
const future = addDays(today, 5);
const past = addDays(today, -1);
/** The contract manager's training standing (issue 10 §6): one required course, current until `validUntil`. */
const trainedUntil = (validUntil: string | null) => ({
  required: 1,
  neverCompleted: [],
  lapsed: [],
  lapsedOn: null,
  validUntil,
});
const untrained = { ...trainedUntil(null), neverCompleted: ["Contract Management Foundation"] };
const recurringCase = (
  key: ObligationKey,
  appliesTo: Tier[],
  months: (tier: Tier) => number,
  sources: (lastDone: string) => ObligationSources,
): Case => ({
  key,
  appliesTo,
  met: (tier) => ({ sources: sources(doneSoDueIn(31, months(tier))) }),
  dueSoon: (tier) => ({ sources: sources(doneSoDueIn(30, months(tier))) }),
  overdue: (tier) => ({ sources: sources(doneSoDueIn(-1, months(tier))) }),
});

const cases: Case[] = [
  {
    key: "contract_manager_named",
    appliesTo: allTiers,
    met: () => ({ sources: {} }),
    dueSoon: () => ({ contract: { contractManagerId: null, startDate: future }, sources: {} }),
    overdue: () => ({ contract: { contractManagerId: null }, sources: {} }),
  },
  {
    key: "sro_named",
    appliesTo: allTiers,
    met: () => ({ sources: {} }),
    dueSoon: () => ({ contract: { sroId: null, startDate: future }, sources: {} }),
    overdue: () => ({ contract: { sroId: null }, sources: {} }),
  },
  {
    key: "tier_assessed",
    appliesTo: allTiers,
    met: () => ({ sources: {} }),
    dueSoon: () => ({ contract: { tier: null, startDate: future }, sources: {} }),
    overdue: () => ({ contract: { tier: null }, sources: {} }),
  },
  {
    key: "kickoff_meeting",
    appliesTo: allTiers,
    met: () => ({
      contract: { lifecycleStage: "mobilisation", startDate: future },
      sources: { kickoffMeetings: [{ heldOn: past }] },
    }),
    dueSoon: () => ({
      contract: { lifecycleStage: "mobilisation", startDate: future },
      sources: { kickoffMeetings: [] },
    }),
    // Started in the last three months and no kickoff held: overdue, whatever the stage.
    overdue: () => ({ contract: { startDate: past }, sources: { kickoffMeetings: [{ heldOn: future }] } }),
  },
  recurringCase(
    "review_meetings",
    allTiers,
    (tier) => reviewMonths[tier],
    (heldOn) => ({
      reviewMeetings: [{ heldOn: "2023-01-01" }, { heldOn }],
    }),
  ),
  {
    key: "management_plan",
    appliesTo: ["high", "medium"],
    met: () => ({ sources: { managementPlan: { createdOn: "2024-01-01", lastReviewedOn: null } } }),
    dueSoon: () => ({ contract: { startDate: future }, sources: { managementPlan: null } }),
    overdue: () => ({ sources: { managementPlan: null } }),
  },
  recurringCase(
    "management_plan_review",
    ["high", "medium"],
    (tier) => planMonths[tier],
    (lastReviewedOn) => ({
      managementPlan: { createdOn: "2023-01-01", lastReviewedOn },
    }),
  ),
  {
    key: "risk_register",
    appliesTo: ["high"],
    met: () => ({ sources: { risks: { count: 3, openReviewDates: [addDays(today, 31)] } } }),
    dueSoon: () => ({
      contract: { startDate: future },
      sources: { risks: { count: 0, openReviewDates: [] } },
    }),
    overdue: () => ({ sources: { risks: { count: 0, openReviewDates: [] } } }),
  },
  {
    key: "monthly_rag",
    appliesTo: allTiers,
    met: () => ({ sources: { ragStatuses: [{ month: "2025-05" }] } }),
    dueSoon: () => ({ today: "2025-06-10", sources: { ragStatuses: [{ month: "2025-04" }] } }),
    overdue: () => ({ today: "2025-06-11", sources: { ragStatuses: [{ month: "2025-04" }] } }),
  },
  recurringCase(
    "kpi_tracker",
    ["high"],
    () => 3,
    (measuredOn) => ({ kpiMeasurements: [{ measuredOn }] }),
  ),
  recurringCase(
    "supplier_monitoring_report",
    ["high"],
    () => 3,
    (receivedOn) => ({
      monitoringReports: [{ receivedOn }],
    }),
  ),
  {
    key: "variations_recorded",
    appliesTo: allTiers,
    met: () => ({
      sources: { changes: [{ status: "approved", valueDeltaMinor: 2_500_000, approvedByRole: "sro" }] },
    }),
    dueSoon: null,
    overdue: () => ({
      sources: { changes: [{ status: "approved", valueDeltaMinor: 2_500_001, approvedByRole: "sro" }] },
    }),
  },
  {
    key: "manager_training",
    appliesTo: allTiers,
    met: () => ({ sources: { training: trainedUntil(addDays(today, 31)) } }),
    dueSoon: () => ({ sources: { training: trainedUntil(addDays(today, 30)) } }),
    overdue: () => ({
      sources: {
        training: { ...trainedUntil(null), lapsed: ["Contract Management Foundation"], lapsedOn: past },
      },
    }),
  },
  {
    key: "za_monthly_monitoring",
    appliesTo: allTiers,
    met: () => ({ sources: { kpiMeasurements: [{ measuredOn: "2025-05-31" }] } }),
    dueSoon: () => ({ today: "2025-06-01", sources: { ragStatuses: [], kpiMeasurements: [] } }),
    overdue: () => ({ sources: { ragStatuses: [{ month: "2025-06" }] } }),
  },
  {
    // PA23 s.68(2): received 17 May → on time to 15 June (today); received 16 May → late today.
    key: "invoices_paid_on_time",
    jurisdiction: "GB-ENG",
    appliesTo: allTiers,
    met: () => ({ sources: { invoices: [{ receivedOn: "2025-05-01", paidOn: "2025-05-30" }] } }),
    dueSoon: () => ({ sources: { invoices: [{ receivedOn: "2025-05-17", paidOn: null }] } }),
    overdue: () => ({ sources: { invoices: [{ receivedOn: "2025-05-16", paidOn: null }] } }),
  },
  {
    // MFMA s.65(2)(e): received 16 May → on time to 15 June (today); received 15 May → late today.
    key: "za_invoices_paid_on_time",
    appliesTo: allTiers,
    met: () => ({ sources: { invoices: [{ receivedOn: "2025-05-01", paidOn: "2025-05-31" }] } }),
    dueSoon: () => ({ sources: { invoices: [{ receivedOn: "2025-05-16", paidOn: null }] } }),
    overdue: () => ({ sources: { invoices: [{ receivedOn: "2025-05-15", paidOn: null }] } }),
  },
  {
    // 004 §6, due with the termination notice: 30 days beginning with the end date.
    key: "close_out",
    appliesTo: allTiers,
    met: () => ({
      contract: { lifecycleStage: "closed", status: "expired", endDate: "2025-01-31" },
      sources: {},
    }),
    dueSoon: () => ({ contract: { status: "expired", endDate: "2025-05-17" }, sources: {} }),
    overdue: () => ({ contract: { status: "expired", endDate: "2025-05-16" }, sources: {} }),
  },
  {
    key: "za_deviation_reported",
    appliesTo: allTiers,
    met: () => ({
      contract: { deviation: { ground: "emergency", reportedOn: "2025-05-20" } },
      sources: {},
    }),
    dueSoon: () => ({
      contract: { deviation: { ground: "single_provider", reportedOn: null } },
      sources: {},
    }),
    overdue: null,
  },
  recurringCase(
    "za_council_report",
    allTiers,
    () => 3,
    (reportedOn) => ({ councilReports: [{ reportedOn }] }),
  ),
  recurringCase(
    "za_three_yearly_review",
    allTiers,
    () => 36,
    (reviewedOn) => ({
      contractReviews: [{ reviewedOn }],
    }),
  ),
];

function obligationFor(
  key: ObligationKey,
  tier: Tier,
  scenario: Scenario,
  jurisdiction: Jurisdiction = "ZA",
): Obligation | undefined {
  const facts = { ...contract, tier, jurisdiction, ...scenario.contract };
  return deriveObligations(facts, scenario.sources, scenario.today ?? today, settings).find(
    (o) => o.key === key,
  );
}

const rows = cases.flatMap((c) =>
  allTiers.flatMap((tier) =>
    (["met", "due_soon", "overdue"] as const).flatMap((wanted) => {
      const scenario = wanted === "met" ? c.met : wanted === "due_soon" ? c.dueSoon : c.overdue;
      if (scenario === null) return [];
      const expected: ObligationStatus = c.appliesTo.includes(tier) ? wanted : "not_applicable";
      return [{ key: c.key, tier, wanted, expected, scenario: scenario(tier), jurisdiction: c.jurisdiction }];
    }),
  ),
);

describe("deriveObligations: every obligation × tier × state (004 §5–6, PA23, MFMA, SCM reg 36)", () => {
  test.each(rows)(
    "$key, $tier tier, $wanted → $expected",
    ({ key, tier, expected, scenario, jurisdiction }) => {
      expect(obligationFor(key, tier, scenario, jurisdiction)?.status).toBe(expected);
    },
  );

  test("every obligation but the termination notice (not tracked yet, below) is in the table", () => {
    expect(new Set(cases.map((c) => c.key)).size).toBe(20);
  });
});

describe("deriveObligations: sources that do not exist yet are not yet tracked", () => {
  test("with no sources the register facts are assessed and the rest shown as not yet tracked", () => {
    const obligations = deriveObligations({ ...contract, jurisdiction: "GB-ENG" }, {}, today, settings);
    expect(obligations.filter((o) => o.status !== "not_tracked").map((o) => [o.key, o.status])).toEqual([
      ["contract_manager_named", "met"],
      ["sro_named", "met"],
      ["tier_assessed", "met"],
      ["kickoff_meeting", "not_applicable"],
      ["kpis_set", "not_applicable"],
      ["performance_notice", "not_applicable"],
      ["close_out", "not_applicable"],
    ]);
    expect(obligations.filter((o) => o.status === "not_tracked").map((o) => o.key)).toEqual([
      "review_meetings",
      "management_plan",
      "management_plan_review",
      "risk_register",
      "monthly_rag",
      "kpi_tracker",
      "supplier_monitoring_report",
      "variations_recorded",
      "manager_training",
      "invoices_paid_on_time",
      "termination_notice",
    ]);
    for (const obligation of obligations.filter((o) => o.status === "not_tracked")) {
      expect(obligation.detail).toMatch(/^Not yet tracked here\. /);
    }
  });

  test("the High-tier contract with nothing recorded scores only what is tracked, and says over how much", () => {
    const obligations = deriveObligations(
      { ...contract, jurisdiction: "GB-ENG", sroId: null },
      { changes: [], invoices: [] },
      today,
      settings,
    );
    expect(complianceSummary(obligations)).toEqual({ score: 66, tracked: 3, owed: 12, overdue: 1 });
  });

  test("a duty that does not apply to the tier is not applicable, not untracked", () => {
    const low = deriveObligations({ ...contract, tier: "low" }, {}, today, settings);
    expect(low.find((o) => o.key === "risk_register")?.status).toBe("not_applicable");
    expect(low.find((o) => o.key === "management_plan")?.status).toBe("not_applicable");
  });

  test("an empty list counts as nothing recorded", () => {
    const [meetings] = deriveObligations(contract, { reviewMeetings: [] }, today, settings).filter(
      (o) => o.key === "review_meetings",
    );
    expect(meetings).toMatchObject({ status: "overdue", dueDate: "2024-04-01", source: "004 §5" });
  });

  test.each([
    { jurisdiction: "GB-ENG", expected: [] },
    {
      jurisdiction: "ZA",
      expected: [
        "za_invoices_paid_on_time",
        "za_deviation_reported",
        "za_monthly_monitoring",
        "za_council_report",
        "za_three_yearly_review",
      ],
    },
  ] as const)("the ZA rule pack applies only to $jurisdiction tenants", ({ jurisdiction, expected }) => {
    const sources = { ragStatuses: [], councilReports: [], contractReviews: [] };
    const keys = deriveObligations({ ...contract, jurisdiction }, sources, today, settings).map((o) => o.key);
    expect(keys.filter((key) => key.startsWith("za_"))).toEqual(expected);
  });

  test.each([
    { jurisdiction: "GB-ENG", expected: ["invoices_paid_on_time", "termination_notice"] },
    { jurisdiction: "ZA", expected: [] },
  ] as const)("the PA23 duties apply only to $jurisdiction tenants", ({ jurisdiction, expected }) => {
    const keys = deriveObligations({ ...contract, jurisdiction }, {}, today, settings).map((o) => o.key);
    expect(keys.filter((key) => key === "invoices_paid_on_time" || key === "termination_notice")).toEqual(
      expected,
    );
  });
});

describe("performance_notice (PA23 s.71: a Contract Performance Notice at least every 12 months)", () => {
  const england = { ...contract, jurisdiction: "GB-ENG" as const, totalValueMinor: 500_000_001 };
  const noticeDuty = (facts: Partial<ObligationContract>, sources: ObligationSources) =>
    deriveObligations({ ...england, ...facts }, sources, today, settings).find(
      (o) => o.key === "performance_notice",
    );
  const published = (publishedOn: string) => [{ kind: "contract_performance" as const, publishedOn }];

  test.each([
    // Started 2024-01-01, none published: the first was due 12 months on.
    { facts: {}, notices: [], status: "overdue", dueDate: "2025-01-01" },
    { facts: {}, notices: published("2024-12-01"), status: "met", dueDate: "2025-12-01" },
    { facts: {}, notices: published("2024-07-01"), status: "due_soon", dueDate: "2025-07-01" },
    // A termination notice is not a performance notice.
    {
      facts: {},
      notices: [{ kind: "contract_termination" as const, publishedOn: "2025-06-01" }],
      status: "overdue",
      dueDate: "2025-01-01",
    },
    // Where s.52 does not apply, neither does s.71.
    { facts: { totalValueMinor: 500_000_000 }, notices: [], status: "not_applicable", dueDate: null },
    { facts: { lightTouch: true }, notices: [], status: "not_applicable", dueDate: null },
    {
      facts: { kpiExemptionReason: "A one-off delivery" },
      notices: [],
      status: "not_applicable",
      dueDate: null,
    },
  ] as const)("$facts with $notices → $status by $dueDate", ({ facts, notices, status, dueDate }) => {
    expect(noticeDuty(facts, { notices: [...notices] })).toMatchObject({
      status,
      dueDate,
      source: "PA23 s.71",
    });
  });

  test("is not tracked without the notices, and is England's only", () => {
    expect(noticeDuty({}, {})?.status).toBe("not_tracked");
    const za = deriveObligations({ ...england, jurisdiction: "ZA" }, { notices: [] }, today, settings);
    expect(za.some((o) => o.key === "performance_notice")).toBe(false);
  });
});

describe("kpis_set (PA23 s.52(1): at least three KPIs for a public contract over £5m)", () => {
  const england = { ...contract, jurisdiction: "GB-ENG" as const, totalValueMinor: 500_000_001 };
  const kpisSet = (facts: Partial<ObligationContract>, sources: ObligationSources, day = today) =>
    deriveObligations({ ...england, ...facts }, sources, day, settings).find((o) => o.key === "kpis_set");

  test.each([
    { facts: {}, count: 3, status: "met", detail: "3 KPIs set." },
    { facts: {}, count: 2, status: "overdue" },
    { facts: { startDate: future }, count: 0, status: "due_soon" },
    { facts: { totalValueMinor: 500_000_000 }, count: 0, status: "not_applicable" },
    { facts: { totalValueMinor: null }, count: 0, status: "not_applicable" },
    { facts: { publicContract: false }, count: 0, status: "not_applicable" },
    { facts: { lightTouch: true }, count: 0, status: "not_applicable" },
    {
      facts: { kpiExemptionReason: "A one-off delivery of gritting salt" },
      count: 0,
      status: "not_applicable",
      detail:
        "The council considers KPIs could not appropriately assess this supplier's performance: A one-off delivery of gritting salt",
    },
  ] as const)("$facts with $count KPIs → $status", ({ facts, count, status, ...rest }) => {
    const obligation = kpisSet(facts, { kpis: { count } });
    expect(obligation).toMatchObject({ status, source: "PA23 s.52" });
    if ("detail" in rest) expect(obligation?.detail).toBe(rest.detail);
  });

  test("says how many are set when short, and is not tracked without the source; England only", () => {
    expect(kpisSet({}, { kpis: { count: 1 } })?.detail).toMatch(/^Set at least three KPIs \(1 KPI so far\)/);
    expect(kpisSet({}, {})?.status).toBe("not_tracked");
    const za = deriveObligations({ ...england, jurisdiction: "ZA" }, { kpis: { count: 0 } }, today, settings);
    expect(za.some((o) => o.key === "kpis_set")).toBe(false);
  });
});

describe("deriveObligations: not applicable and edge cases", () => {
  const everySource: ObligationSources = {
    kickoffMeetings: [],
    reviewMeetings: [],
    managementPlan: null,
    risks: { count: 0, openReviewDates: [] },
    ragStatuses: [],
    kpiMeasurements: [],
    kpis: { count: 0 },
    monitoringReports: [],
    changes: [{ status: "approved", valueDeltaMinor: 1, approvedByRole: null }],
    training: untrained,
    councilReports: [],
    contractReviews: [],
    notices: [],
  };

  test.each([
    {
      status: "expired",
      jurisdiction: "ZA",
      owed: ["variations_recorded", "za_invoices_paid_on_time", "close_out", "za_deviation_reported"],
    },
    {
      status: "terminated",
      jurisdiction: "ZA",
      owed: ["variations_recorded", "za_invoices_paid_on_time", "close_out", "za_deviation_reported"],
    },
    {
      status: "expired",
      jurisdiction: "GB-ENG",
      owed: ["variations_recorded", "invoices_paid_on_time", "close_out", "termination_notice"],
    },
    {
      status: "terminated",
      jurisdiction: "GB-ENG",
      owed: ["variations_recorded", "invoices_paid_on_time", "close_out", "termination_notice"],
    },
  ] as const)(
    "a $status $jurisdiction contract still owes what continues after the end",
    ({ status, jurisdiction, owed }) => {
      const obligations = deriveObligations(
        {
          ...contract,
          status,
          jurisdiction,
          endDate: "2025-06-01",
          deviation: { ground: "emergency", reportedOn: null },
        },
        { ...everySource, invoices: [{ receivedOn: "2025-05-01", paidOn: null }] },
        today,
        settings,
      );
      expect(obligations).toHaveLength(jurisdiction === "ZA" ? 19 : 18);
      expect(
        obligations
          .filter((o) => o.status !== "not_applicable")
          .map((o) => o.key)
          .sort(),
      ).toEqual([...owed].sort());
      expect(obligations.find((o) => o.key === "close_out")).toMatchObject({
        status: "due_soon",
        dueDate: "2025-06-30",
      });
    },
  );

  test.each([
    // PA23 s.80: 30 days beginning with the day the contract ends.
    { endDate: "2025-06-01", dueDate: "2025-06-30" },
    { endDate: "2025-01-31", dueDate: "2025-03-01" },
    { endDate: "2024-02-01", dueDate: "2024-03-01" },
  ])("a public contract ending $endDate owes its termination notice by $dueDate", ({ endDate, dueDate }) => {
    const [notice] = deriveObligations(
      { ...contract, jurisdiction: "GB-ENG", status: "expired", endDate },
      {},
      today,
      settings,
    ).filter((o) => o.key === "termination_notice");
    expect(notice).toMatchObject({ status: "not_tracked", dueDate, source: "PA23 s.80" });
  });

  test.each([
    // Ended 2025-06-01: due by 2025-06-30; today is 2025-06-15.
    { endDate: "2025-06-01", notices: [], status: "due_soon", dueDate: "2025-06-30" },
    { endDate: "2025-05-01", notices: [], status: "overdue", dueDate: "2025-05-30" },
    // Ends in the future: owed by 29 days after it, not due soon yet.
    { endDate: "2025-08-01", notices: [], status: "met", dueDate: "2025-08-30" },
    {
      endDate: "2025-05-01",
      notices: [{ kind: "contract_termination" as const, publishedOn: "2025-05-20" }],
      status: "met",
      dueDate: null,
    },
    {
      endDate: "2025-05-01",
      notices: [{ kind: "contract_performance" as const, publishedOn: "2025-05-20" }],
      status: "overdue",
      dueDate: "2025-05-30",
    },
  ] as const)(
    "a public contract ending $endDate with $notices recorded: $status by $dueDate",
    ({ endDate, notices, status, dueDate }) => {
      const [notice] = deriveObligations(
        { ...contract, jurisdiction: "GB-ENG", status: "expired", endDate },
        { notices: [...notices] },
        today,
        settings,
      ).filter((o) => o.key === "termination_notice");
      expect(notice).toMatchObject({ status, dueDate, source: "PA23 s.80" });
      if (status === "met" && dueDate === null) expect(notice?.detail).toMatch(/published on 2025-05-20/);
    },
  );

  test("a contract below the threshold owes no termination notice", () => {
    const [notice] = deriveObligations(
      { ...contract, jurisdiction: "GB-ENG", status: "expired", publicContract: false },
      {},
      today,
      settings,
    ).filter((o) => o.key === "termination_notice");
    expect(notice?.status).toBe("not_applicable");
  });

  test.each<{
    name: string;
    key: ObligationKey;
    facts?: Partial<ObligationContract>;
    sources: ObligationSources;
    expected: Partial<Obligation>;
  }>([
    {
      name: "an unassessed contract meets the supplier at least yearly",
      key: "review_meetings",
      facts: { tier: null },
      sources: { reviewMeetings: [{ heldOn: "2024-09-01" }] },
      expected: { status: "met", dueDate: "2025-09-01" },
    },
    {
      name: "meetings dated after today are plans and do not count",
      key: "review_meetings",
      sources: { reviewMeetings: [{ heldOn: "2025-03-20" }, { heldOn: "2025-07-01" }] },
      expected: { status: "due_soon", dueDate: "2025-06-20" },
    },
    {
      name: "no meeting and no start date is overdue with no due date",
      key: "review_meetings",
      facts: { startDate: null },
      sources: { reviewMeetings: [] },
      expected: { status: "overdue", dueDate: null },
    },
    {
      name: "an unassessed contract needs no plan yet",
      key: "management_plan",
      facts: { tier: null },
      sources: { managementPlan: null },
      expected: { status: "not_applicable" },
    },
    {
      name: "a plan never reviewed counts from when it was created",
      key: "management_plan_review",
      sources: { managementPlan: { createdOn: "2025-01-10", lastReviewedOn: null } },
      expected: { status: "due_soon", dueDate: "2025-07-10" },
    },
    {
      name: "with no plan, its review is not yet owed",
      key: "management_plan_review",
      sources: { managementPlan: null },
      expected: { status: "not_applicable" },
    },
    {
      name: "RAG for a contract that starts this month is first due next month",
      key: "monthly_rag",
      facts: { startDate: "2025-06-02" },
      sources: { ragStatuses: [] },
      expected: { status: "met", dueDate: "2025-07-10" },
    },
    {
      name: "RAG met for last month is next due on the 10th of next month",
      key: "monthly_rag",
      sources: { ragStatuses: [{ month: "2025-05" }] },
      expected: { status: "met", dueDate: "2025-07-10" },
    },
    {
      name: "RAG missing for last month is due on the 10th",
      key: "monthly_rag",
      sources: { ragStatuses: [] },
      expected: { status: "overdue", dueDate: "2025-06-10" },
    },
    {
      name: "ZA monitoring is met by last month's RAG status",
      key: "za_monthly_monitoring",
      sources: { ragStatuses: [{ month: "2025-05" }] },
      expected: { status: "met" },
    },
    {
      name: "training is not assessed without a contract manager",
      key: "manager_training",
      facts: { contractManagerId: null },
      sources: { training: untrained },
      expected: { status: "not_applicable" },
    },
    {
      name: "training never completed is overdue once the contract has started",
      key: "manager_training",
      sources: { training: untrained },
      expected: { status: "overdue", dueDate: "2024-01-01" },
    },
    {
      name: "a change approved by nobody is outside the scheme of delegation",
      key: "variations_recorded",
      sources: { changes: [{ status: "approved", valueDeltaMinor: 1, approvedByRole: null }] },
      expected: {
        status: "overdue",
        detail:
          "1 change was approved outside the scheme of delegation. Have it ratified by the right approver.",
      },
    },
    {
      name: "requested and rejected changes owe nothing",
      key: "variations_recorded",
      sources: {
        changes: [
          { status: "requested", valueDeltaMinor: 1, approvedByRole: null },
          { status: "rejected", valueDeltaMinor: 1, approvedByRole: null },
        ],
      },
      expected: { status: "not_applicable" },
    },
    {
      name: "the admin may approve any change",
      key: "variations_recorded",
      sources: { changes: [{ status: "approved", valueDeltaMinor: 999_999_999, approvedByRole: "admin" }] },
      expected: { status: "met" },
    },
    {
      name: "a contract of exactly three years needs no three-yearly review",
      key: "za_three_yearly_review",
      facts: { startDate: "2024-01-01", endDate: "2027-01-01" },
      sources: { contractReviews: [] },
      expected: { status: "not_applicable" },
    },
    {
      name: "a contract of three years and a day is reviewed three years after it starts",
      key: "za_three_yearly_review",
      facts: { startDate: "2024-01-01", endDate: "2027-01-02" },
      sources: { contractReviews: [] },
      expected: { status: "met", dueDate: "2027-01-01" },
    },
    {
      name: "close-out is not yet owed 31 days before the end",
      key: "close_out",
      facts: { endDate: "2025-07-16" },
      sources: {},
      expected: { status: "not_applicable", dueDate: "2025-08-14" },
    },
    {
      name: "close-out is due 30 days before the end",
      key: "close_out",
      facts: { endDate: "2025-07-15" },
      sources: {},
      expected: { status: "due_soon", dueDate: "2025-08-13" },
    },
    {
      name: "a close-out under way says how far it has got",
      key: "close_out",
      facts: { endDate: "2025-06-01" },
      sources: { closeOut: { items: 9, itemsDone: 4, evaluationWritten: false } },
      expected: {
        status: "due_soon",
        dueDate: "2025-06-30",
        detail:
          "Close-out started: 4 of 9 checklist items done, final evaluation to write. Complete it on the Close-out tab, which closes the contract.",
      },
    },
    {
      name: "a close-out not completed within 30 days of the end is overdue, however far it has got",
      key: "close_out",
      facts: { endDate: "2025-05-01" },
      sources: { closeOut: { items: 9, itemsDone: 9, evaluationWritten: true } },
      expected: { status: "overdue", dueDate: "2025-05-30" },
    },
    {
      name: "close-out needs an end date",
      key: "close_out",
      facts: { endDate: null },
      sources: {},
      expected: { status: "not_applicable", dueDate: null },
    },
    {
      name: "no deviation, nothing to report",
      key: "za_deviation_reported",
      sources: {},
      expected: { status: "not_applicable" },
    },
    {
      name: "an invoice paid a day late counts against the contract",
      key: "za_invoices_paid_on_time",
      sources: { invoices: [{ receivedOn: "2025-05-01", paidOn: "2025-06-01" }] },
      expected: {
        status: "overdue",
        detail: expect.stringMatching(/^1 invoice paid late in the last six months/),
      },
    },
    {
      name: "an invoice paid late more than six months ago no longer does",
      key: "za_invoices_paid_on_time",
      sources: { invoices: [{ receivedOn: "2024-11-01", paidOn: "2024-12-14" }] },
      expected: { status: "met" },
    },
    {
      name: "an invoice paid late six months ago to the day still does",
      key: "za_invoices_paid_on_time",
      sources: { invoices: [{ receivedOn: "2024-11-01", paidOn: "2024-12-15" }] },
      expected: { status: "overdue" },
    },
    {
      name: "a disputed invoice unpaid for months is not late",
      key: "za_invoices_paid_on_time",
      sources: { invoices: [{ receivedOn: "2025-01-01", paidOn: null, disputedOn: "2025-01-10" }] },
      expected: { status: "met" },
    },
    {
      name: "no invoices, nothing to pay",
      key: "za_invoices_paid_on_time",
      sources: { invoices: [] },
      expected: { status: "not_applicable" },
    },
    {
      name: "an unpaid invoice due after the due-soon window",
      key: "za_invoices_paid_on_time",
      sources: { invoices: [{ receivedOn: "2025-06-16", paidOn: null }] },
      expected: { status: "met", dueDate: "2025-07-16" },
    },
  ])("$name", ({ key, facts, sources, expected }) => {
    const found = deriveObligations({ ...contract, ...facts }, sources, today, settings).find(
      (o) => o.key === key,
    );
    expect(found).toMatchObject(expected);
  });

  test("the RAG due day is a tenant setting", () => {
    const [rag] = deriveObligations(contract, { ragStatuses: [] }, "2025-06-12", {
      ...settings,
      ragDueDay: 15,
    }).filter((o) => o.key === "monthly_rag");
    expect(rag).toMatchObject({ status: "due_soon", dueDate: "2025-06-15" });
  });
});

describe("complianceScore", () => {
  const obligation = (status: ObligationStatus): Obligation => ({
    key: "sro_named",
    title: "Senior Responsible Officer named",
    source: "004 §5",
    status,
    dueDate: null,
    detail: "",
  });
  test.each<{ statuses: ObligationStatus[]; score: number | null }>([
    { statuses: [], score: 100 },
    { statuses: ["not_applicable", "not_applicable"], score: 100 },
    { statuses: ["met", "met"], score: 100 },
    { statuses: ["met", "due_soon"], score: 100 },
    { statuses: ["met", "overdue"], score: 50 },
    { statuses: ["met", "met", "overdue", "not_applicable"], score: 66 },
    { statuses: ["overdue"], score: 0 },
    { statuses: [...Array<ObligationStatus>(199).fill("met"), "overdue"], score: 99 },
    { statuses: ["not_tracked", "not_tracked"], score: null },
    { statuses: ["met", "not_tracked", "not_tracked"], score: 100 },
    { statuses: ["met", "overdue", "not_tracked", "not_applicable"], score: 50 },
  ])("$statuses → $score", ({ statuses, score }) => {
    expect(complianceScore(statuses.map(obligation))).toBe(score);
  });

  test.each<{ statuses: ObligationStatus[]; tracked: number; owed: number }>([
    { statuses: [], tracked: 0, owed: 0 },
    { statuses: ["met", "due_soon", "overdue", "not_tracked", "not_applicable"], tracked: 3, owed: 4 },
  ])("$statuses: $tracked of $owed tracked", ({ statuses, tracked, owed }) => {
    expect(complianceSummary(statuses.map(obligation))).toMatchObject({ tracked, owed });
  });
});

describe("deriveObligations: the kickoff meeting and the risk register's reviews", () => {
  const kickoff = (facts: Partial<ObligationContract>, sources: ObligationSources) =>
    deriveObligations({ ...contract, ...facts }, sources, today, settings).find(
      (o) => o.key === "kickoff_meeting",
    );

  test.each([
    // 004 §6: owed during handover and mobilisation, and by a contract started in the last three months.
    [{ lifecycleStage: "handover", startDate: "2020-01-01" }, "overdue"],
    [{ lifecycleStage: "delivery", startDate: addMonths(today, -3) }, "overdue"],
    [{ lifecycleStage: "delivery", startDate: addDays(addMonths(today, -3), -1) }, "not_applicable"],
    [{ lifecycleStage: "mobilisation", startDate: null }, "due_soon"],
    [{ lifecycleStage: "delivery", startDate: null }, "not_applicable"],
  ] as const)("%j with no kickoff held → %s", (facts, status) => {
    expect(kickoff(facts, { kickoffMeetings: [] })?.status).toBe(status);
  });

  test("a kickoff held is met, with the day it was held", () => {
    expect(
      kickoff({ lifecycleStage: "mobilisation" }, { kickoffMeetings: [{ heldOn: "2025-06-01" }] }),
    ).toMatchObject({ status: "met", dueDate: "2025-06-01" });
  });

  const register = (openReviewDates: string[]) =>
    deriveObligations(contract, { risks: { count: 4, openReviewDates } }, today, settings).find(
      (o) => o.key === "risk_register",
    );

  test.each([
    [[], "met", null],
    [[addDays(today, 31)], "met", addDays(today, 31)],
    [[addDays(today, 40), addDays(today, 10)], "due_soon", addDays(today, 10)],
    [[today], "due_soon", today],
    [[past, addDays(today, 40)], "overdue", past],
  ] as const)("open risks reviewed on %j → %s, due %s", (dates, status, dueDate) => {
    expect(register([...dates])).toMatchObject({ status, dueDate });
  });

  test("says how many risks are past their review date", () => {
    expect(register([past, addDays(today, -10)])?.detail).toBe(
      "2 risks are past their review date: review them with the supplier.",
    );
  });
});
