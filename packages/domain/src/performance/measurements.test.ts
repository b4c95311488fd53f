import { describe, expect, test } from "vitest";
import {
  checkFigures,
  isPeriodStart,
  kpiInput,
  measurementFiguresInput,
  periodStartInput,
} from "./measurements.ts";

const kpi = {
  name: "Repairs completed on time",
  definition: "Repairs completed within the priority's target time ÷ repairs completed",
  unit: "percent",
  direction: "higher_is_better",
  target: 95,
  tolerance: 2,
};

function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("kpiInput", () => {
  test("defaults: monthly, supplier's data, not published, no template", () => {
    expect(kpiInput.parse(kpi)).toMatchObject({
      frequency: "monthly",
      dataSource: "supplier",
      published: false,
      socialValue: false,
      templateId: null,
      inadequateAt: null,
      unitLabel: null,
    });
  });

  test.each([
    [{ target: 101 }, "target", "A percentage is from 0 to 100."],
    [
      { tolerance: -1 },
      "tolerance",
      "Enter how far short of the target still counts as approaching it (0 or more).",
    ],
    [
      { target: Number.POSITIVE_INFINITY },
      "target",
      "Enter a number from -1,000,000,000,000 to 1,000,000,000,000.",
    ],
    [{ target: Number.NaN }, "target", "Enter a number from -1,000,000,000,000 to 1,000,000,000,000."],
    [
      { target: 1e13, unit: "count" },
      "target",
      "Enter a number from -1,000,000,000,000 to 1,000,000,000,000.",
    ],
    [{ unit: "other" }, "unitLabel", "Name the unit (e.g. kg per household)."],
    [
      { inadequateAt: 93 },
      "inadequateAt",
      "The Inadequate line must be below the target less its tolerance.",
    ],
    [
      { direction: "lower_is_better", inadequateAt: 96 },
      "inadequateAt",
      "The Inadequate line must be above the target plus its tolerance.",
    ],
    [{ name: "  " }, "name", "Say what the KPI measures."],
  ] as const)("%o → %s: %s", (change, path, message) => {
    expect(fieldErrors(kpiInput.safeParse({ ...kpi, ...change }))[path]).toBe(message);
  });

  test("an Inadequate line just past the tolerance band is accepted; a unit label is kept only for other", () => {
    expect(kpiInput.safeParse({ ...kpi, inadequateAt: 92.99 }).success).toBe(true);
    expect(kpiInput.parse({ ...kpi, unitLabel: "ignored" }).unitLabel).toBeNull();
    expect(kpiInput.parse({ ...kpi, unit: "other", unitLabel: "kg per household" }).unitLabel).toBe(
      "kg per household",
    );
  });
});

describe("periods", () => {
  test.each([
    ["2025-04-01", true],
    ["2025-04-02", false],
    ["2025-02-30", false],
  ])("periodStartInput %s → %s", (date, ok) => {
    expect(periodStartInput.safeParse(date).success).toBe(ok);
  });

  test.each([
    { frequency: "monthly", start: "2024-05-17", period: "2025-02-01", ok: true },
    { frequency: "quarterly", start: "2024-05-17", period: "2024-08-01", ok: true },
    { frequency: "quarterly", start: "2024-05-17", period: "2025-02-01", ok: true },
    { frequency: "quarterly", start: "2024-05-17", period: "2025-03-01", ok: false },
    { frequency: "quarterly", start: "2024-05-17", period: "2024-02-01", ok: true },
    { frequency: "annually", start: "2024-04-01", period: "2025-04-01", ok: true },
    { frequency: "annually", start: "2024-04-01", period: "2025-05-01", ok: false },
    { frequency: "six_monthly", start: null, period: "2025-05-01", ok: true },
  ] as const)("$frequency from $start: $period → $ok", ({ frequency, start, period, ok }) => {
    expect(isPeriodStart(frequency, start, period)).toBe(ok);
  });
});

