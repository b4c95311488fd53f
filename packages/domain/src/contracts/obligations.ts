import type { Role } from "../roles.ts";
import type { Jurisdiction, TenantSettings } from "../tenant-settings.ts";
import { type ChangeStatus, canApprove } from "./changes.ts";
import type { contractStatuses, Tier } from "./contract-input.ts";
import { addMonths, daysBetween, firstOfMonth, monthOf } from "./iso-dates.ts";
import { tierLabels } from "./tiering.ts";

export type ContractStatus = (typeof contractStatuses)[number];
export type ObligationStatus = "met" | "due_soon" | "overdue" | "not_applicable";
export type ObligationKey =
  | "contract_manager_named"
  | "sro_named"
  | "tier_assessed"
  | "review_meetings"
  | "management_plan"
  | "management_plan_review"
  | "risk_register"
  | "monthly_rag"
  | "kpi_tracker"
  | "supplier_monitoring_report"
  | "variations_recorded"
  | "manager_training"
  | "za_monthly_monitoring"
  | "za_council_report"
  | "za_three_yearly_review";

export type Obligation = {
  key: ObligationKey;
  title: string;
  /** Where the duty comes from, e.g. "004 §5". */
  source: string;
  status: ObligationStatus;
  dueDate: string | null;
  /** What the duty is and, when it is not met, what to do. */
  detail: string;
};

/** The contract facts the engine reads. `tier` is the effective tier; null means it has not been assessed. */
export type ObligationContract = {
  tier: Tier | null;
  contractManagerId: string | null;
  sroId: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ContractStatus;
  jurisdiction: Jurisdiction;
};

/**
 * Facts from other features. Leave a source out (undefined) while its feature does not exist: the obligations
 * that depend on it are left out of the result and the score. An empty list means "nothing recorded", which
 * makes those obligations due or overdue.
 */
export type ObligationSources = {
  reviewMeetings?: { heldOn: string }[];
  managementPlan?: { createdOn: string; lastReviewedOn: string | null } | null;
  risks?: { count: number };
  /** Months (`YYYY-MM`) that have a RAG status. */
  ragStatuses?: { month: string }[];
  kpiMeasurements?: { measuredOn: string }[];
  monitoringReports?: { receivedOn: string }[];
  changes?: { status: ChangeStatus; valueDeltaMinor: number; approvedByRole: Role | null }[];
  training?: { managerFoundationValidUntil: string | null };
  councilReports?: { reportedOn: string }[];
  contractReviews?: { reviewedOn: string }[];
};

type Assessment = Pick<Obligation, "status" | "dueDate" | "detail">;
type ObligationContext = {
  contract: ObligationContract;
  sources: ObligationSources;
  today: string;
  settings: TenantSettings;
};
/** One duty. A later feature adds its obligation by adding one entry to `obligationRules`. */
type ObligationRule = {
  key: ObligationKey;
  title: string;
  source: string;
  /** Part of a jurisdiction's rule pack; left out for tenants elsewhere. */
  jurisdiction?: Jurisdiction;
  /** Still owed once the contract has expired or been terminated. */
  continuesAfterEnd?: boolean;
  /** Returns undefined when the source it needs was not passed in. */
  assess: (context: ObligationContext) => Assessment | undefined;
};

// 004 §5: review meetings "low – no less than yearly – Medium – no less than 6 monthly – High no less than quarterly"
const reviewMeetingMonths: Record<Tier, number> = { high: 3, medium: 6, low: 12 };
// 004 §5: the plan is reviewed "no less than every six months" (High) and "no less than annually" (Medium)
const planReviewMonths: Record<Tier, number | null> = { high: 6, medium: 12, low: null };

