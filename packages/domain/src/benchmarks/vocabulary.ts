/**
 * The coded values of cross-council benchmarking (issue 9; DESIGN §5), one source for the schema's checks, the
 * job and the pages.
 */

/**
 * Measures every council has without a KPI template (issue 9 §2): worked out from the register and the tracker.
 * Each is one figure per council per period, in the unit and direction given here.
 */
export const universalMeasures = ["kpi_attainment", "months_red", "days_to_pay", "variation_rate"] as const;
export type UniversalMeasure = (typeof universalMeasures)[number];

export const universalMeasureInfo: Record<
  UniversalMeasure,
  {
    label: string;
    unit: "percent" | "days";
    direction: "higher_is_better" | "lower_is_better";
    definition: string;
  }
> = {
  kpi_attainment: {
    label: "KPI attainment rate",
    unit: "percent",
    direction: "higher_is_better",
    definition:
      "Measurements rated Good (on or beyond target, PR24 reg 39(5)) ÷ all rated measurements in the period.",
  },
  months_red: {
    label: "Share of months Red",
    unit: "percent",
    direction: "lower_is_better",
    definition:
      "Contract-months with a Red RAG status ÷ contract-months with a RAG status in the period (004 §12.3).",
  },
  days_to_pay: {
    label: "Average days to pay",
    unit: "days",
    direction: "lower_is_better",
    definition:
      "Mean days from receipt of an invoice to its payment, counted from the day after receipt (PA23 s.68), for invoices paid in the period and not disputed.",
  },
  variation_rate: {
    label: "Variation rate",
    unit: "percent",
    direction: "lower_is_better",
    definition:
      "Value of approved changes ÷ the original total value, over contracts with an original value that were live in the period.",
  },
};

/** Why a benchmark cell is not shown (issue 9 §4). */
export const suppressionReasons = ["too_few_councils", "differencing"] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/** Where an organisation's legal name came from: never from what a council typed (issue 9 §1, issue 6 §2.5). */
export const organisationNameSources = ["registry", "operator"] as const;
export type OrganisationNameSource = (typeof organisationNameSources)[number];
