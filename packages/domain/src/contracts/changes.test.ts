import { describe, expect, test } from "vitest";
import { DomainError } from "../errors.ts";
import type { Role } from "../roles.ts";
import { tenantSettings } from "../tenant-settings.ts";
import {
  applyChange,
  approverFor,
  belowThresholdTest,
  canApprove,
  canWithdraw,
  changeReasonLabels,
  changeReasons,
  changeRequestInput,
} from "./changes.ts";

const none = { valueDeltaMinor: 0, termDeltaDays: 0 };
// £100,000 and 1,000 days make the percentages easy to read.
const base = {
  originalTotalValueMinor: 10_000_000,
  originalMaxTermDays: 1_000,
  earlierApprovedChanges: [],
} as const;

describe("belowThresholdTest value limits (Procurement Act 2023 s.74)", () => {
  test.each([
    { category: "goods", delta: 999_999, percent: 10, within: true },
    { category: "goods", delta: 1_000_000, percent: 10, within: true },
    { category: "goods", delta: 1_000_001, percent: 10, within: false },
    { category: "services", delta: -1_000_000, percent: 10, within: true },
    { category: "services", delta: -1_000_001, percent: 10, within: false },
    { category: "works", delta: 1_499_999, percent: 15, within: true },
    { category: "works", delta: 1_500_000, percent: 15, within: true },
    { category: "works", delta: 1_500_001, percent: 15, within: false },
    { category: "works", delta: -1_500_001, percent: 15, within: false },
  ] as const)("$category $delta → within $within", ({ category, delta, percent, within }) => {
    const result = belowThresholdTest({
      ...base,
      category,
      proposed: { valueDeltaMinor: delta, termDeltaDays: 0 },
    });
    expect(result.valueLimitPercent).toBe(percent);
    expect(result.withinThreshold).toBe(within);
    expect(result.changeNoticeRequired).toBe(!within);
  });

  test("reports the cumulative percentage and says what to do", () => {
    const result = belowThresholdTest({
      ...base,
      category: "services",
      proposed: { valueDeltaMinor: 1_250_000, termDeltaDays: 0 },
    });
    expect(result.cumulativeValuePercent).toBe(12.5);
    expect(result.reasons).toEqual([
      "This change moves the value by 12.5% of the original total, over the 10% limit for services contracts.",
      "This change moves the term by 0 days, 0% of the 1000-day maximum term, within the 10% limit.",
      "Publish a Contract Change Notice before making the change.",
    ]);
  });
});

describe("belowThresholdTest term limit", () => {
  test.each([
    { days: 99, within: true },
    { days: 100, within: true },
    { days: 101, within: false },
    { days: -100, within: true },
    { days: -101, within: false },
  ])("$days days of 1000 → within $within", ({ days, within }) => {
    const result = belowThresholdTest({
      ...base,
      category: "goods",
      proposed: { valueDeltaMinor: 0, termDeltaDays: days },
    });
    expect(result.termLimitPercent).toBe(10);
    expect(result.withinThreshold).toBe(within);
  });

  test("value within but term over still needs a notice", () => {
    const result = belowThresholdTest({
      ...base,
      category: "works",
      proposed: { valueDeltaMinor: 100_000, termDeltaDays: 150 },
    });
    expect(result.cumulativeTermPercent).toBe(15);
    expect(result.changeNoticeRequired).toBe(true);
  });
});

describe("belowThresholdTest aggregation over earlier approved changes", () => {
  test.each([
    {
      name: "two changes that together stay at the limit",
      earlier: [{ valueDeltaMinor: 600_000, termDeltaDays: 0 }],
      proposed: { valueDeltaMinor: 400_000, termDeltaDays: 0 },
      valuePercent: 10,
      within: true,
    },
    {
      name: "a small change that tips earlier ones over",
      earlier: [{ valueDeltaMinor: 600_000, termDeltaDays: 0 }],
      proposed: { valueDeltaMinor: 400_001, termDeltaDays: 0 },
      valuePercent: 10,
      within: false,
    },
    {
      name: "an increase and a decrease add up rather than cancel",
      earlier: [{ valueDeltaMinor: 800_000, termDeltaDays: 0 }],
      proposed: { valueDeltaMinor: -800_000, termDeltaDays: 0 },
      valuePercent: 16,
      within: false,
    },
    {
      name: "term extensions add up",
      earlier: [
        { valueDeltaMinor: 0, termDeltaDays: 60 },
        { valueDeltaMinor: 0, termDeltaDays: 30 },
      ],
      proposed: { valueDeltaMinor: 0, termDeltaDays: 11 },
      valuePercent: 0,
      within: false,
    },
  ])("$name", ({ earlier, proposed, valuePercent, within }) => {
    const result = belowThresholdTest({
      ...base,
      category: "goods",
      earlierApprovedChanges: earlier,
      proposed,
    });
    expect(result.cumulativeValuePercent).toBe(valuePercent);
    expect(result.withinThreshold).toBe(within);
    expect(result.reasons[0]).toMatch(/^These \d changes together move/);
  });

  test.each([
    {
      name: "value change with no original value",
      input: { originalTotalValueMinor: 0 },
      proposed: { ...none, valueDeltaMinor: 1 },
    },
    {
      name: "term change with no maximum term",
      input: { originalMaxTermDays: 0 },
      proposed: { ...none, termDeltaDays: 1 },
    },
  ])("refuses a $name", ({ input, proposed }) => {
    expect(() => belowThresholdTest({ ...base, ...input, category: "goods", proposed })).toThrow(DomainError);
  });
});

