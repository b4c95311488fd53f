import { currencyFormat } from "../money.ts";
import {
  type KpiDirection,
  type KpiFrequency,
  type KpiRating,
  type KpiUnit,
  kpiFrequencyMonths,
  kpiRatingLabels,
  rateMultipliers,
} from "./vocabulary.ts";

/**
 * PR24 reg 39(5): the ratings of a Contract Performance Notice, one for each KPI set under PA23 s.52(1):
 *   Good                 — performance is meeting or exceeding the KPI;
 *   Approaching target   — performance is close to meeting the KPI;
 *   Requires improvement — performance is falling short of the KPI;
 *   Inadequate           — performance is significantly below the KPI;
 *   Other                — performance cannot be described by the ratings above (here: no data to rate).
 * The Regulations leave "close" and "significantly below" to the contract; a KPI says them in numbers: its
 * `tolerance` (how far short of the target is still close) and its `inadequateAt` line (at or beyond it,
 * performance is significantly below). Without an `inadequateAt` line nothing is rated Inadequate.
 */
export type RatedKpi = {
  unit: KpiUnit;
  /** The unit's words when `unit` is `other`. */
  unitLabel: string | null;
  direction: KpiDirection;
  target: number;
  /** ≥ 0, in the KPI's unit. */
  tolerance: number;
  inadequateAt: number | null;
};

/** The council's locale and currency, for the numbers in a rating's reasons. */
export type NumberFormatting = { locale: string; currency: string };

export type MeasurementRating = { rating: KpiRating; reason: string };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

/** A KPI value in its unit, in the council's locale: "94.5%", "31.2 per 100,000", "3 days", "£66.28". */
export function formatKpiValue(
  kpi: Pick<RatedKpi, "unit" | "unitLabel">,
  value: number,
  formatting: NumberFormatting,
): string {
  const number = numberFormat(formatting.locale).format(value);
  switch (kpi.unit) {
    case "percent":
      return `${number}%`;
    case "per_1000":
      return `${number} per 1,000`;
    case "per_100000":
      return `${number} per 100,000`;
    case "count":
      return number;
    case "days":
    case "hours":
    case "minutes":
      return `${number} ${value === 1 ? kpi.unit.slice(0, -1) : kpi.unit}`;
    case "money":
      return currencyFormat(formatting.locale, formatting.currency).format(value);
    case "score":
      return `a score of ${number}`;
    case "other":
      return kpi.unitLabel ? `${number} ${kpi.unitLabel}` : number;
  }
}

/**
 * The value of a measurement: for a rate unit derived from its numerator and denominator (004 §10 "ensure the
 * actual numbers are also supplied"), never typed; otherwise the value given. Null when there is nothing to
 * derive it from.
 */
export function measuredValue(
  unit: KpiUnit,
  measurement: { value: number | null; numerator: number | null; denominator: number | null },
): number | null {
  const multiplier = rateMultipliers[unit];
  if (multiplier === undefined) return measurement.value;
  const { numerator, denominator } = measurement;
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return (numerator / denominator) * multiplier;
}

/** How far a value falls short of the target in the KPI's direction (negative when it does better). */
function shortfall(kpi: RatedKpi, value: number): number {
  return kpi.direction === "higher_is_better" ? kpi.target - value : value - kpi.target;
}

/** True when the value is at or beyond the KPI's Inadequate line (in the failing direction). */
function atOrBeyondInadequate(kpi: RatedKpi, value: number): boolean {
  if (kpi.inadequateAt === null) return false;
  return kpi.direction === "higher_is_better" ? value <= kpi.inadequateAt : value >= kpi.inadequateAt;
}

