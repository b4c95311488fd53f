/**
 * The coded values of performance management (issue 8), one source for the schema's checks, the inputs and
 * the pages. Labels are the words a council officer uses; pages show them, exports write them.
 */

/**
 * How a KPI is measured. Rates (`percent`, `per_1000`, `per_100000`) are derived from a numerator and a
 * denominator that are always supplied (004 §10 "ensure the actual numbers are also supplied"); other units
 * take the value as given. `other` names its unit in the KPI's `unitLabel` (e.g. "kg per household a year").
 */
export const kpiUnits = [
  "percent",
  "per_1000",
  "per_100000",
  "count",
  "days",
  "hours",
  "minutes",
  "money",
  "score",
  "other",
] as const;
export type KpiUnit = (typeof kpiUnits)[number];

/** The multiplier of a rate unit: value = numerator ÷ denominator × multiplier. */
export const rateMultipliers: Partial<Record<KpiUnit, number>> = {
  percent: 100,
  per_1000: 1_000,
  per_100000: 100_000,
};
export function isRateUnit(unit: KpiUnit): boolean {
  return rateMultipliers[unit] !== undefined;
}

export const kpiUnitLabels: Record<KpiUnit, string> = {
  percent: "Percentage (%)",
  per_1000: "Rate per 1,000",
  per_100000: "Rate per 100,000",
  count: "Count",
  days: "Days",
  hours: "Hours",
  minutes: "Minutes",
  money: "Money",
  score: "Score",
  other: "Other unit",
};

export const kpiDirections = ["higher_is_better", "lower_is_better"] as const;
export type KpiDirection = (typeof kpiDirections)[number];
export const kpiDirectionLabels: Record<KpiDirection, string> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
};

export const kpiFrequencies = ["monthly", "quarterly", "six_monthly", "annually"] as const;
export type KpiFrequency = (typeof kpiFrequencies)[number];
export const kpiFrequencyLabels: Record<KpiFrequency, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  six_monthly: "Every six months",
  annually: "Annually",
};
/** Months in one reporting period of each frequency. */
export const kpiFrequencyMonths: Record<KpiFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  six_monthly: 6,
  annually: 12,
};

export const kpiDataSources = ["supplier", "council", "residents"] as const;
export type KpiDataSource = (typeof kpiDataSources)[number];
export const kpiDataSourceLabels: Record<KpiDataSource, string> = {
  supplier: "Supplier's return",
  council: "Council's own data",
  residents: "Residents (surveys, complaints)",
};

/** PR24 reg 39(5): the rating a contract performance notice gives each KPI. */
export const kpiRatings = [
  "good",
  "approaching_target",
  "requires_improvement",
  "inadequate",
  "other",
] as const;
export type KpiRating = (typeof kpiRatings)[number];
export const kpiRatingLabels: Record<KpiRating, string> = {
  good: "Good",
  approaching_target: "Approaching target",
  requires_improvement: "Requires improvement",
  inadequate: "Inadequate",
  other: "Other",
};

/** 004 §12.3: the monthly status of the Contract Performance Tracker. */
export const ragStatuses = ["green", "amber", "red"] as const;
export type RagStatus = (typeof ragStatuses)[number];
export const ragStatusLabels: Record<RagStatus, string> = { green: "Green", amber: "Amber", red: "Red" };

/** 002 and 004 §6, §9: the meetings of a contract's life. */
export const meetingTypes = ["kickoff", "review", "performance", "close_out"] as const;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingTypeLabels: Record<MeetingType, string> = {
  kickoff: "Kickoff",
  review: "Contract review",
  performance: "Performance meeting",
  close_out: "Close-out",
};

/** Who owns an action, a risk or an improvement item: the council or the supplier (004 §11.2 joint register). */
export const ownerParties = ["council", "supplier"] as const;
export type OwnerParty = (typeof ownerParties)[number];
export const ownerPartyLabels: Record<OwnerParty, string> = { council: "Council", supplier: "Supplier" };

export const actionStatuses = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, string> = {
  open: "Open",
  done: "Done",
  cancelled: "Cancelled",
};

/** 004 §5: an improvement plan is "used where a contract is failing before a formal change or termination". */
export const improvementPlanTriggers = ["red_month", "inadequate_kpi", "other"] as const;
export type ImprovementPlanTrigger = (typeof improvementPlanTriggers)[number];
export const improvementPlanStatuses = ["open", "escalated", "closed"] as const;
export type ImprovementPlanStatus = (typeof improvementPlanStatuses)[number];
export const improvementPlanOutcomes = ["recovered", "change", "termination"] as const;
export type ImprovementPlanOutcome = (typeof improvementPlanOutcomes)[number];
export const improvementPlanOutcomeLabels: Record<ImprovementPlanOutcome, string> = {
  recovered: "Performance recovered",
  change: "Closed by a contract change",
  termination: "Closed by termination",
};

/** 004 §11.2: the joint risk register's categories. */
export const riskCategories = [
  "delivery",
  "financial",
  "supplier_viability",
  "legal_compliance",
  "health_and_safety",
  "data_protection",
  "reputational",
  "social_value",
  "environmental",
  "other",
] as const;
export type RiskCategory = (typeof riskCategories)[number];
export const riskCategoryLabels: Record<RiskCategory, string> = {
  delivery: "Service delivery",
  financial: "Financial",
  supplier_viability: "Supplier viability",
  legal_compliance: "Legal and compliance",
  health_and_safety: "Health and safety",
  data_protection: "Data protection",
  reputational: "Reputational",
  social_value: "Social value",
  environmental: "Environmental",
  other: "Other",
};
export const riskStatuses = ["open", "closed"] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/** A supplier monitoring report (High tier), as the contract manager assessed it. */
export const monitoringAssessments = ["satisfactory", "concerns", "unsatisfactory"] as const;
export type MonitoringAssessment = (typeof monitoringAssessments)[number];
export const monitoringAssessmentLabels: Record<MonitoringAssessment, string> = {
  satisfactory: "Satisfactory",
  concerns: "Some concerns",
  unsatisfactory: "Unsatisfactory",
};

/** The records a file can be attached to (issue 8 §10). */
export const attachmentOwners = [
  "measurement",
  "meeting",
  "improvement_plan",
  "risk",
  "management_plan",
  "monitoring_report",
  "close_out",
] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];