describe("approverFor and canApprove (scheme of delegation)", () => {
  const delegation = tenantSettings({}).delegation; // sro ≤ £25,000, finance ≤ £100,000, board unlimited
  test.each([
    { delta: 0, approver: "sro" },
    { delta: 2_500_000, approver: "sro" },
    { delta: -2_500_000, approver: "sro" },
    { delta: 2_500_001, approver: "finance" },
    { delta: 10_000_000, approver: "finance" },
    { delta: 10_000_001, approver: "board" },
  ] as const)("$delta → $approver", ({ delta, approver }) => {
    expect(approverFor(delta, delegation)).toBe(approver);
  });

  test("reads the table in ascending order of limit, whatever order it is stored in", () => {
    expect(approverFor(1_000, [...delegation].reverse())).toBe("sro");
  });

  test("no entry covers the amount → nobody", () => {
    expect(approverFor(10_000_001, [{ role: "sro", upToMinor: 10_000_000 }])).toBeNull();
  });

  test.each<{ role: Role; delta: number; allowed: boolean }>([
    { role: "sro", delta: 2_500_000, allowed: true },
    { role: "sro", delta: -2_500_001, allowed: false },
    { role: "finance", delta: 1_000, allowed: true },
    { role: "finance", delta: 10_000_001, allowed: false },
    { role: "board", delta: 999_999_999, allowed: true },
    { role: "admin", delta: 999_999_999, allowed: true },
    { role: "contract_manager", delta: 1, allowed: false },
  ])("$role approving $delta → $allowed", ({ role, delta, allowed }) => {
    expect(canApprove(role, delta, delegation)).toBe(allowed);
  });
});

describe("applyChange", () => {
  const contract = { endDate: "2026-03-31", totalValueMinor: 10_000_000 };
  test.each([
    {
      name: "extends the term",
      change: { ...none, termDeltaDays: 30 },
      endDate: "2026-04-30",
      total: 10_000_000,
    },
    {
      name: "shortens the term",
      change: { ...none, termDeltaDays: -31 },
      endDate: "2026-02-28",
      total: 10_000_000,
    },
    {
      name: "adds value",
      change: { ...none, valueDeltaMinor: 500_000 },
      endDate: "2026-03-31",
      total: 10_500_000,
    },
    {
      name: "both",
      change: { valueDeltaMinor: -500_000, termDeltaDays: 1 },
      endDate: "2026-04-01",
      total: 9_500_000,
    },
  ])("$name", ({ change, endDate, total }) => {
    expect(applyChange(contract, change)).toEqual({ endDate, totalValueMinor: total });
  });

  test.each([
    {
      name: "a term change with no end date",
      values: { ...contract, endDate: null },
      change: { ...none, termDeltaDays: 1 },
    },
    {
      name: "a value change with no value",
      values: { ...contract, totalValueMinor: null },
      change: { ...none, valueDeltaMinor: 1 },
    },
    { name: "a negative total", values: contract, change: { ...none, valueDeltaMinor: -10_000_001 } },
  ])("refuses $name", ({ values, change }) => {
    expect(() => applyChange(values, change)).toThrow(DomainError);
  });

  test("a scope change with no deltas leaves missing values alone", () => {
    expect(applyChange({ endDate: null, totalValueMinor: null }, none)).toEqual({
      endDate: null,
      totalValueMinor: null,
    });
  });
});

describe("changeRequestInput", () => {
  const valid = {
    type: "value",
    reason: "legislation",
    description: "New waste regulations",
    valueDeltaMinor: 100,
  };
  test("every reason has a label", () => {
    expect(changeReasons.every((reason) => changeReasonLabels[reason].length > 0)).toBe(true);
  });
  test.each([
    { name: "a value change", input: valid, error: null },
    {
      name: "a scope change with no deltas",
      input: { ...valid, type: "scope", valueDeltaMinor: 0 },
      error: null,
    },
    {
      name: "a value change of zero",
      input: { ...valid, valueDeltaMinor: 0 },
      error: ["valueDeltaMinor", "Enter how much the total value goes up, or down as a negative amount."],
    },
    {
      name: "a term change of zero days",
      input: { ...valid, type: "term" },
      error: ["termDeltaDays", "Enter how many days the end date moves, negative to shorten the contract."],
    },
    {
      name: "fractional pence",
      input: { ...valid, valueDeltaMinor: 1.5 },
      error: ["valueDeltaMinor", "Enter the change in value as a whole number of pence/cents."],
    },
    {
      name: "no description",
      input: { ...valid, description: "  " },
      error: ["description", "Describe what changes and why."],
    },
    {
      name: "an unknown reason",
      input: { ...valid, reason: "whim" },
      error: ["reason", "Choose the reason for the change."],
    },
  ])("$name", ({ input, error }) => {
    const result = changeRequestInput.safeParse(input);
    if (error === null) {
      expect(result.success).toBe(true);
    } else {
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(
        error,
      );
    }
  });
});

describe("canWithdraw", () => {
  test.each([
    { role: "contract_manager", userId: "u1", requestedBy: "u1", expected: true },
    { role: "sro", userId: "u2", requestedBy: "u1", expected: false },
    { role: "admin", userId: "u3", requestedBy: "u1", expected: true },
  ] as const)(
    "$role $userId on a change by $requestedBy: $expected",
    ({ role, userId, requestedBy, expected }) => {
      expect(canWithdraw({ role, userId }, requestedBy)).toBe(expected);
    },
  );
});
