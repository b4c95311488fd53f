import type { Role } from "../roles.ts";
import type { Jurisdiction, TenantSettings } from "../tenant-settings.ts";
import type { TrainingStanding } from "../training/rules.ts";
import { type ChangeStatus, canApprove } from "./changes.ts";
import type { contractStatuses, Tier } from "./contract-input.ts";
import type { DeviationGround } from "./deviations.ts";
import { addDays, addMonths, daysBetween, firstOfMonth, monthOf } from "./iso-dates.ts";
import { type ContractNoticeKind, latestNotice } from "./notices.ts";
import { type InvoiceDates, invoiceStanding, paymentDeadline, paymentRules } from "./payments.ts";
import { tierLabels } from "./tiering.ts";

/** PA23 s.52(1): £5 million, in pence. */
export const kpiDutyValueMinor = 500_000_000;

export type ContractStatus = (typeof contractStatuses)[number];
/**
 * `not_tracked`: the duty is owed but Steward does not yet record what would show it done (its feature comes
 * later). It is shown, with its due date when known, and left out of the score rather than counted as met.
 */
export const obligationStatuses = ["met", "due_soon", "overdue", "not_tracked", "not_applicable"] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];
export type ObligationKey =
  | "contract_manager_named"
  | "sro_named"
  | "tier_assessed"
  | "kickoff_meeting"
  | "review_meetings"
  | "management_plan"
  | "management_plan_review"
  | "risk_register"
  | "monthly_rag"
  | "kpi_tracker"
  | "kpis_set"
  | "performance_notice"
  | "supplier_monitoring_report"
  | "variations_recorded"
  | "manager_training"
  | "invoices_paid_on_time"
  | "close_out"
  | "termination_notice"
  | "za_invoices_paid_on_time"
  | "za_deviation_reported"
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
  /** DESIGN §4 lifecycle; "closed" once close-out (004 §6) is done. */
  lifecycleStage: string;
  /** PA23 s.3: a public (above-threshold) contract; England only. */
  publicContract: boolean;
  /** The estimated (whole-life) value in minor units; PA23 s.52 sets KPIs above £5m. */
  totalValueMinor: number | null;
  /** PA23 s.52 does not apply to light touch contracts. */
  lightTouch: boolean;
  /**
   * PA23 s.52(1): the council's reason for considering that the supplier's performance could not appropriately
   * be assessed by KPIs; null when it has not said so.
   */
  kpiExemptionReason: string | null;
  /** SCM reg 36 (ZA): a deviation from the official procurement processes, and when it was reported. */
  deviation: { ground: DeviationGround; reportedOn: string | null } | null;
  jurisdiction: Jurisdiction;
};

/**
 * Facts from other features. Leave a source out (undefined) while its feature does not exist: the obligations
 * that depend on it are shown as "not yet tracked here" and left out of the score. An empty list means
 * "nothing recorded", which makes those obligations due or overdue.
 */
export type ObligationSources = {
  /** Held kickoff meetings (004 §6 mobilisation). */
  kickoffMeetings?: { heldOn: string }[];
  /** Held contract review and performance meetings (004 §5, §9). */
  reviewMeetings?: { heldOn: string }[];
  managementPlan?: { createdOn: string; lastReviewedOn: string | null } | null;
  /** Risks recorded in the joint register, and the review dates of those still open. */
  risks?: { count: number; openReviewDates: string[] };
  /** Months (`YYYY-MM`) that have a RAG status. */
  ragStatuses?: { month: string }[];
  /** The first day of measured KPI periods (at least the latest, and last month's when it has one). */
  kpiMeasurements?: { measuredOn: string }[];
  /** The contract's live (not archived) KPIs. */
  kpis?: { count: number };
  monitoringReports?: { receivedOn: string }[];
  /** The close-out started on the Close-out tab (004 §6): its checklist's progress; null when not started. */
  closeOut?: { items: number; itemsDone: number; evaluationWritten: boolean } | null;
  changes?: { status: ChangeStatus; valueDeltaMinor: number; approvedByRole: Role | null }[];
  /** The contract manager's standing against the training the council requires of contract managers (issue 10 §6). */
  training?: TrainingStanding;
  /** PA23 s.71, s.80: the Contract Performance and Termination Notices published. */
  notices?: { kind: ContractNoticeKind; publishedOn: string }[];
  councilReports?: { reportedOn: string }[];
  contractReviews?: { reviewedOn: string }[];
  invoices?: InvoiceDates[];
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
  /** Still owed once the contract has expired or been terminated (PA23 s.80, 004 §6). */
  continuesAfterEnd?: boolean;
  /** Returns `notTracked(…)` when the source it needs does not exist yet. */
  assess: (context: ObligationContext) => Assessment;
};

