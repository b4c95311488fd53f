import { describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  managementPlanInput,
  monitoringAssessmentInput,
  monitoringReportInput,
  planNextReviewOn,
  planReviewDateProblem,
} from "./plans.ts";

/** The first message for each field a schema refuses, keyed by its path; empty when it accepts the value. */
function refusalMessages(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  const messages: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) messages[issue.path.join(".")] ??= issue.message;
  return messages;
}

describe("planNextReviewOn (004 §5: High at least every six months, Medium at least annually)", () => {
  test.each([
    { tier: "high", last: null, agreed: "2025-04-01", next: "2025-10-01" },
    { tier: "high", last: "2025-09-15", agreed: "2025-04-01", next: "2026-03-15" },
    { tier: "medium", last: null, agreed: "2025-04-01", next: "2026-04-01" },
    { tier: "medium", last: "2026-01-31", agreed: "2025-04-01", next: "2027-01-31" },
    // Month ends: six months after 31 August is the last day of February.
    { tier: "high", last: "2025-08-31", agreed: "2025-04-01", next: "2026-02-28" },
    { tier: "low", last: null, agreed: "2025-04-01", next: null },
    { tier: null, last: null, agreed: "2025-04-01", next: null },
  ] as const)("$tier tier, last reviewed $last, agreed $agreed → $next", ({ tier, last, agreed, next }) => {
    expect(planNextReviewOn(tier, last, agreed)).toBe(next);
  });
});

describe("planReviewDateProblem", () => {
  test.each([
    { reviewedOn: "2025-06-01", problem: null },
    { reviewedOn: "2025-06-15", problem: null },
    { reviewedOn: "2025-04-01", problem: null },
    { reviewedOn: "2025-06-16", problem: "Record a review once it has taken place" },
    { reviewedOn: "2025-03-31", problem: "A review cannot be before the plan was agreed." },
  ])("a review on $reviewedOn (agreed 2025-04-01, today 2025-06-15)", ({ reviewedOn, problem }) => {
    const found = planReviewDateProblem(reviewedOn, "2025-04-01", "2025-06-15");
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe("managementPlanInput", () => {
  const plan = {
    monitoring: "Monthly returns",
    governance: "SRO chairs",
    milestones: [],
    agreedOn: "2025-04-01",
  };
  test("monitoring and governance are required; the other sections may follow", () => {
    expect(managementPlanInput.parse(plan)).toEqual({
      ...plan,
      paymentSchedule: null,
      escalation: null,
      exitPlan: null,
    });
    const messages = refusalMessages(managementPlanInput, { ...plan, monitoring: " ", governance: "" });
    expect(messages.monitoring).toContain("how the contract is monitored");
    expect(messages.governance).toContain("who is accountable");
  });
  test("milestones are capped at 100 and each needs a title and a real date", () => {
    const milestone = { title: "Mobilisation complete", dueOn: "2025-06-30" };
    expect(managementPlanInput.safeParse({ ...plan, milestones: Array(100).fill(milestone) }).success).toBe(
      true,
    );
    expect(
      refusalMessages(managementPlanInput, { ...plan, milestones: Array(101).fill(milestone) }).milestones,
    ).toBe("A plan holds at most 100 milestones.");
    const messages = refusalMessages(managementPlanInput, {
      ...plan,
      milestones: [{ title: "", dueOn: "2025-02-30" }],
    });
    expect(messages["milestones.0.title"]).toBe("Say what the milestone is.");
    expect(messages["milestones.0.dueOn"]).toBe("Enter a real date.");
  });
});

describe("monitoringReportInput and monitoringAssessmentInput (004 §5–6)", () => {
  test.each([
    { periodStart: "2025-10-01", periodEnd: "2025-12-31", receivedOn: "2026-01-08", field: null },
    { periodStart: "2025-10-01", periodEnd: "2025-10-01", receivedOn: "2025-10-01", field: null },
    { periodStart: "2025-10-01", periodEnd: "2025-09-30", receivedOn: "2026-01-08", field: "periodEnd" },
    { periodStart: "2025-10-01", periodEnd: "2025-12-31", receivedOn: "2025-09-30", field: "receivedOn" },
  ])("period $periodStart–$periodEnd received $receivedOn", ({ field, ...report }) => {
    const messages = refusalMessages(monitoringReportInput, report);
    expect(Object.keys(messages)).toEqual(field === null ? [] : [field]);
  });

  const assessment = {
    reportId: "0196f7a0-0000-7000-8000-000000000001",
    version: 1,
    assessedOn: "2026-01-10",
  };
  test.each([
    { assessment: "satisfactory", assessmentNote: undefined, ok: true },
    { assessment: "concerns", assessmentNote: undefined, ok: false },
    { assessment: "concerns", assessmentNote: "Social value figures missing", ok: true },
    { assessment: "unsatisfactory", assessmentNote: "  ", ok: false },
  ])("$assessment with note $assessmentNote", ({ ok, ...rest }) => {
    const messages = refusalMessages(monitoringAssessmentInput, { ...assessment, ...rest });
    expect(messages.assessmentNote === undefined).toBe(ok);
  });
});