/** PR24 reg 39(5): the rating of one value against the KPI's target, tolerance and Inadequate line. */
export function rateValue(
  kpi: RatedKpi,
  value: number | null,
  formatting: NumberFormatting,
): MeasurementRating {
  if (value === null || !Number.isFinite(value)) {
    return { rating: "other", reason: "No value was recorded for this period, so it cannot be rated." };
  }
  const shown = (amount: number) => formatKpiValue(kpi, amount, formatting);
  const target = shown(kpi.target);
  const better = kpi.direction === "higher_is_better" ? "at or above" : "at or below";
  const gap = shortfall(kpi, value);
  if (gap <= 0) {
    return { rating: "good", reason: `${shown(value)} is ${better} the target of ${target}.` };
  }
  if (gap <= kpi.tolerance) {
    return {
      rating: "approaching_target",
      reason: `${shown(value)} misses the target of ${target} by ${shown(gap)}, within the tolerance of ${shown(kpi.tolerance)}.`,
    };
  }
  if (kpi.inadequateAt !== null && atOrBeyondInadequate(kpi, value)) {
    const beyond = kpi.direction === "higher_is_better" ? "at or below" : "at or above";
    return {
      rating: "inadequate",
      reason: `${shown(value)} is ${beyond} the Inadequate line of ${shown(kpi.inadequateAt)} (target ${target}).`,
    };
  }
  return {
    rating: "requires_improvement",
    reason: `${shown(value)} misses the target of ${target} by ${shown(gap)}, more than the tolerance of ${shown(kpi.tolerance)}.`,
  };
}

/** A stored measurement, as the period rating reads it. */
export type PeriodMeasurement = {
  periodStart: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

export type PeriodRating = {
  rating: KpiRating;
  /** The period's value (a pooled rate, or the mean of the values); null when nothing was measured. */
  value: number | null;
  /** Reporting periods inside the assessed period, and how many of them have a value. */
  expected: number;
  measured: number;
  reasons: string[];
};

/** The number of reporting periods of a frequency that start in `from`..`to` (both inclusive, first days). */
export function periodsBetween(frequency: KpiFrequency, from: string, to: string): number {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  if (months < 0) return 0;
  return Math.floor(months / kpiFrequencyMonths[frequency]) + 1;
}

/**
 * PA23 s.71(2): the assessment of a KPI over a period (at least every 12 months), rated on the same PR24
 * reg 39(5) scale as each measurement. The period's value pools the measurements the way the KPI is
 * defined: for a rate, the numerators over the denominators (so a large month weighs as much as its volume);
 * otherwise the mean of the values. Fewer than half the expected periods measured is too little to assess:
 * Other, with the reason.
 */
export function ratePeriod(
  kpi: RatedKpi & { frequency: KpiFrequency },
  measurements: PeriodMeasurement[],
  period: { from: string; to: string },
  formatting: NumberFormatting,
): PeriodRating {
  const inPeriod = measurements.filter((m) => m.periodStart >= period.from && m.periodStart <= period.to);
  const values = inPeriod
    .map((m) => ({ ...m, derived: measuredValue(kpi.unit, m) }))
    .filter((m): m is typeof m & { derived: number } => m.derived !== null && Number.isFinite(m.derived));
  const expected = Math.max(periodsBetween(kpi.frequency, period.from, period.to), values.length);
  const measured = values.length;
  const coverage = `${measured} of ${expected} ${expected === 1 ? "period" : "periods"} measured.`;
  if (measured === 0) {
    return {
      rating: "other",
      value: null,
      expected,
      measured,
      reasons: ["Nothing was measured in this period."],
    };
  }
  if (measured * 2 < expected) {
    return {
      rating: "other",
      value: null,
      expected,
      measured,
      reasons: [`Only ${coverage} Fewer than half the periods is too little to rate the whole.`],
    };
  }
  const multiplier = rateMultipliers[kpi.unit];
  let value: number;
  let how: string;
  if (multiplier !== undefined) {
    const numerator = values.reduce((sum, m) => sum + (m.numerator ?? 0), 0);
    const denominator = values.reduce((sum, m) => sum + (m.denominator ?? 0), 0);
    value = (numerator / denominator) * multiplier;
    const count = numberFormat(formatting.locale);
    how = `Pooled over the period: ${count.format(numerator)} of ${count.format(denominator)}.`;
  } else {
    value = values.reduce((sum, m) => sum + m.derived, 0) / measured;
    how = "The mean of the period's values.";
  }
  const overall = rateValue(kpi, value, formatting);
  const counts = new Map<KpiRating, number>();
  for (const m of values) {
    const { rating } = rateValue(kpi, m.derived, formatting);
    counts.set(rating, (counts.get(rating) ?? 0) + 1);
  }
  const spread = [...counts].map(([rating, count]) => `${kpiRatingLabels[rating]} ${count}`).join(", ");
  return {
    rating: overall.rating,
    value,
    expected,
    measured,
    reasons: [overall.reason, how, `${coverage} Periods rated: ${spread}.`],
  };
}