// 004 §5: review meetings "low – no less than yearly – Medium – no less than 6 monthly – High no less than quarterly"
const reviewMeetingMonths: Record<Tier, number> = { high: 3, medium: 6, low: 12 };
// 004 §5: the plan is reviewed "no less than every six months" (High) and "no less than annually" (Medium)
export const planReviewMonths: Record<Tier, number | null> = { high: 6, medium: 12, low: null };
// Steward: a contract started within these months is still new enough to owe its kickoff (004 §6).
const kickoffWindowMonths = 3;

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
    key: "kickoff_meeting",
    title: "Kickoff meeting held",
    source: "004 §6",
    // 004 §6 "Contract mobilisation": "Hold kick-off meeting with the supplier, and discuss contract management
    // process". Owed by a new contract: one in handover or mobilisation, or started in the last 3 months (a
    // Steward figure: a contract long in delivery is past its mobilisation). Held by the start date.
    assess: ({ contract, sources, today }) => {
      const mobilising = contract.lifecycleStage === "handover" || contract.lifecycleStage === "mobilisation";
      const recent =
        contract.startDate !== null && contract.startDate >= addMonths(today, -kickoffWindowMonths);
      if (!mobilising && !recent) {
        return notApplicable(
          "A kickoff meeting belongs to a new contract's mobilisation; this one is past it.",
        );
      }
      const meetings = sources.kickoffMeetings;
      if (meetings === undefined) return notTracked("Kickoff meetings are not yet recorded here.");
      const heldOn = latest(
        meetings.map((meeting) => meeting.heldOn),
        today,
      );
      if (heldOn !== null) return met("The kickoff meeting with the supplier was held.", heldOn);
      const detail =
        "Hold the kickoff meeting with the supplier: expectations, roles, reporting and the meetings to come.";
      if (contract.startDate === null) return { status: "due_soon", dueDate: null, detail };
      return outstanding(contract.startDate, today, detail);
    },
  },
  {
    key: "review_meetings",
    title: "Contract review meetings",
    source: "004 §5",
    assess: (context) => {
      const meetings = context.sources.reviewMeetings;
      if (meetings === undefined) return notTracked("Review meetings are not yet recorded here.");
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
      if (contract.tier !== "high" && contract.tier !== "medium") {
        return notApplicable("Only Medium and High tier contracts need a contract management plan.");
      }
      if (plan === undefined) return notTracked("Contract management plans are not yet recorded here.");
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
      const tier = context.contract.tier;
      const months = tier === null ? null : planReviewMonths[tier];
      if (tier === null || months === null) {
        return notApplicable("Only Medium and High tier contracts review a contract management plan.");
      }
      if (plan === undefined) return notTracked("Plan reviews are not yet recorded here.");
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
    assess: ({ contract, sources, today, settings }) => {
      if (contract.tier !== "high")
        return notApplicable("Only High tier contracts need a joint risk register.");
      const risks = sources.risks;
      if (risks === undefined) return notTracked("Risk registers are not yet recorded here.");
      if (risks.count > 0) {
        // 004 §6: "Keep the Contract Management Plan and any risk register up to date": a review date passed
        // makes the register overdue; the earliest open review date is when it is next due.
        const next = risks.openReviewDates.reduce<string | null>(
          (first, date) => (first === null || date < first ? date : first),
          null,
        );
        if (next === null) return met("The joint risk register has risks recorded; none is open.");
        const late = risks.openReviewDates.filter((date) => date < today).length;
        if (late > 0) {
          return {
            status: "overdue",
            dueDate: next,
            detail: `${plural(late, "risk")} ${late === 1 ? "is" : "are"} past ${late === 1 ? "its" : "their"} review date: review ${late === 1 ? "it" : "them"} with the supplier.`,
          };
        }
        return {
          status: dueStatus(next, today, settings.dueSoonDays),
          dueDate: next,
          detail: "The joint risk register is kept: the next risk review is on the date shown.",
        };
      }
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
      if (statuses === undefined) return notTracked("Monthly RAG statuses are not yet recorded here.");
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
      if (context.contract.tier !== "high") return notApplicable("Only High tier contracts must track KPIs.");
      if (measurements === undefined) return notTracked("KPI measurements are not yet recorded here.");
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
    key: "kpis_set",
    title: "At least three KPIs set",
    source: "PA23 s.52",
    jurisdiction: "GB-ENG",
    // PA23 s.52(1): "before entering into a public contract with an estimated value of more than £5 million, a
    // contracting authority must set at least three key performance indicators", unless it considers performance
    // could not appropriately be assessed by KPIs; light touch contracts and frameworks are outside the section.
    // Steward reads the register's total value as the estimate and counts the contract's live KPIs.
    assess: ({ contract, sources, today }) => {
      const outside = outsideSection52(contract);
      if (outside) return outside;
      if (sources.kpis === undefined) return notTracked("KPIs are not yet recorded here.");
      if (sources.kpis.count >= 3) return met(`${plural(sources.kpis.count, "KPI")} set.`);
      return outstanding(
        contract.startDate,
        today,
        `Set at least three KPIs (${plural(sources.kpis.count, "KPI")} so far) and publish them in the Contract Details Notice, unless performance could not appropriately be assessed by KPIs.`,
      );
    },
  },
  {
    key: "performance_notice",
    title: "Contract Performance Notice",
    source: "PA23 s.71",
    jurisdiction: "GB-ENG",
    // PA23 s.71: for a public contract whose KPIs were set under s.52, the supplier's performance is assessed
    // against them at least once in every period of twelve months, and when the contract ends, and published as a
    // Contract Performance Notice (its ratings PR24 reg 39). Tracked here: the twelve-monthly notice, counted from
    // the contract's start or the last one published. The notice on ending is said, not tracked (the duty stops
    // being shown once the contract has ended, as every duty but close-out's and s.80's does).
    assess: (context) => {
      const outside = outsideSection52(context.contract);
      if (outside) return outside;
      const notices = context.sources.notices;
      if (notices === undefined) return notTracked("Contract Performance Notices are not yet recorded here.");
      return recurring(
        context,
        latestNotice(notices, "contract_performance"),
        12,
        "Assess the supplier against the KPIs and publish a Contract Performance Notice at least once every 12 months (and when the contract ends).",
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
      if (context.contract.tier !== "high") {
        return notApplicable("Only High tier contracts need a monitoring report from the supplier.");
      }
      if (reports === undefined) return notTracked("Supplier monitoring reports are not yet recorded here.");
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
      if (changes === undefined) return notTracked("Changes are not yet recorded here.");
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
    // 004 §5: "All contract managers have to complete the Contract Management Foundation training course"; the
    // council's requirements for the contract manager role say which courses (issue 10 §6).
    assess: ({ contract, sources, today, settings }) => {
      if (contract.contractManagerId === null) return notApplicable("Name a contract manager first.");
      const standing = sources.training;
      if (standing === undefined) return notTracked("Training records are not yet kept here.");
      if (standing.required === 0) {
        return notApplicable("This council requires no training course of its contract managers.");
      }
      if (standing.neverCompleted.length > 0) {
        return outstanding(
          contract.startDate,
          today,
          `The contract manager has not completed ${standing.neverCompleted.join(", ")}.`,
        );
      }
      if (standing.lapsedOn !== null) {
        return {
          status: "overdue",
          dueDate: standing.lapsedOn,
          detail: `The contract manager's ${standing.lapsed.join(", ")} has lapsed; book a refresher.`,
        };
      }
      if (standing.validUntil === null) return met("The contract manager's required training is current.");
      const status = dueStatus(standing.validUntil, today, settings.dueSoonDays);
      return {
        status,
        dueDate: standing.validUntil,
        detail:
          status === "due_soon"
            ? "The contract manager's foundation training is due for re-accreditation; book a refresher."
            : "The contract manager's foundation training is current.",
      };
    },
  },
  {
    key: "invoices_paid_on_time",
    title: "Invoices paid on time",
    source: "PA23 s.68(2)",
    jurisdiction: "GB-ENG",
    continuesAfterEnd: true,
    assess: invoicesPaidOnTime,
  },
  {
    key: "za_invoices_paid_on_time",
    title: "Invoices paid within 30 days",
    source: "MFMA s.65(2)(e)",
    jurisdiction: "ZA",
    continuesAfterEnd: true,
    assess: invoicesPaidOnTime,
  },
  {
    key: "close_out",
    title: "Contract close-out",
    source: "004 §6",
    continuesAfterEnd: true,
    // 004 §6 "Contract close": exit arrangements, decommissioning, telling stakeholders, lessons learnt and
    // the termination notice. 004 sets no date; the 30 days of that notice (PA23 s.80) are used for all of it.
    // The contract's lifecycle stage records it: "Closed" once close-out is done.
    assess: ({ contract, sources, today, settings }) => {
      if (contract.lifecycleStage === "closed") return met("Close-out is done: the contract is closed.");
      if (contract.endDate === null) {
        return notApplicable("Record the end date to know when close-out falls due.");
      }
      const dueDate = endNoticeDeadline(contract.endDate);
      if (daysBetween(today, contract.endDate) > settings.dueSoonDays) {
        return {
          status: "not_applicable",
          dueDate,
          detail: `Owed from ${plural(settings.dueSoonDays, "day")} before the contract ends.`,
        };
      }
      const started = sources.closeOut;
      return {
        status: today > dueDate ? "overdue" : "due_soon",
        dueDate,
        detail: started
          ? `Close-out started: ${started.itemsDone} of ${plural(started.items, "checklist item")} done${started.evaluationWritten ? ", final evaluation written" : ", final evaluation to write"}. Complete it on the Close-out tab, which closes the contract.`
          : "Close the contract on its Close-out tab: exit arrangements, decommissioning, telling stakeholders, the final evaluation and lessons learnt.",
      };
    },
  },
  {
    key: "termination_notice",
    title: "Contract Termination Notice",
    source: "PA23 s.80",
    jurisdiction: "GB-ENG",
    continuesAfterEnd: true,
    // PA23 s.80: a contract termination notice within 30 days of a public contract ending; "termination"
    // covers every way a contract ends, expiry included (004 §7: "Within 30 days of a contract expiring or
    // terminating for any reason"). Met once one is recorded; until then due by 29 days after the end date.
    assess: ({ contract, sources, today, settings }) => {
      if (!contract.publicContract) {
        return notApplicable(
          "Only public (above-threshold) contracts publish a Contract Termination Notice.",
        );
      }
      const published = sources.notices && latestNotice(sources.notices, "contract_termination");
      if (published) return met(`A Contract Termination Notice was published on ${published}.`);
      if (contract.endDate === null) {
        return notTracked("Publish within 30 days of the contract ending. Record the end date to know when.");
      }
      const deadline = endNoticeDeadline(contract.endDate);
      const detail =
        "Publish on the Central Digital Platform within 30 days beginning with the day the contract ends.";
      if (sources.notices === undefined)
        return notTracked(`${detail} Notices are not yet recorded here.`, deadline);
      return { status: dueStatus(deadline, today, settings.dueSoonDays), dueDate: deadline, detail };
    },
  },
  {
    key: "za_deviation_reported",
    title: "Deviation reported to council",
    source: "SCM reg 36(2)",
    jurisdiction: "ZA",
    continuesAfterEnd: true,
    // SCM reg 36(2): "record the reasons for any deviations … and report them to the next meeting of the
    // council". Council meeting dates are not recorded here, so an unreported deviation is due, not overdue.
    assess: ({ contract }) => {
      if (contract.deviation === null) {
        return notApplicable("No deviation from the official procurement processes is recorded.");
      }
      if (contract.deviation.reportedOn !== null) {
        return met("The deviation and its reasons were reported to council.", contract.deviation.reportedOn);
      }
      return {
        status: "due_soon",
        dueDate: null,
        detail:
          "Report the deviation and its reasons to the next meeting of the council, then record the meeting's date and reference.",
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
      if (ragStatuses === undefined && kpiMeasurements === undefined) {
        return notTracked("RAG statuses and KPI measurements are not yet recorded here.");
      }
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
      if (reports === undefined) return notTracked("Reports to council are not yet recorded here.");
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
      const { startDate, endDate } = context.contract;
      if (startDate === null || endDate === null) {
        return notApplicable(
          "Record the start and end dates to know whether a three-yearly review is needed.",
        );
      }
      if (endDate <= addMonths(startDate, 36))
        return notApplicable("The contract runs for three years or less.");
      if (reviews === undefined) return notTracked("Contract reviews are not yet recorded here.");
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

/**
 * DESIGN §4: derived on read from facts, so the result is right without a scheduled job. Once a contract has
 * expired or been terminated only the rules that say so continue (PA23 s.80, 004 §6, payments, changes).
 */
export function deriveObligations(
  contract: ObligationContract,
  sources: ObligationSources,
  today: string,
  settings: TenantSettings,
): Obligation[] {
  const context: ObligationContext = { contract, sources, today, settings };
  const ended =
    contract.status === "expired" ? "expired" : contract.status === "terminated" ? "been terminated" : null;
  const obligations: Obligation[] = [];
  for (const rule of obligationRules) {
    if (rule.jurisdiction !== undefined && rule.jurisdiction !== contract.jurisdiction) continue;
    const owed = ended === null || rule.continuesAfterEnd === true;
    const { status, dueDate, detail } = owed
      ? rule.assess(context)
      : notApplicable(`Not owed: the contract has ${ended}.`);
    // One object of one shape per duty: the engine runs for every contract of a council on each read.
    obligations.push({ key: rule.key, title: rule.title, source: rule.source, status, dueDate, detail });
  }
  return obligations;
}

/**
 * The share of tracked obligations not overdue, 0–100. "Due soon" counts as compliant: nothing has been
 * missed yet. Rounded down, so 100 means nothing tracked is overdue. With nothing owed there is nothing to
 * fail (100); with duties owed but none tracked there is no score (null), never a 100 no one earned.
 */
export function complianceScore(obligations: readonly Obligation[]): number | null {
  return complianceSummary(obligations).score;
}

export type ComplianceSummary = {
  score: number | null;
  /** Owed and tracked here: the duties the score is over. */
  tracked: number;
  /** Owed (not "not applicable"), tracked here or not. */
  owed: number;
  overdue: number;
};

/** The score and what it is over: "3 of 9 duties tracked". */
export function complianceSummary(obligations: readonly Obligation[]): ComplianceSummary {
  let owed = 0;
  let tracked = 0;
  let overdue = 0;
  for (const { status } of obligations) {
    if (status === "not_applicable") continue;
    owed += 1;
    if (status === "not_tracked") continue;
    tracked += 1;
    if (status === "overdue") overdue += 1;
  }
  const score = owed === 0 ? 100 : tracked === 0 ? null : Math.floor(((tracked - overdue) * 100) / tracked);
  return { score, tracked, owed, overdue };
}

/** "3 of 9 duties tracked", said next to a score. */
export function trackedLabel(summary: Pick<ComplianceSummary, "tracked" | "owed">): string {
  return `${summary.tracked} of ${plural(summary.owed, "duty", "duties")} tracked`;
}

/** Invoices are late when unpaid after the payment term or paid after it in the last six months. */
const latePaymentLookbackMonths = 6;

/**
 * PA23 s.68(2) / MFMA s.65(2)(e): every undisputed invoice paid by its deadline. An invoice unpaid past it is
 * overdue until paid or disputed; one paid late counts against the contract for six months (a payments
 * compliance reporting period, PA23 s.69). Disputed invoices are left out (PA23 s.68(3)).
 */
function invoicesPaidOnTime({ contract, sources, today, settings }: ObligationContext): Assessment {
  const invoices = sources.invoices;
  if (invoices === undefined) return notTracked("Invoices are not yet recorded here.");
  const jurisdiction = contract.jurisdiction;
  const rule = paymentRules[jurisdiction];
  if (invoices.length === 0) return notApplicable("No invoices are recorded.");
  const since = addMonths(today, -latePaymentLookbackMonths);
  const standings = invoices.map((invoice) => ({
    invoice,
    standing: invoiceStanding(invoice, jurisdiction, today),
    deadline: paymentDeadline(invoice, jurisdiction),
  }));
  const unpaidLate = standings.filter((entry) => entry.standing === "unpaid_late");
  const paidLate = standings.filter(
    (entry) => entry.standing === "paid_late" && (entry.invoice.paidOn ?? "") >= since,
  );
  const earliest = (entries: typeof standings) =>
    entries.reduce<string | null>(
      (first, entry) => (first === null || entry.deadline < first ? entry.deadline : first),
      null,
    );
  if (unpaidLate.length > 0 || paidLate.length > 0) {
    const parts = [
      unpaidLate.length > 0
        ? `${plural(unpaidLate.length, "invoice")} unpaid past the deadline: pay ${unpaidLate.length === 1 ? "it" : "them"}, or mark ${unpaidLate.length === 1 ? "it" : "them"} disputed if the council disputes ${unpaidLate.length === 1 ? "it" : "them"}.`
        : null,
      paidLate.length > 0 ? `${plural(paidLate.length, "invoice")} paid late in the last six months.` : null,
    ];
    return {
      status: "overdue",
      dueDate: earliest(unpaidLate),
      detail: `${parts.filter((part) => part !== null).join(" ")} ${rule.term}`,
    };
  }
  const unpaid = standings.filter((entry) => entry.standing === "unpaid");
  const next = earliest(unpaid);
  if (next !== null && daysBetween(today, next) <= settings.dueSoonDays) {
    return {
      status: "due_soon",
      dueDate: next,
      detail: `${plural(unpaid.length, "invoice")} to pay. ${rule.term}`,
    };
  }
  return met(`Every undisputed invoice is paid on time or not yet due. ${rule.term}`, next);
}

/**
 * PA23 s.52 (and so s.71) does not apply to this contract: not a public contract, light touch, not over £5 million,
 * or the council considers KPIs could not appropriately assess the supplier. Null when it applies.
 */
function outsideSection52(contract: ObligationContract): Assessment | null {
  if (!contract.publicContract || contract.lightTouch) {
    return notApplicable(
      "PA23 s.52 (and with it s.71) applies to public contracts that are not light touch.",
    );
  }
  if (contract.totalValueMinor === null || contract.totalValueMinor <= kpiDutyValueMinor) {
    return notApplicable("PA23 s.52 (and with it s.71) applies to public contracts over £5 million only.");
  }
  if (contract.kpiExemptionReason !== null) {
    return notApplicable(
      `The council considers KPIs could not appropriately assess this supplier's performance: ${contract.kpiExemptionReason}`,
    );
  }
  return null;
}

/** PA23 s.80: 30 days beginning with the day the contract ends, so the 30th day is 29 days after it. */
function endNoticeDeadline(endDate: string): string {
  return addDays(endDate, 29);
}

function met(detail: string, dueDate: string | null = null): Assessment {
  return { status: "met", dueDate, detail };
}

function notApplicable(detail: string): Assessment {
  return { status: "not_applicable", dueDate: null, detail };
}

/** Owed, but nothing recorded here can show it done yet. */
function notTracked(detail: string, dueDate: string | null = null): Assessment {
  return { status: "not_tracked", dueDate, detail: `Not yet tracked here. ${detail}` };
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

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
