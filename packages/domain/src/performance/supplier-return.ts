import { firstOfMonth, isRealDate } from "../contracts/iso-dates.ts";
import { decimalInput, isStorableText, textLimits } from "../input.ts";
import { normaliseHeader } from "../register-import/columns.ts";
import { checkFigures, type DerivedFigures, isPeriodStart, measurementPartsLimit } from "./measurements.ts";
import { isRateUnit, type KpiFrequency, type KpiUnit, kpiFrequencyLabels } from "./vocabulary.ts";

/**
 * A supplier's return (issue 8 §2: "CSV upload of a supplier's return with a preview and per-row problems,
 * all-or-nothing like the register import"): one row per KPI per period, a rate with its numerator and
 * denominator (004 §10 "ensure the actual numbers are also supplied"), and optional rows for its parts
 * (002's disaggregation) that name the part. Each measurement is checked by the same rule as one typed on the
 * KPIs tab (`checkFigures`), so a file cannot store what the form would refuse.
 */

export const supplierReturnColumns = [
  "kpi",
  "period",
  "value",
  "numerator",
  "denominator",
  "part",
  "evidence",
] as const;
export type SupplierReturnColumn = (typeof supplierReturnColumns)[number];

/** Header words a column may be called by (compared lower-case, spaces and punctuation ignored). */
const columnNames: Record<SupplierReturnColumn, string[]> = {
  kpi: ["kpi", "kpi name", "measure", "indicator"],
  period: ["period", "month", "period start"],
  value: ["value", "result", "actual"],
  numerator: ["numerator", "number counted", "count"],
  denominator: ["denominator", "out of", "total"],
  part: ["part", "breakdown", "region", "site", "area"],
  evidence: ["evidence", "evidence note", "note", "notes", "comment", "comments"],
};

/** A return holds at most this many rows: a year of a large contract's KPIs with their parts fits many times. */
export const supplierReturnRowLimit = 20_000;

export interface ReturnKpi {
  id: string;
  name: string;
  unit: KpiUnit;
  frequency: KpiFrequency;
  breakdownLabel: string | null;
}

export interface ReturnProblem {
  /** The spreadsheet row (the header is row 1). */
  rowNumber: number;
  column: SupplierReturnColumn | null;
  message: string;
  /** The cell as the file has it (cut to 200 characters), or null for a problem with the row as a whole. */
  value: string | null;
}

export interface ReturnMeasurement {
  /** The row of the total. */
  rowNumber: number;
  kpiId: string;
  periodStart: string;
  figures: DerivedFigures;
  evidenceNote: string | null;
}

export interface CheckedReturn {
  rowCount: number;
  measurements: ReturnMeasurement[];
  problems: ReturnProblem[];
}

const figure = decimalInput();

/** A number as spreadsheets write it: `1234.5`, `1,234.5`, `95%`, spaces around. Null when blank. */
export function readFigure(cell: string): { value: number | null } | { problem: string } {
  const text = cell.trim().replace(/%$/, "").trim();
  if (text === "") return { value: null };
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(",", "") : text;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { problem: "Enter a number, such as 42 or 97.5." };
  const parsed = figure.safeParse(Number(plain));
  return parsed.success ? { value: parsed.data } : { problem: parsed.error.issues[0]?.message ?? "" };
}

/** A period as a month: `2026-11`, `2026-11-01`, or `01/11/2026` (day first, as UK and ZA councils write). */
export function readPeriod(cell: string): string | null {
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3] ?? "1"]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isRealDate(date) && day.padStart(2, "0") === "01" ? date : null;
}

const clip = (cell: string) => (cell.length > 200 ? `${cell.slice(0, 200)}…` : cell);
const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");

/**
 * Which column each of the file's columns is, from its header (the part column may also be called by a KPI's
 * breakdown, "Round"); problems for a column missing, doubled or not one a return has.
 */
