import { z } from "zod";
import { firstOfMonth, isRealDate } from "../contracts/iso-dates.ts";
import {
  decimalInput,
  idInput,
  isoDate,
  listInput,
  measureLimit,
  optionalTextInput,
  textInput,
  textLimits,
  versionInput,
} from "../input.ts";
import { measuredValue } from "./ratings.ts";
import {
  isRateUnit,
  type KpiFrequency,
  type KpiUnit,
  kpiDataSources,
  kpiDirections,
  kpiFrequencies,
  kpiFrequencyMonths,
  kpiUnits,
} from "./vocabulary.ts";

/** A KPI's figures: a number within ±a trillion (percentages within 0–100, checked with the unit). */
const figure = decimalInput();
const optionalFigure = figure.nullable().default(null);

/** Issue 8 §1: a contract's KPI, SMART (004 §10): what, how measured, the target and by when. */
export const kpiInput = z
  .object({
    name: textInput({ max: textLimits.short, min: 1, required: "Say what the KPI measures." }),
    definition: textInput({
      max: textLimits.long,
      min: 1,
      required: "Say how it is measured, so supplier and council count the same thing.",
    }),
    numeratorLabel: optionalTextInput(textLimits.short),
    denominatorLabel: optionalTextInput(textLimits.short),
    unit: z.enum(kpiUnits, { error: "Choose the unit." }),
    unitLabel: optionalTextInput(100),
    direction: z.enum(kpiDirections, { error: "Say whether higher or lower is better." }),
    baseline: optionalFigure,
    target: figure,
    targetBy: isoDate.nullable().default(null),
    tolerance: decimalInput({
      min: 0,
      max: measureLimit,
      message: "Enter how far short of the target still counts as approaching it (0 or more).",
    }).default(0),
    inadequateAt: optionalFigure,
    frequency: z.enum(kpiFrequencies, { error: "Choose how often it is measured." }).default("monthly"),
    dataSource: z.enum(kpiDataSources, { error: "Choose who supplies the data." }).default("supplier"),
    published: z.boolean().default(false),
    socialValue: z.boolean().default(false),
    templateId: idInput.nullable().default(null),
    breakdownLabel: optionalTextInput(100),
  })
  .superRefine((kpi, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (kpi.unit === "other" && kpi.unitLabel === null)
      problem("unitLabel", "Name the unit (e.g. kg per household).");
    if (kpi.unit === "percent") {
      for (const field of ["target", "baseline", "inadequateAt", "tolerance"] as const) {
        const value = kpi[field];
        if (value !== null && (value < 0 || value > 100)) problem(field, "A percentage is from 0 to 100.");
      }
    }
    if (kpi.inadequateAt !== null) {
      // PR24 reg 39(5): Inadequate is "significantly below" the KPI, so its line lies past the tolerance band.
      const higher = kpi.direction === "higher_is_better";
      const edge = higher ? kpi.target - kpi.tolerance : kpi.target + kpi.tolerance;
      if (higher ? kpi.inadequateAt >= edge : kpi.inadequateAt <= edge) {
        problem(
          "inadequateAt",
          higher
            ? "The Inadequate line must be below the target less its tolerance."
            : "The Inadequate line must be above the target plus its tolerance.",
        );
      }
    }
  })
  .transform((kpi) => ({ ...kpi, unitLabel: kpi.unit === "other" ? kpi.unitLabel : null }));
export type KpiInput = z.infer<typeof kpiInput>;

/** The first day of a month, as measurements name their period. */
export const periodStartInput = isoDate.refine(
  (date) => date.endsWith("-01"),
  "A period starts on the first day of a month.",
);

/**
 * Whether `periodStart` begins one of the KPI's reporting periods. Periods run from the contract's start month
 * (a quarterly KPI of a contract starting in May reports May, August, November, February); without a start date
 * any month begins one.
 */
