import { describe, expect, it } from "vitest";
import { improvementPlanProgress, openImprovementPlanInput } from "./improvement-plans.ts";
import { isActionOverdue } from "./meetings.ts";

describe("isActionOverdue (004 §9 action log)", () => {
  it.each([
    ["open", "2026-03-09", "2026-03-10", true],
    ["open", "2026-03-10", "2026-03-10", false], // due today is not yet overdue
    ["open", "2026-03-11", "2026-03-10", false],
    ["done", "2026-01-01", "2026-03-10", false],
    ["cancelled", "2026-01-01", "2026-03-10", false],
  ] as const)("%s, due %s, on %s: overdue %s", (status, dueOn, today, overdue) => {
    expect(isActionOverdue({ status, dueOn }, today)).toBe(overdue);
  });
});

describe("improvementPlanProgress", () => {
  it.each([
    [[], { done: 0, open: 0, overdue: 0, total: 0 }],
    [
      [
        { status: "done", dueOn: "2026-01-01" },
        { status: "open", dueOn: "2026-02-01" },
        { status: "open", dueOn: "2026-04-01" },
        { status: "cancelled", dueOn: "2026-01-01" },
      ],
      { done: 1, open: 2, overdue: 1, total: 3 },
    ],
  ] as const)("items %j → %j", (items, progress) => {
    expect(improvementPlanProgress(items, "2026-03-10")).toEqual(progress);
  });
});

describe("openImprovementPlanInput", () => {
  const base = { contractId: "01890000-0000-7000-8000-000000000000", title: "Plan", reason: "Failing" };
  it.each([
    [{ trigger: "red_month" }, { triggerMonth: "Name the Red month." }],
    [
      { trigger: "red_month", triggerMonth: "2026-10-02" },
      { triggerMonth: "Give the month as its first day (YYYY-MM-01)." },
    ],
    [{ trigger: "inadequate_kpi" }, { triggerKpiId: "Name the Inadequate KPI." }],
    [{ trigger: "other" }, {}],
    [{ trigger: "red_month", triggerMonth: "2026-10-01" }, {}],
  ])("%j → %j", (trigger, problems) => {
    const result = openImprovementPlanInput.safeParse({ ...base, ...trigger });
    const found = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(found).toEqual(problems);
  });
});