const obligationRules: readonly ObligationRule[] = [
  {
    key: "contract_manager_named",
    title: "Contract manager named",
    source: "004 §5",
    // 004 §5: "Every contract should have a designated contract manager"
    assess: ({ contract, today }) =>
      contract.contractManagerId !== null
        ? met("A contract manager is named.")
        : outstanding(
            contract.startDate,
            today,
            "Name the contract manager who runs this contract day to day.",
          ),
  },
  {
    key: "sro_named",
    title: "Senior Responsible Officer named",
    source: "004 §5",
    // 004 §5: "The Head of Service for the relevant area will become the Senior Responsible Officer"
    assess: ({ contract, today }) =>
      contract.sroId !== null
        ? met("A Senior Responsible Officer is named.")
        : outstanding(
            contract.startDate,
            today,
            "Name the Senior Responsible Officer: the Head of Service for the area.",
          ),
  },
  {
    key: "tier_assessed",
    title: "Tier assessed",
    source: "004 §4–5",
    // 004 §5: "Every contract should be determined as high, medium or low using the tiering"
    assess: ({ contract, today }) =>
      contract.tier !== null
        ? met(`Assessed as ${tierLabels[contract.tier]} tier.`)
        : outstanding(contract.startDate, today, "Run the tiering assessment to set High, Medium or Low."),
  },
  {
    key: "review_meetings",
    title: "Contract review meetings",
    source: "004 §5",
    assess: (context) => {
      const meetings = context.sources.reviewMeetings;
      if (meetings === undefined) return undefined;
      const tier = context.contract.tier;
      // An unassessed contract is held to the yearly minimum every tier shares; the tier obligation flags the gap.
      const months = reviewMeetingMonths[tier ?? "low"];
      const detail =
        tier === null
          ? "Meet the supplier at least yearly until the tier is assessed."
          : `${tierLabels[tier]} tier contracts hold a review meeting with the supplier at least every ${months} months.`;
      return recurring(
        context,
        latest(
          meetings.map((meeting) => meeting.heldOn),
          context.today,
        ),
        months,
        detail,
      );
    },
  },
  {
    key: "management_plan",
    title: "Contract management plan",
    source: "004 §5–6",
    assess: ({ contract, sources, today }) => {
      const plan = sources.managementPlan;
      if (plan === undefined) return undefined;
      if (contract.tier !== "high" && contract.tier !== "medium") {
        return notApplicable("Only Medium and High tier contracts need a contract management plan.");
      }
      if (plan !== null) return met("The contract management plan is in place.");
      // 004 §6: the plan is produced during mobilisation, so it is due by the start date.
      return outstanding(
        contract.startDate,
        today,
        "Write the contract management plan: monitoring, governance, milestones, payments, escalation and exit.",
      );
    },
  },
  {
    key: "management_plan_review",
    title: "Contract management plan reviewed",
    source: "004 §5",
    assess: (context) => {
      const plan = context.sources.managementPlan;
      if (plan === undefined) return undefined;
      const tier = context.contract.tier;
      const months = tier === null ? null : planReviewMonths[tier];
      if (tier === null || months === null) {
        return notApplicable("Only Medium and High tier contracts review a contract management plan.");
      }
      if (plan === null)
        return notApplicable("Write the contract management plan first; its reviews follow.");
      return recurring(
        context,
        plan.lastReviewedOn ?? plan.createdOn,
        months,
        `${tierLabels[tier]} tier contracts review and update the plan at least every ${months} months.`,
      );
    },
  },
  {
    key: "risk_register",
    title: "Joint risk register",
    source: "004 §5",
    assess: ({ contract, sources, today }) => {
      if (sources.risks === undefined) return undefined;
      if (contract.tier !== "high")
        return notApplicable("Only High tier contracts need a joint risk register.");
      if (sources.risks.count > 0) return met("The joint risk register has risks recorded.");
      return outstanding(
        contract.startDate,
        today,
        "Record the contract's risks with the supplier in a joint register.",
      );
    },
  },
  {
    key: "monthly_rag",
    title: "Monthly RAG status",
    source: "004 §5, §12.3",
    // 004 §5: "Contract Performance tracker should be completed with a RAG status monthly" — for all contracts
    assess: (context) => {
      const statuses = context.sources.ragStatuses;
      if (statuses === undefined) return undefined;
      const months = new Set(statuses.map((status) => status.month));
      return monthly(context, (month) => months.has(month), "Give the contract a RAG status for each month.");
    },
  },
  {
    key: "kpi_tracker",
    title: "KPIs measured in the performance tracker",
    source: "004 §5",
    // 004 §5: High tier contracts "use the Performance Tracker for measuring deliverables (KPIs and social value)".
    // 004 sets no frequency; quarterly matches the High tier review meetings the results feed.
    assess: (context) => {
      const measurements = context.sources.kpiMeasurements;
      if (measurements === undefined) return undefined;
      if (context.contract.tier !== "high") return notApplicable("Only High tier contracts must track KPIs.");
      return recurring(
        context,
        latest(
          measurements.map((measurement) => measurement.measuredOn),
          context.today,
        ),
        3,
        "High tier contracts record a KPI measurement at least every 3 months.",
      );
    },
  },
  {
    key: "supplier_monitoring_report",
    title: "Supplier monitoring report",
    source: "004 §5",
    // 004 §5: the report is "used at account management meeting", so it follows the High tier quarterly meetings.
    assess: (context) => {
      const reports = context.sources.monitoringReports;
      if (reports === undefined) return undefined;
      if (context.contract.tier !== "high") {
        return notApplicable("Only High tier contracts need a monitoring report from the supplier.");
      }
      return recurring(
        context,
        latest(
          reports.map((report) => report.receivedOn),
          context.today,
        ),
        3,
        "High tier contracts receive a monitoring report from the supplier, with social value results, at least every 3 months.",
      );
    },
  },
  {
    key: "variations_recorded",
    title: "Changes recorded and approved under the scheme of delegation",
    source: "004 §5",
    continuesAfterEnd: true,
    // 004 §5: "ensure all variations inc. waivers are in accordance with the Council's scheme of delegation".
    // A change in the system is recorded by definition, so what can fail is who approved it.
    assess: ({ sources, settings }) => {
      const changes = sources.changes;
      if (changes === undefined) return undefined;
      const approved = changes.filter((change) => change.status === "approved");
      if (approved.length === 0) return notApplicable("No changes have been approved.");
      const outside = approved.filter(
        (change) =>
          change.approvedByRole === null ||
          !canApprove(change.approvedByRole, change.valueDeltaMinor, settings.delegation),
      ).length;
      if (outside === 0) {
        return met(
          `${plural(approved.length, "approved change")} recorded, each within the scheme of delegation.`,
        );
      }
      return {
        status: "overdue",
        dueDate: null,
        detail: `${plural(outside, "change")} ${outside === 1 ? "was" : "were"} approved outside the scheme of delegation. Have ${outside === 1 ? "it" : "each"} ratified by the right approver.`,
      };
    },
  },
  {
    key: "manager_training",
    title: "Contract manager's foundation training",
    source: "004 §5",
    // 004 §5: "All contract managers have to complete the Contract Management Foundation training course"
    assess: ({ contract, sources, today, settings }) => {
      if (sources.training === undefined) return undefined;
      if (contract.contractManagerId === null) return notApplicable("Name a contract manager first.");
      const validUntil = sources.training.managerFoundationValidUntil;
      if (validUntil === null) {
        return outstanding(
          contract.startDate,
          today,
          "The contract manager has not completed the Contract Management Foundation course.",
        );
      }
      const status = dueStatus(validUntil, today, settings.dueSoonDays);
      return {
        status,
        dueDate: validUntil,
        detail:
          status === "overdue"
            ? "The contract manager's foundation training has lapsed; book a refresher."
            : "The contract manager's foundation training is current.",
      };
    },
  },
  {
    key: "za_monthly_monitoring",
    title: "Monthly performance monitoring",
    source: "MFMA s.116(2)",
    jurisdiction: "ZA",
    // MFMA s.116(2): the accounting officer must monitor the contractor's performance on a monthly basis.
    // Either a RAG status or a KPI measurement for last month shows it was done.
    assess: (context) => {
      const { ragStatuses, kpiMeasurements } = context.sources;
      if (ragStatuses === undefined && kpiMeasurements === undefined) return undefined;
      const done = (month: string) =>
        (ragStatuses ?? []).some((status) => status.month === month) ||
        (kpiMeasurements ?? []).some((measurement) => monthOf(measurement.measuredOn) === month);
      return monthly(
        context,
        done,
        "Monitor the contractor's performance every month (a RAG status or KPI measurement).",
      );
    },
  },
  {
    key: "za_council_report",
    title: "Report to council",
    source: "MFMA s.116(2)",
    jurisdiction: "ZA",
    // MFMA s.116(2): report regularly to the council on the contract and the contractor's performance. The Act
    // sets no frequency; quarterly keeps step with the council's quarterly budget reports (MFMA s.52(d)).
    assess: (context) => {
      const reports = context.sources.councilReports;
      if (reports === undefined) return undefined;
      return recurring(
        context,
        latest(
          reports.map((report) => report.reportedOn),
          context.today,
        ),
        3,
        "Report to council on the management of the contract and the contractor's performance at least quarterly.",
      );
    },
  },
  {
    key: "za_three_yearly_review",
    title: "Three-yearly contract review",
    source: "MFMA s.116(1)",
    jurisdiction: "ZA",
    // MFMA s.116(1): a contract for longer than three years provides for a review once every three years.
    assess: (context) => {
      const reviews = context.sources.contractReviews;
      if (reviews === undefined) return undefined;
      const { startDate, endDate } = context.contract;
      if (startDate === null || endDate === null) {
        return notApplicable(
          "Record the start and end dates to know whether a three-yearly review is needed.",
        );
      }
      if (endDate <= addMonths(startDate, 36))
        return notApplicable("The contract runs for three years or less.");
      return recurring(
        context,
        latest(
          reviews.map((review) => review.reviewedOn),
          context.today,
        ),
        36,
        "Contracts longer than three years are reviewed at least every three years.",
      );
    },
  },
];

