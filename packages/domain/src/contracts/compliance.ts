import type { MeetingType, RiskStatus } from "../performance/vocabulary.ts";
import { type Role, roles } from "../roles.ts";
import type { Jurisdiction, TenantSettings } from "../tenant-settings.ts";
import { type RequiredCourse, trainingStanding } from "../training/rules.ts";
import type { ChangeStatus } from "./changes.ts";
import type { Tier } from "./contract-input.ts";
import type { DeviationGround } from "./deviations.ts";
import { monthOf } from "./iso-dates.ts";
import type { ContractNoticeKind } from "./notices.ts";
import {
  type ComplianceSummary,
  complianceSummary,
  deriveObligations,
  type Obligation,
  type ObligationContract,
} from "./obligations.ts";
import type { InvoiceDates } from "./payments.ts";

/** A live contract's facts as the register stores them (contracts.tier is always set). */
export type ContractFacts = Omit<ObligationContract, "jurisdiction" | "deviation" | "tier"> & {
  id: string;
  reference: string;
  title: string;
  tier: Tier;
  deviationGround: DeviationGround | null;
  deviationReportedOn: string | null;
};

/** What the obligations engine reads for a set of contracts, as the queries return it. */
export type ComplianceFacts = {
  contracts: readonly ContractFacts[];
  changes: readonly {
    contractId: string;
    status: ChangeStatus;
    valueDeltaMinor: number;
    decidedByRole: string | null;
  }[];
  invoices: readonly (InvoiceDates & { contractId: string })[];
  /** 004 §12.3: months (their first day) with a RAG status; absent leaves the monthly RAG "not yet tracked". */
  ragMonths?: readonly { contractId: string; month: string }[];
  /**
   * Per contract with KPIs: how many are live, the latest measured period and last month's when it has one
   * (what `kpis_set`, `kpi_tracker` and `za_monthly_monitoring` read). Absent: KPIs are not yet tracked.
   */
  kpis?: readonly { contractId: string; count: number; measuredPeriods: string[] }[];
  /** 004 §5–6: each contract management plan (a contract without one has none). Absent: not tracked. */
  managementPlans?: readonly { contractId: string; agreedOn: string; lastReviewedOn: string | null }[];
  /** 004 §5 (High tier): when each supplier monitoring report was received. Absent: not tracked. */
  monitoringReports?: readonly { contractId: string; receivedOn: string }[];
  /** 004 §6: each close-out started and not completed, with its checklist's progress. Absent: not tracked. */
  closeOuts?: readonly { contractId: string; items: number; itemsDone: number; evaluationWritten: boolean }[];
  /** PA23 s.71, s.80: the Contract Performance and Termination Notices published. Absent: not tracked. */
  notices?: readonly { contractId: string; kind: ContractNoticeKind; publishedOn: string }[];
  /** Held meetings (left out: meetings are not tracked). */
  meetings?: readonly { contractId: string; type: MeetingType; heldOn: string }[];
  /** The joint register's risks (left out: risks are not tracked). */
  risks?: readonly { contractId: string; status: RiskStatus; reviewOn: string }[];
  /**
   * Issue 10 §6: the courses the council requires of contract managers, and each member's latest completion of
   * each course (what `manager_training` reads for each contract's manager). Absent: training is not tracked.
   */
  training?: {
    requiredCourses: readonly { courseId: string; courseTitle: string }[];
    latestCompletions: readonly { userId: string; courseId: string; expiresOn: string | null }[];
  };
};

/** Each member's standing against the courses required of contract managers, by user id. */
export function managerStandingOf(training: NonNullable<ComplianceFacts["training"]>, today: string) {
  const latest = new Map(
    training.latestCompletions.map((completion) => [
      `${completion.userId}:${completion.courseId}`,
      completion,
    ]),
  );
  return (userId: string) =>
    trainingStanding(
      training.requiredCourses.map((course): RequiredCourse => {
        const completion = latest.get(`${userId}:${course.courseId}`);
        return completion
          ? { courseTitle: course.courseTitle, latestCompletion: { expiresOn: completion.expiresOn } }
          : { courseTitle: course.courseTitle };
      }),
      today,
    );
}