export function isPeriodStart(
  frequency: KpiFrequency,
  contractStart: string | null,
  periodStart: string,
): boolean {
  if (contractStart === null || !isRealDate(contractStart)) return true;
  const anchor = firstOfMonth(contractStart);
  const months =
    (Number(periodStart.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 +
    (Number(periodStart.slice(5, 7)) - Number(anchor.slice(5, 7)));
  const length = kpiFrequencyMonths[frequency];
  return ((months % length) + length) % length === 0;
}

const count = decimalInput({ min: 0, message: "Enter a number from 0 to a trillion." });
const numbers = {
  value: figure.nullable().default(null),
  numerator: count.nullable().default(null),
  denominator: count.nullable().default(null),
};

export const measurementPartInput = z.object({
  label: textInput({ max: 100, min: 1, required: "Name the part (e.g. the region)." }),
  ...numbers,
});
export type MeasurementPartInput = z.infer<typeof measurementPartInput>;

/** At most this many parts (regions, sites, groups) in one measurement. */
export const measurementPartsLimit = 50;

/** The figures of one measurement: a value, or for a rate the numerator and denominator; its parts; evidence. */
export const measurementFiguresInput = z.object({
  ...numbers,
  parts: listInput(measurementPartInput, measurementPartsLimit).default([]),
  evidenceNote: optionalTextInput(textLimits.long),
});
export type MeasurementFigures = z.infer<typeof measurementFiguresInput>;

/** Issue 8 §2: bulk entry of one month across a contract's KPIs. Blank KPIs are left out by the page. */
export const measurementMonthInput = z.object({
  contractId: idInput,
  periodStart: periodStartInput,
  entries: listInput(
    measurementFiguresInput.extend({ kpiId: idInput }),
    100,
    "Send at most 100 KPIs at once.",
  ),
});

/** A correction keeps the earlier figures in the history, with who corrected them and why. */
export const measurementCorrectionInput = measurementFiguresInput.extend({
  measurementId: idInput,
  version: versionInput,
  reason: textInput({ max: textLimits.long, min: 1, required: "Say why the figures are being corrected." }),
});

/** The KPI fields the figures are checked against. */
export type MeasuredKpi = { unit: KpiUnit; breakdownLabel: string | null };

export type DerivedFigures = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  parts: { label: string; value: number | null; numerator: number | null; denominator: number | null }[];
};

/** Units whose parts add up to the whole: counts and money by value, rates by numerator and denominator. */
function isAdditive(unit: KpiUnit): boolean {
  return unit === "count" || unit === "money" || isRateUnit(unit);
}

/** Equal but for the rounding of decimal sums (0.1 + 0.2). */
function sameSum(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Checks a measurement's figures against its KPI and derives what is stored: for a rate (004 §10 "ensure the
 * actual numbers are also supplied") the numerator and denominator are required and the value is derived from
 * them, never typed; for other units the value is required and no numerator or denominator is kept. Parts
 * (issue 8 §2, 002's disaggregation) need the KPI's breakdown, distinct labels, and, for units that add up,
 * sum to the total. Returns the field problems (keyed as the input's paths), or the figures to store.
 */
export function checkFigures(
  kpi: MeasuredKpi,
  figures: Pick<MeasurementFigures, "value" | "numerator" | "denominator" | "parts">,
): { problems: Record<string, string> } | { figures: DerivedFigures } {
  const problems: Record<string, string> = {};
  const rate = isRateUnit(kpi.unit);
  const checkNumbers = (
    path: string,
    numbers: { value: number | null; numerator: number | null; denominator: number | null },
  ) => {
    if (rate) {
      if (numbers.numerator === null)
        problems[`${path}numerator`] = "Enter the number counted (the numerator).";
      if (numbers.denominator === null)
        problems[`${path}denominator`] = "Enter the total it is out of (the denominator).";
      else if (numbers.denominator <= 0)
        problems[`${path}denominator`] = "The denominator must be more than 0.";
      if (
        kpi.unit === "percent" &&
        numbers.numerator !== null &&
        numbers.denominator !== null &&
        numbers.denominator > 0 &&
        numbers.numerator > numbers.denominator
      ) {
        problems[`${path}numerator`] = "For a percentage the number counted cannot exceed the total.";
      }
    } else if (numbers.value === null) {
      problems[`${path}value`] = "Enter the value.";
    }
  };
  checkNumbers("", figures);
  const derive = (numbers: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }) => ({
    value: measuredValue(kpi.unit, numbers),
    numerator: rate ? numbers.numerator : null,
    denominator: rate ? numbers.denominator : null,
  });
  const total = derive(figures);
  if (figures.parts.length > 0) {
    if (kpi.breakdownLabel === null) {
      problems.parts =
        "This KPI is measured as a total only: give it a breakdown (e.g. Region) to record parts.";
    } else {
      const seen = new Set<string>();
      figures.parts.forEach((part, index) => {
        const key = part.label.toLocaleLowerCase("en-GB");
        if (seen.has(key)) problems[`parts.${index}.label`] = "Each part needs its own name.";
        seen.add(key);
        checkNumbers(`parts.${index}.`, part);
      });
      if (Object.keys(problems).length === 0 && isAdditive(kpi.unit)) {
        const sum = (pick: (part: MeasurementPartInput) => number | null) =>
          figures.parts.reduce((total, part) => total + (pick(part) ?? 0), 0);
        const mismatch = rate
          ? !sameSum(
              sum((p) => p.numerator),
              total.numerator ?? 0,
            ) ||
            !sameSum(
              sum((p) => p.denominator),
              total.denominator ?? 0,
            )
          : !sameSum(
              sum((p) => p.value),
              total.value ?? 0,
            );
        if (mismatch) {
          problems.parts = rate
            ? "The parts' numerators and denominators must add up to the total's."
            : "The parts must add up to the total.";
        }
      }
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    figures: { ...total, parts: figures.parts.map((part) => ({ label: part.label, ...derive(part) })) },
  };
}
