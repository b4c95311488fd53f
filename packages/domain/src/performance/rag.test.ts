import { describe, expect, test } from "vitest";
import type { Role } from "../roles.ts";
import {
  kpiRatingsForMonth,
  monthInput,
  periodCoversMonth,
  type RagFacts,
  ragDueMonth,
  ragEntryInput,
  ragMonthProblem,
  ragSetterProblem,
  ragStripMonths,
  suggestRag,
  worseRag,
} from "./rag.ts";

const none: RagFacts = { kpis: [], overdueObligations: [], improvementPlans: [] };
const kpi = (name: string, rating: RagFacts["kpis"][number]["rating"]) => ({ name, rating });

describe("suggestRag (004 §12.3, §5; PR24 reg 39(5))", () => {
  test.each<{ case: string; facts: RagFacts; status: string; reasons: string[] }>([
    {
      case: "nothing recorded",
      facts: none,
      status: "green",
      reasons: ["No KPIs are recorded, no obligation is overdue and no improvement plan is open."],
    },
    {
      case: "every KPI good",
      facts: { ...none, kpis: [kpi("Missed bins", "good"), kpi("Repairs on time", "good")] },
      status: "green",
      reasons: [
        "2 KPIs of 2 rated Good, none below Approaching target; no obligation overdue and no improvement plan open.",
      ],
    },
    {
      case: "approaching target stays green, named",
      facts: { ...none, kpis: [kpi("Missed bins", "good"), kpi("Repairs on time", "approaching_target")] },
      status: "green",
      reasons: [
        "1 KPI of 2 rated Good, none below Approaching target; no obligation overdue and no improvement plan open.",
        "1 KPI approaching target: Repairs on time.",
      ],
    },
    {
      case: "requires improvement is amber",
      facts: { ...none, kpis: [kpi("Missed bins", "requires_improvement"), kpi("Calls", "good")] },
      status: "amber",
      reasons: ["1 KPI rated Requires improvement: Missed bins."],
    },
    {
      case: "inadequate is red, worst first",
      facts: {
        ...none,
        kpis: [
          kpi("Missed bins", "inadequate"),
          kpi("Calls", "requires_improvement"),
          kpi("Repairs", "approaching_target"),
        ],
      },
      status: "red",
      reasons: [
        "1 KPI rated Inadequate: Missed bins.",
        "1 KPI rated Requires improvement: Calls.",
        "1 KPI approaching target: Repairs.",
      ],
    },
    {
      case: "an overdue obligation is amber",
      facts: {
        ...none,
        kpis: [kpi("Calls", "good")],
        overdueObligations: [{ title: "Contract review meetings" }, { title: "Joint risk register" }],
      },
      status: "amber",
      reasons: ["2 obligations overdue: Contract review meetings, Joint risk register."],
    },
    {
      case: "an open improvement plan is amber",
      facts: { ...none, improvementPlans: [{ title: "Recover collections", status: "open" }] },
      status: "amber",
      reasons: ["1 improvement plan open: Recover collections."],
    },
    {
      case: "an escalated improvement plan is red",
      facts: { ...none, improvementPlans: [{ title: "Recover collections", status: "escalated" }] },
      status: "red",
      reasons: ["1 improvement plan escalated to the SRO: Recover collections."],
    },
    {
      case: "KPIs with no measurement at all is amber",
      facts: { ...none, kpis: [kpi("Missed bins", null), kpi("Calls", null)] },
      status: "amber",
      reasons: ["No KPI has a measurement for the month (2 KPIs): ask for the supplier's return."],
    },
    {
      case: "some KPIs unmeasured or rated Other are noted only",
      facts: { ...none, kpis: [kpi("Missed bins", "good"), kpi("Calls", null), kpi("Repairs", "other")] },
      status: "green",
      reasons: [
        "1 KPI of 3 rated Good, none below Approaching target; no obligation overdue and no improvement plan open.",
        "No measurement for the month: Calls.",
        "1 KPI rated Other (not enough data): Repairs.",
      ],
    },
    {
      case: "every kind at once",
      facts: {
        kpis: [kpi("A", "inadequate"), kpi("B", "inadequate"), kpi("C", "requires_improvement")],
        overdueObligations: [{ title: "Monthly RAG status" }],
        improvementPlans: [
          { title: "Plan 1", status: "escalated" },
          { title: "Plan 2", status: "open" },
        ],
      },
      status: "red",
      reasons: [
        "2 KPIs rated Inadequate: A, B.",
        "1 improvement plan escalated to the SRO: Plan 1.",
        "1 KPI rated Requires improvement: C.",
        "1 improvement plan open: Plan 2.",
        "1 obligation overdue: Monthly RAG status.",
      ],
    },
  ])("$case → $status", ({ facts, status, reasons }) => {
    expect(suggestRag(facts)).toEqual({ status, reasons });
  });
});

describe("worseRag", () => {
  test.each([
    ["green", "green", "green"],
    ["green", "amber", "amber"],
    ["red", "amber", "red"],
    ["amber", "red", "red"],
  ] as const)("%s, %s → %s", (a, b, worse) => {
    expect(worseRag(a, b)).toBe(worse);
  });
});