function mapColumns(header: readonly string[], breakdownLabels: readonly string[]) {
  const positions = new Map<SupplierReturnColumn, number>();
  const problems: ReturnProblem[] = [];
  const namesOf = (column: SupplierReturnColumn) =>
    column === "part" ? [...columnNames.part, ...breakdownLabels] : columnNames[column];
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    if (key === "") return;
    const column = supplierReturnColumns.find((candidate) =>
      namesOf(candidate).some((alias) => normaliseHeader(alias) === key),
    );
    if (!column) {
      problems.push({
        rowNumber: 1,
        column: null,
        message: `A return has no such column: name the columns ${supplierReturnColumns.join(", ")} (the part column may be called by the KPI's breakdown, such as ${breakdownLabels[0] ?? "Region"}).`,
        value: clip(name),
      });
      return;
    }
    if (positions.has(column)) {
      problems.push({
        rowNumber: 1,
        column,
        message: `Two columns are the ${column} column: keep one.`,
        value: clip(name),
      });
    } else positions.set(column, index);
  });
  for (const required of ["kpi", "period"] as const) {
    if (!positions.has(required)) {
      problems.push({
        rowNumber: 1,
        column: required,
        message: `The file needs a ${required} column (its first row names the columns: ${supplierReturnColumns.join(", ")}).`,
        value: null,
      });
    }
  }
  if (!positions.has("value") && !positions.has("numerator")) {
    problems.push({
      rowNumber: 1,
      column: "value",
      message: "The file needs a value column, or numerator and denominator columns for rates.",
      value: null,
    });
  }
  return { positions, problems };
}

type Row = {
  rowNumber: number;
  kpi: ReturnKpi;
  periodStart: string;
  part: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  evidence: string | null;
};

/**
 * Checks a supplier's return against the contract's KPIs. `rows` is the parsed CSV, header first.
 * `recorded` holds `kpiId:periodStart` for measurements already stored: a return adds periods, it does not
 * correct them (a correction keeps its history and its reason, on the KPIs tab). `thisMonth` (its first day)
 * bounds the periods: a period that has not begun cannot have been measured.
 */