// 004 §5 "Regular contract review meetings": a review or a performance meeting is one; a kickoff (004 §6)
// and a close-out are not.
const reviewMeetingTypes: readonly MeetingType[] = ["review", "performance"];

export type CouncilRules = { jurisdiction: Jurisdiction; settings: TenantSettings };
export type ContractCompliance = { obligations: Obligation[]; summary: ComplianceSummary };

function groupBy<T extends { contractId: string }>(items: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const list = grouped.get(item.contractId);
    if (list) list.push(item);
    else grouped.set(item.contractId, [item]);
  }
  return grouped;
}

const isRole = (value: string | null): value is Role =>
  value !== null && (roles as readonly string[]).includes(value);

/**
 * Each contract's obligations and score, derived on read (DESIGN §4) from the sources that exist: the
 * register's fields, its changes, its invoices and its KPIs. A source not given (a feature not yet built) leaves
 * its duties "not yet tracked here".
 */
export function contractsCompliance(
  facts: ComplianceFacts,
  council: CouncilRules,
  today: string,
): Map<string, ContractCompliance> {
  const changes = groupBy(facts.changes);
  const invoices = groupBy(facts.invoices);
  const ragMonths = facts.ragMonths === undefined ? undefined : groupBy(facts.ragMonths);
  const kpis = facts.kpis ? new Map(facts.kpis.map((row) => [row.contractId, row])) : undefined;
  const plans =
    facts.managementPlans && new Map(facts.managementPlans.map((plan) => [plan.contractId, plan]));
  const reports = facts.monitoringReports && groupBy(facts.monitoringReports);
  const closeOuts =
    facts.closeOuts && new Map(facts.closeOuts.map((closeOut) => [closeOut.contractId, closeOut]));
  const meetings = facts.meetings && groupBy(facts.meetings);
  const notices = facts.notices && groupBy(facts.notices);
  const risks = facts.risks && groupBy(facts.risks);
  const standingOf = facts.training && managerStandingOf(facts.training, today);
  const compliance = new Map<string, ContractCompliance>();
  // Every object below is built field by field, in one shape: this runs for every contract of a council on each
  // compliance read, and for every engaged council at once on the advisor's portfolio.
  for (const contract of facts.contracts) {
    const kpi = kpis?.get(contract.id);
    const held = meetings && (meetings.get(contract.id) ?? []);
    const obligations = deriveObligations(
      {
        tier: contract.tier,
        contractManagerId: contract.contractManagerId,
        sroId: contract.sroId,
        startDate: contract.startDate,
        endDate: contract.endDate,
        status: contract.status,
        lifecycleStage: contract.lifecycleStage,
        publicContract: contract.publicContract,
        totalValueMinor: contract.totalValueMinor,
        lightTouch: contract.lightTouch,
        kpiExemptionReason: contract.kpiExemptionReason,
        deviation:
          contract.deviationGround === null
            ? null
            : { ground: contract.deviationGround, reportedOn: contract.deviationReportedOn },
        jurisdiction: council.jurisdiction,
      },
      {
        changes: (changes.get(contract.id) ?? []).map((change) => ({
          status: change.status,
          valueDeltaMinor: change.valueDeltaMinor,
          approvedByRole: isRole(change.decidedByRole) ? change.decidedByRole : null,
        })),
        invoices: invoices.get(contract.id) ?? [],
        ragStatuses:
          ragMonths === undefined
            ? undefined
            : (ragMonths.get(contract.id) ?? []).map((entry) => ({ month: monthOf(entry.month) })),
        kpis: kpis && { count: kpi?.count ?? 0 },
        kpiMeasurements: kpis && (kpi?.measuredPeriods ?? []).map((measuredOn) => ({ measuredOn })),
        managementPlan: plans && planSource(plans.get(contract.id)),
        monitoringReports: reports && (reports.get(contract.id) ?? []),
        closeOut: closeOuts && (closeOuts.get(contract.id) ?? null),
        notices: notices && (notices.get(contract.id) ?? []),
        kickoffMeetings: held?.filter((meeting) => meeting.type === "kickoff"),
        reviewMeetings: held?.filter((meeting) => reviewMeetingTypes.includes(meeting.type)),
        risks: risks && riskSource(risks.get(contract.id) ?? []),
        training:
          standingOf && contract.contractManagerId !== null
            ? standingOf(contract.contractManagerId)
            : undefined,
      },
      today,
      council.settings,
    );
    compliance.set(contract.id, { obligations, summary: complianceSummary(obligations) });
  }
  return compliance;
}