/** DESIGN §4: derived on read from facts, so the result is right without a scheduled job. */
export function deriveObligations(
  contract: ObligationContract,
  sources: ObligationSources,
  today: string,
  settings: TenantSettings,
): Obligation[] {
  const context: ObligationContext = { contract, sources, today, settings };
  const ended =
    contract.status === "expired" ? "expired" : contract.status === "terminated" ? "been terminated" : null;
  return obligationRules.flatMap((rule) => {
    if (rule.jurisdiction !== undefined && rule.jurisdiction !== contract.jurisdiction) return [];
    const assessment = rule.assess(context);
    if (assessment === undefined) return [];
    const owed = ended === null || rule.continuesAfterEnd === true;
    const { key, title, source } = rule;
    return [
      { key, title, source, ...(owed ? assessment : notApplicable(`Not owed: the contract has ${ended}.`)) },
    ];
  });
}

/**
 * The share of applicable obligations not overdue, 0–100. "Due soon" counts as compliant: nothing has been
 * missed yet. Rounded down, so 100 means nothing is overdue. With nothing applicable there is nothing to fail.
 */
export function complianceScore(obligations: readonly Obligation[]): number {
  const applicable = obligations.filter((obligation) => obligation.status !== "not_applicable");
  if (applicable.length === 0) return 100;
  const compliant = applicable.filter((obligation) => obligation.status !== "overdue").length;
  return Math.floor((compliant * 100) / applicable.length);
}