export function checkSupplierReturn(input: {
  rows: readonly (readonly string[])[];
  kpis: readonly ReturnKpi[];
  contractStart: string | null;
  recorded: ReadonlySet<string>;
  thisMonth: string;
}): CheckedReturn {
  const [header = [], ...data] = input.rows;
  const breakdownLabels = [
    ...new Set(input.kpis.flatMap((kpi) => (kpi.breakdownLabel === null ? [] : [kpi.breakdownLabel]))),
  ];
  const { positions, problems } = mapColumns(header, breakdownLabels);
  const rowCount = data.filter((row) => row.some((cell) => cell.trim() !== "")).length;
  if (problems.length > 0) return { rowCount, measurements: [], problems };
  if (rowCount > supplierReturnRowLimit) {
    return {
      rowCount,
      measurements: [],
      problems: [
        {
          rowNumber: 1,
          column: null,
          message: `A return holds at most ${supplierReturnRowLimit.toLocaleString("en-GB")} rows: split the file.`,
          value: null,
        },
      ],
    };
  }
  const kpisByName = new Map(input.kpis.map((kpi) => [nameKey(kpi.name), kpi]));
  const kpiNames = input.kpis.map((kpi) => kpi.name).join(", ");
  const rows: Row[] = [];

  data.forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const cell = (column: SupplierReturnColumn) => {
      const position = positions.get(column);
      return position === undefined ? "" : (cells[position] ?? "");
    };
    const rowProblems: ReturnProblem[] = [];
    const problem = (column: SupplierReturnColumn | null, message: string) =>
      rowProblems.push({ rowNumber, column, message, value: column === null ? null : clip(cell(column)) });
    const text = (column: SupplierReturnColumn, max: number) => {
      const value = cell(column).trim();
      if (value.length > max) problem(column, `Keep this to ${max} characters.`);
      else if (!isStorableText(value))
        problem(column, "Remove the control characters or broken symbols from this text.");
      return value === "" ? null : value;
    };

    const kpiName = text("kpi", textLimits.short);
    const kpi = kpiName === null ? undefined : kpisByName.get(nameKey(kpiName));
    if (kpiName === null) problem("kpi", "Name the KPI, as it is named on the contract.");
    else if (!kpi) {
      problem(
        "kpi",
        input.kpis.length === 0
          ? "This contract has no KPIs yet: add them on the KPIs tab first."
          : `No KPI of this contract is called this. Its KPIs: ${kpiNames}.`,
      );
    }
    const periodCell = cell("period").trim();
    const periodStart = readPeriod(periodCell);
    if (periodCell === "") problem("period", "Enter the period's month, as 2026-11.");
    else if (periodStart === null)
      problem("period", "Enter the period as a month (2026-11) or its first day (2026-11-01).");
    else if (periodStart > input.thisMonth) problem("period", "This period has not begun yet.");
    else if (input.contractStart !== null && periodStart < firstOfMonth(input.contractStart))
      problem("period", "This period is before the contract started.");
    else if (kpi && !isPeriodStart(kpi.frequency, input.contractStart, periodStart)) {
      problem(
        "period",
        `${kpi.name} is measured ${kpiFrequencyLabels[kpi.frequency].toLocaleLowerCase("en-GB")}, and no period of it starts in this month.`,
      );
    }
    const numbers = { value: null, numerator: null, denominator: null } as Record<
      "value" | "numerator" | "denominator",
      number | null
    >;
    for (const column of ["value", "numerator", "denominator"] as const) {
      const read = readFigure(cell(column));
      if ("problem" in read) problem(column, read.problem);
      else numbers[column] = read.value;
    }
    if (kpi && isRateUnit(kpi.unit) && numbers.value !== null && numbers.numerator !== null) {
      problem(
        "value",
        "For a rate, give the numerator and denominator only: the value is worked out from them.",
      );
    }
    const part = text("part", 100);
    const evidence = text("evidence", textLimits.long);
    if (part !== null && evidence !== null)
      problem("evidence", "Put the evidence note on the KPI's total row, not on a part.");
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && kpi && periodStart !== null) {
      rows.push({ rowNumber, kpi, periodStart, part, ...numbers, evidence });
    }
  });

  // The rows of one measurement: its total (no part) and its parts, in the file's order.
  const groups = new Map<string, { total: Row[]; parts: Row[] }>();
  for (const row of rows) {
    const key = `${row.kpi.id}:${row.periodStart}`;
    const group = groups.get(key) ?? { total: [], parts: [] };
    (row.part === null ? group.total : group.parts).push(row);
    groups.set(key, group);
  }
  const measurements: ReturnMeasurement[] = [];
  for (const [key, group] of groups) {
    const [total, ...extraTotals] = group.total;
    const whole = (rowNumber: number, message: string) =>
      problems.push({ rowNumber, column: null, message, value: null });
    for (const extra of extraTotals) {
      whole(extra.rowNumber, `Row ${total?.rowNumber} already gives this KPI's total for this period.`);
    }
    if (!total) {
      for (const part of group.parts) {
        whole(part.rowNumber, "This part has no total row: add a row for the KPI and period with no part.");
      }
      continue;
    }
    if (extraTotals.length > 0) continue;
    if (input.recorded.has(key)) {
      whole(
        total.rowNumber,
        "This KPI already has a measurement for this period: correct it on the KPIs tab, which keeps the earlier figures.",
      );
      continue;
    }
    if (group.parts.length > measurementPartsLimit) {
      whole(total.rowNumber, `A measurement has at most ${measurementPartsLimit} parts.`);
      continue;
    }
    const checked = checkFigures(total.kpi, {
      value: total.value,
      numerator: total.numerator,
      denominator: total.denominator,
      parts: group.parts.map((part) => ({
        label: part.part ?? "",
        value: part.value,
        numerator: part.numerator,
        denominator: part.denominator,
      })),
    });
    if ("problems" in checked) {
      // The rule keys its problems as the form's fields: `numerator`, `parts`, `parts.2.denominator`.
      for (const [path, message] of Object.entries(checked.problems)) {
        const [head, index, field] = path.split(".");
        const partRow = head === "parts" && index !== undefined ? group.parts[Number(index)] : undefined;
        const named = partRow ? field : head === "parts" ? undefined : head;
        const column = named === "label" ? "part" : supplierReturnColumns.find((name) => name === named);
        problems.push({
          rowNumber: (partRow ?? total).rowNumber,
          column: column ?? null,
          message,
          value: null,
        });
      }
      continue;
    }
    measurements.push({
      rowNumber: total.rowNumber,
      kpiId: total.kpi.id,
      periodStart: total.periodStart,
      figures: checked.figures,
      evidenceNote: total.evidence,
    });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  return { rowCount, measurements, problems };
}
