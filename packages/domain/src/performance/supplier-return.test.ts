import { describe, expect, test } from "vitest";
import { parseCsv } from "../register-import/csv.ts";
import { checkSupplierReturn, type ReturnKpi, readFigure, readPeriod } from "./supplier-return.ts";

const kpis: ReturnKpi[] = [
  {
    id: "k-time",
    name: "Collections on time",
    unit: "percent",
    frequency: "monthly",
    breakdownLabel: "Region",
  },
  { id: "k-complaints", name: "Complaints", unit: "count", frequency: "monthly", breakdownLabel: null },
  { id: "k-survey", name: "Resident survey", unit: "score", frequency: "quarterly", breakdownLabel: null },
];

function check(csv: string, recorded: string[] = []) {
  return checkSupplierReturn({
    rows: parseCsv(csv),
    kpis,
    contractStart: "2025-04-15",
    recorded: new Set(recorded),
    thisMonth: "2026-12-01",
  });
}
const header = "KPI,Period,Value,Numerator,Denominator,Region,Evidence";

describe("readFigure", () => {
  test.each<[string, number | null | "problem"]>([
    ["", null],
    ["  ", null],
    ["42", 42],
    ["97.5", 97.5],
    ["-3", -3],
    [".5", 0.5],
    ["1,234", 1234],
    ["1,234,567.25", 1234567.25],
    ["95%", 95],
    [" 12 ", 12],
    ["1,23", "problem"],
    ["twelve", "problem"],
    ["1e3", "problem"],
    ["2000000000000", "problem"],
  ])("%j → %j", (cell, expected) => {
    const read = readFigure(cell);
    if (expected === "problem") expect(read).toHaveProperty("problem");
    else expect(read).toEqual({ value: expected });
  });
});

describe("readPeriod", () => {
  test.each<[string, string | null]>([
    ["2026-11", "2026-11-01"],
    ["2026-1", "2026-01-01"],
    ["2026-11-01", "2026-11-01"],
    ["01/11/2026", "2026-11-01"],
    ["2026-11-15", null],
    ["15/11/2026", null],
    ["2026-13", null],
    ["Nov 2026", null],
  ])("%j → %j", (cell, expected) => {
    expect(readPeriod(cell)).toBe(expected);
  });
});