function met(detail: string, dueDate: string | null = null): Assessment {
  return { status: "met", dueDate, detail };
}

function notApplicable(detail: string): Assessment {
  return { status: "not_applicable", dueDate: null, detail };
}

/** Overdue after the due date; due soon within `dueSoonDays` of it (the due date itself included). */
function dueStatus(dueDate: string, today: string, dueSoonDays: number): "met" | "due_soon" | "overdue" {
  if (today > dueDate) return "overdue";
  return daysBetween(today, dueDate) <= dueSoonDays ? "due_soon" : "met";
}

/** A one-off duty not yet done: due soon up to its due date, overdue after it or at once when there is none. */
function outstanding(dueDate: string | null, today: string, detail: string): Assessment {
  return { status: dueDate !== null && today <= dueDate ? "due_soon" : "overdue", dueDate, detail };
}

/** A recurring duty: due `months` after it was last done, or after the contract start when never done. */
function recurring(
  context: ObligationContext,
  lastDone: string | null,
  months: number,
  detail: string,
): Assessment {
  const from = lastDone ?? context.contract.startDate;
  if (from === null) {
    return {
      status: "overdue",
      dueDate: null,
      detail: `${detail} None is recorded and there is no start date to count from.`,
    };
  }
  const dueDate = addMonths(from, months);
  return { status: dueStatus(dueDate, context.today, context.settings.dueSoonDays), dueDate, detail };
}

/**
 * A monthly duty for the previous calendar month, due by the tenant's `ragDueDay` of this month (default the
 * 10th; 004 says monthly but not by when). It is met while last month is done, due soon from the 1st to the due
 * day when it is not, and overdue after. A contract that starts this month owes its first return next month.
 */
function monthly(
  context: ObligationContext,
  isDoneFor: (month: string) => boolean,
  detail: string,
): Assessment {
  const { contract, today, settings } = context;
  const dueDayOf = (monthStart: string) =>
    `${monthOf(monthStart)}-${String(settings.ragDueDay).padStart(2, "0")}`;
  const thisMonth = firstOfMonth(today);
  if (contract.startDate !== null && contract.startDate >= thisMonth) {
    return met(
      `${detail} The first is for the month the contract starts.`,
      dueDayOf(firstOfMonth(contract.startDate, 1)),
    );
  }
  if (isDoneFor(monthOf(firstOfMonth(today, -1)))) return met(detail, dueDayOf(firstOfMonth(today, 1)));
  return outstanding(dueDayOf(thisMonth), today, `${detail} Last month's is missing.`);
}

/** The most recent date up to today; later dates are plans, not events. */
function latest(dates: string[], today: string): string | null {
  return dates.reduce<string | null>(
    (last, date) => (date <= today && (last === null || date > last) ? date : last),
    null,
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