function planSource(plan: { agreedOn: string; lastReviewedOn: string | null } | undefined) {
  return plan ? { createdOn: plan.agreedOn, lastReviewedOn: plan.lastReviewedOn } : null;
}

function riskSource(risks: NonNullable<ComplianceFacts["risks"]>) {
  return {
    count: risks.length,
    openReviewDates: risks.filter((risk) => risk.status === "open").map((risk) => risk.reviewOn),
  };
}

export type ComplianceOverview = {
  contractCount: number;
  byTier: Record<Tier, number>;
  /** The mean of the contracts' scores (each over its tracked duties); null when no contract has a score. */
  averageScore: number | null;
  /** Duties owed and tracked across every contract: the score is over `tracked` of `owed`. */
  tracked: number;
  owed: number;
  /** Contracts with no tracked duty overdue (untracked duties may still be owed). */
  nothingOverdue: number;
  overdueByDuty: { key: string; title: string; count: number }[];
  /** Up to 25 contracts with an overdue duty, lowest score first. */
  needingAttention: {
    id: string;
    reference: string;
    title: string;
    tier: Tier;
    score: number | null;
    overdue: number;
    tracked: number;
    owed: number;
  }[];
};

const attentionListLength = 25;
const noSummary: ComplianceSummary = { score: null, tracked: 0, owed: 0, overdue: 0 };

/** The council's assurance view (004 §5): every live contract's score and the duties most often overdue. */
export function complianceOverview(
  contracts: readonly Pick<ContractFacts, "id" | "reference" | "title" | "tier">[],
  compliance: ReadonlyMap<string, ContractCompliance>,
): ComplianceOverview {
  const byTier: Record<Tier, number> = { high: 0, medium: 0, low: 0 };
  const overdueByDuty = new Map<string, { title: string; count: number }>();
  const needingAttention: ComplianceOverview["needingAttention"] = [];
  let tracked = 0;
  let owed = 0;
  let scoreTotal = 0;
  let scoreCount = 0;
  let nothingOverdue = 0;
  // One pass over the contracts and their duties: the portfolio runs this for every engaged council at once.
  for (const { id, reference, title, tier } of contracts) {
    byTier[tier] += 1;
    const found = compliance.get(id);
    const summary = found?.summary ?? noSummary;
    tracked += summary.tracked;
    owed += summary.owed;
    if (summary.score !== null) {
      scoreTotal += summary.score;
      scoreCount += 1;
    }
    if (summary.overdue === 0) nothingOverdue += 1;
    else {
      const { score, overdue } = summary;
      needingAttention.push({
        id,
        reference,
        title,
        tier,
        score,
        overdue,
        tracked: summary.tracked,
        owed: summary.owed,
      });
    }
    for (const obligation of found?.obligations ?? []) {
      if (obligation.status !== "overdue") continue;
      const entry = overdueByDuty.get(obligation.key);
      if (entry) entry.count += 1;
      else overdueByDuty.set(obligation.key, { title: obligation.title, count: 1 });
    }
  }
  return {
    contractCount: contracts.length,
    byTier,
    averageScore: scoreCount > 0 ? Math.round(scoreTotal / scoreCount) : null,
    tracked,
    owed,
    nothingOverdue,
    overdueByDuty: [...overdueByDuty.entries()]
      .map(([key, value]) => ({ key, ...value }))
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)),
    needingAttention: needingAttention
      .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.overdue - a.overdue)
      .slice(0, attentionListLength),
  };
}