describe("periodCoversMonth and kpiRatingsForMonth", () => {
  test.each([
    { start: "2026-01-01", frequency: "monthly", month: "2026-01-01", covers: true },
    { start: "2026-01-01", frequency: "monthly", month: "2026-02-01", covers: false },
    { start: "2026-01-01", frequency: "quarterly", month: "2026-03-01", covers: true },
    { start: "2026-01-01", frequency: "quarterly", month: "2026-04-01", covers: false },
    { start: "2026-02-01", frequency: "quarterly", month: "2026-01-01", covers: false },
    { start: "2025-04-01", frequency: "annually", month: "2026-03-01", covers: true },
    { start: "2025-07-01", frequency: "six_monthly", month: "2026-01-01", covers: false },
  ] as const)("$frequency from $start covers $month: $covers", ({ start, frequency, month, covers }) => {
    expect(periodCoversMonth(start, frequency, month)).toBe(covers);
  });

  test("each KPI takes the measurement covering the month, or none", () => {
    const kpis = [
      { id: "k1", name: "Missed bins", frequency: "monthly" as const },
      { id: "k2", name: "Satisfaction", frequency: "quarterly" as const },
      { id: "k3", name: "Calls", frequency: "monthly" as const },
    ];
    const measurements = [
      { kpiId: "k1", periodStart: "2026-02-01", rating: "inadequate" as const },
      { kpiId: "k1", periodStart: "2026-03-01", rating: "good" as const },
      { kpiId: "k2", periodStart: "2026-01-01", rating: "requires_improvement" as const },
      { kpiId: "k3", periodStart: "2026-02-01", rating: "good" as const },
    ];
    expect(kpiRatingsForMonth(kpis, measurements, "2026-03-01")).toEqual([
      { name: "Missed bins", rating: "good" },
      { name: "Satisfaction", rating: "requires_improvement" },
      { name: "Calls", rating: null },
    ]);
  });
});

describe("months", () => {
  test("the due month is last month", () => {
    expect(ragDueMonth("2026-03-15")).toBe("2026-02-01");
    expect(ragDueMonth("2026-01-01")).toBe("2025-12-01");
  });

  test("the strip runs to the month, oldest first, from the start", () => {
    expect(ragStripMonths("2026-03-01", 4, null)).toEqual([
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
    expect(ragStripMonths("2026-03-01", 4, "2026-01-20")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
  });

  test.each([
    {
      month: "2026-04-01",
      start: null,
      problem: "Choose this month or an earlier one: this month has not begun.",
    },
    { month: "2026-03-01", start: null, problem: null },
    {
      month: "2025-12-01",
      start: "2026-01-10",
      problem: "Choose a month from the contract's start onwards.",
    },
    { month: "2026-01-01", start: "2026-01-10", problem: null },
  ])("$month, start $start: $problem", ({ month, start, problem }) => {
    expect(ragMonthProblem(month, "2026-03-15", start)).toBe(problem);
  });
});

describe("ragEntryInput", () => {
  test("green needs no commentary", () => {
    expect(ragEntryInput.parse({ status: "green" })).toEqual({ status: "green", commentary: null });
  });

  test.each(["amber", "red"])("%s needs commentary, on the field", (status) => {
    const result = ragEntryInput.safeParse({ status, commentary: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["commentary", "Say what is wrong and what is being done: Amber and Red need commentary (004 §12.3)."],
    ]);
  });

  test("a status outside the three is refused", () => {
    expect(ragEntryInput.safeParse({ status: "blue" }).error?.issues[0]?.message).toBe(
      "Choose Green, Amber or Red.",
    );
  });
});

describe("monthInput", () => {
  test("a month becomes its first day", () => {
    expect(monthInput.parse("2026-02")).toBe("2026-02-01");
  });

  test.each(["2026-13", "2026-2", "26-02", "2026-02-01", "", "1800-01"])("refuses %j", (month) => {
    expect(monthInput.safeParse(month).success).toBe(false);
  });
});

describe("ragSetterProblem (004 §12.3, §8.3)", () => {
  type Owners = { contractManagerId: string | null; sroId: string | null };
  const contract: Owners = { contractManagerId: "manager", sroId: "sro" };
  test.each<{ case: string; role: Role; userId: string; on?: Owners; allowed: boolean }>([
    { case: "the contract's own manager", role: "contract_manager", userId: "manager", allowed: true },
    { case: "its SRO", role: "sro", userId: "sro", allowed: true },
    { case: "a council admin of another contract", role: "admin", userId: "someone", allowed: true },
    { case: "another contract manager", role: "contract_manager", userId: "other", allowed: false },
    { case: "another SRO", role: "sro", userId: "other", allowed: false },
    { case: "a viewer named as the contract's manager", role: "viewer", userId: "manager", allowed: false },
    { case: "the manager named as SRO elsewhere", role: "sro", userId: "manager", allowed: true },
    {
      case: "no manager: a contract manager may not",
      role: "contract_manager",
      userId: "other",
      on: { contractManagerId: null, sroId: "sro" },
      allowed: false,
    },
    {
      case: "no manager: its SRO may",
      role: "sro",
      userId: "sro",
      on: { contractManagerId: null, sroId: "sro" },
      allowed: true,
    },
  ])("$case", ({ role, userId, on, allowed }) => {
    const problem = ragSetterProblem({ role, userId }, on ?? contract);
    expect(problem === null).toBe(allowed);
  });

  test("the refusal says who can set it", () => {
    expect(ragSetterProblem({ role: "sro", userId: "x" }, contract)).toBe(
      "Only this contract's manager, its SRO or a council admin can set its RAG status (004 §12.3).",
    );
    expect(ragSetterProblem({ role: "sro", userId: "x" }, { contractManagerId: null, sroId: null })).toBe(
      "Only this contract's SRO or a council admin can set its RAG status until it has a contract manager.",
    );
  });
});