describe("checkFigures (004 §10, issue 8 §2)", () => {
  const percent = { unit: "percent", breakdownLabel: "Region" } as const;
  const count = { unit: "count", breakdownLabel: "Region" } as const;
  const days = { unit: "days", breakdownLabel: "Site" } as const;
  const figures = (input: object) => measurementFiguresInput.parse(input);

  test("a rate's value is derived from the numerator and denominator, whatever value was sent", () => {
    expect(checkFigures(percent, figures({ value: 12, numerator: 190, denominator: 200 }))).toEqual({
      figures: { value: 95, numerator: 190, denominator: 200, parts: [] },
    });
  });

  test("other units keep the value and drop any numerator and denominator", () => {
    expect(checkFigures(days, figures({ value: 3.5, numerator: 1, denominator: 2 }))).toEqual({
      figures: { value: 3.5, numerator: null, denominator: null, parts: [] },
    });
  });

  test.each([
    [
      percent,
      {},
      {
        numerator: "Enter the number counted (the numerator).",
        denominator: "Enter the total it is out of (the denominator).",
      },
    ],
    [percent, { numerator: 5, denominator: 0 }, { denominator: "The denominator must be more than 0." }],
    [
      percent,
      { numerator: 201, denominator: 200 },
      { numerator: "For a percentage the number counted cannot exceed the total." },
    ],
    [count, {}, { value: "Enter the value." }],
    [
      { unit: "count", breakdownLabel: null },
      { value: 3, parts: [{ label: "North", value: 3 }] },
      { parts: "This KPI is measured as a total only: give it a breakdown (e.g. Region) to record parts." },
    ],
    [
      count,
      {
        value: 3,
        parts: [
          { label: "North", value: 1 },
          { label: "north", value: 2 },
        ],
      },
      { "parts.1.label": "Each part needs its own name." },
    ],
    [
      count,
      {
        value: 3,
        parts: [
          { label: "North", value: 1 },
          { label: "South", value: 1 },
        ],
      },
      { parts: "The parts must add up to the total." },
    ],
    [
      percent,
      {
        numerator: 190,
        denominator: 200,
        parts: [
          { label: "North", numerator: 90, denominator: 100 },
          { label: "South", numerator: 99, denominator: 100 },
        ],
      },
      { parts: "The parts' numerators and denominators must add up to the total's." },
    ],
    [
      percent,
      { numerator: 190, denominator: 200, parts: [{ label: "North", numerator: 90 }] },
      { "parts.0.denominator": "Enter the total it is out of (the denominator)." },
    ],
  ] as const)("%o %o → problems", (measured, input, problems) => {
    expect(checkFigures(measured, figures(input))).toEqual({ problems });
  });

  test("parts that add up are stored with their own derived values; decimal sums round", () => {
    const result = checkFigures(
      percent,
      figures({
        numerator: 190,
        denominator: 200,
        parts: [
          { label: "North", numerator: 100, denominator: 100 },
          { label: "South", numerator: 90, denominator: 100 },
        ],
      }),
    );
    expect(result).toEqual({
      figures: {
        value: 95,
        numerator: 190,
        denominator: 200,
        parts: [
          { label: "North", value: 100, numerator: 100, denominator: 100 },
          { label: "South", value: 90, numerator: 90, denominator: 100 },
        ],
      },
    });
    const money = { unit: "money", breakdownLabel: "Site" } as const;
    expect(
      "figures" in
        checkFigures(
          money,
          figures({
            value: 0.3,
            parts: [
              { label: "A", value: 0.1 },
              { label: "B", value: 0.2 },
            ],
          }),
        ),
    ).toBe(true);
  });

  test("averages (days, minutes, scores) take parts without summing them", () => {
    const result = checkFigures(
      days,
      figures({
        value: 3,
        parts: [
          { label: "A", value: 10 },
          { label: "B", value: 1 },
        ],
      }),
    );
    expect("figures" in result).toBe(true);
  });
});