describe("checkSupplierReturn (issue 8 §2)", () => {
  test("a rate with its parts, a count and a quarterly score become measurements", () => {
    const checked = check(
      [
        header,
        "Collections on time,2026-11,,960,1000,,Supplier's November return",
        "Collections on time,2026-11,,470,500,North,",
        "Collections on time,2026-11,,490,500,South,",
        "complaints ,2026-11,12,,,,",
        "Resident survey,2026-10,8.2,,,,",
        ",,,,,,",
      ].join("\n"),
    );
    expect(checked.problems).toEqual([]);
    expect(checked.rowCount).toBe(5);
    expect(checked.measurements).toEqual([
      {
        rowNumber: 2,
        kpiId: "k-time",
        periodStart: "2026-11-01",
        figures: {
          value: 96,
          numerator: 960,
          denominator: 1000,
          parts: [
            { label: "North", value: 94, numerator: 470, denominator: 500 },
            { label: "South", value: 98, numerator: 490, denominator: 500 },
          ],
        },
        evidenceNote: "Supplier's November return",
      },
      {
        rowNumber: 5,
        kpiId: "k-complaints",
        periodStart: "2026-11-01",
        figures: { value: 12, numerator: null, denominator: null, parts: [] },
        evidenceNote: null,
      },
      {
        rowNumber: 6,
        kpiId: "k-survey",
        periodStart: "2026-10-01",
        figures: { value: 8.2, numerator: null, denominator: null, parts: [] },
        evidenceNote: null,
      },
    ]);
  });

  test.each<{
    case: string;
    rows: string[];
    recorded?: string[];
    problems: [number, string | null, string][];
  }>([
    {
      case: "an unknown KPI",
      rows: ["Bins emptied,2026-11,3,,,,"],
      problems: [
        [
          2,
          "kpi",
          "No KPI of this contract is called this. Its KPIs: Collections on time, Complaints, Resident survey.",
        ],
      ],
    },
    {
      case: "a period that is not a month",
      rows: ["Complaints,2026-11-15,3,,,,"],
      problems: [[2, "period", "Enter the period as a month (2026-11) or its first day (2026-11-01)."]],
    },
    {
      case: "a period not begun",
      rows: ["Complaints,2027-01,3,,,,"],
      problems: [[2, "period", "This period has not begun yet."]],
    },
    {
      case: "a period before the contract",
      rows: ["Complaints,2025-03,3,,,,"],
      problems: [[2, "period", "This period is before the contract started."]],
    },
    {
      case: "a month that starts no period of a quarterly KPI (periods from April)",
      rows: ["Resident survey,2026-11,8,,,,"],
      problems: [
        [2, "period", "Resident survey is measured quarterly, and no period of it starts in this month."],
      ],
    },
    {
      case: "a number that is not one",
      rows: ["Complaints,2026-11,a dozen,,,,"],
      problems: [[2, "value", "Enter a number, such as 42 or 97.5."]],
    },
    {
      case: "a rate without its denominator",
      rows: ["Collections on time,2026-11,,960,,,"],
      problems: [[2, "denominator", "Enter the total it is out of (the denominator)."]],
    },
    {
      case: "a rate given as a value as well",
      rows: ["Collections on time,2026-11,96,960,1000,,"],
      problems: [
        [
          2,
          "value",
          "For a rate, give the numerator and denominator only: the value is worked out from them.",
        ],
      ],
    },
    {
      case: "parts that do not add up",
      rows: ["Collections on time,2026-11,,960,1000,,", "Collections on time,2026-11,,470,600,North,"],
      problems: [[2, null, "The parts' numerators and denominators must add up to the total's."]],
    },
    {
      case: "parts of a KPI measured as a total only",
      rows: ["Complaints,2026-11,12,,,,", "Complaints,2026-11,12,,,North,"],
      problems: [
        [2, null, "This KPI is measured as a total only: give it a breakdown (e.g. Region) to record parts."],
      ],
    },
    {
      case: "a part named twice",
      rows: [
        "Collections on time,2026-11,,960,1000,,",
        "Collections on time,2026-11,,480,500,North,",
        "Collections on time,2026-11,,480,500,north,",
      ],
      problems: [[4, "part", "Each part needs its own name."]],
    },
    {
      case: "a part with no total",
      rows: ["Collections on time,2026-11,,470,500,North,"],
      problems: [[2, null, "This part has no total row: add a row for the KPI and period with no part."]],
    },
    {
      case: "two totals for one KPI and period",
      rows: ["Complaints,2026-11,12,,,,", "Complaints,2026-11,13,,,,"],
      problems: [[3, null, "Row 2 already gives this KPI's total for this period."]],
    },
    {
      case: "a period already measured",
      rows: ["Complaints,2026-11,12,,,,"],
      recorded: ["k-complaints:2026-11-01"],
      problems: [
        [
          2,
          null,
          "This KPI already has a measurement for this period: correct it on the KPIs tab, which keeps the earlier figures.",
        ],
      ],
    },
    {
      case: "evidence on a part",
      rows: ["Collections on time,2026-11,,960,1000,,", "Collections on time,2026-11,,960,1000,North,a note"],
      problems: [[3, "evidence", "Put the evidence note on the KPI's total row, not on a part."]],
    },
  ])("$case", ({ rows, recorded, problems }) => {
    const checked = check([header, ...rows].join("\n"), recorded);
    expect(checked.problems.map((problem) => [problem.rowNumber, problem.column, problem.message])).toEqual(
      problems,
    );
  });

  test("the part column may be called by a KPI's breakdown; a column a return does not have is a problem", () => {
    const byBreakdown = check(
      [
        "KPI,Period,Numerator,Denominator,Region",
        "Collections on time,2026-11,960,1000,",
        "Collections on time,2026-11,480,500,North",
        "Collections on time,2026-11,480,500,South",
      ].join("\n"),
    );
    expect(byBreakdown.problems).toEqual([]);
    expect(byBreakdown.measurements[0]?.figures.parts.map((part) => part.label)).toEqual(["North", "South"]);
    const unknown = check("KPI,Period,Value,Round\nComplaints,2026-11,3,");
    expect(unknown.problems).toEqual([
      {
        rowNumber: 1,
        column: null,
        message:
          "A return has no such column: name the columns kpi, period, value, numerator, denominator, part, evidence (the part column may be called by the KPI's breakdown, such as Region).",
        value: "Round",
      },
    ]);
  });

  test("a file without the columns it needs says so on its header row", () => {
    const checked = check("Name,When\nComplaints,2026-11");
    expect(checked.measurements).toEqual([]);
    expect(checked.problems.map((problem) => [problem.rowNumber, problem.column])).toEqual([
      [1, null],
      [1, null],
      [1, "kpi"],
      [1, "period"],
      [1, "value"],
    ]);
  });

  test("the cell a problem is about is quoted, cut to 200 characters", () => {
    const checked = check([header, `${"x".repeat(300)},2026-11,1,,,,`].join("\n"));
    expect(checked.problems[0]?.value).toBe(`${"x".repeat(200)}…`);
  });
});
