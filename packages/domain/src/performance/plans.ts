import { z } from "zod";
import type { Tier } from "../contracts/contract-input.ts";
import { addMonths } from "../contracts/iso-dates.ts";
import { planReviewMonths } from "../contracts/obligations.ts";
import {
  idInput,
  isoDate,
  listInput,
  optionalTextInput,
  textInput,
  textLimits,
  versionInput,
} from "../input.ts";
import { monitoringAssessments } from "./vocabulary.ts";

/** A milestone or task of the plan (004 §5 "milestones and tasks"), done once `doneOn` is set. */
export const planMilestoneInput = z.object({
  title: textInput({ max: textLimits.short, min: 1, required: "Say what the milestone is." }),
  dueOn: isoDate,
  doneOn: isoDate.nullable().default(null),
});

/**
 * 004 §5: "The plan is used to document the monitoring arrangements, governance requirements, milestones and
 * tasks, payment schedule, and escalation process for concerns, and exit arrangements". Monitoring and
 * governance are what every plan must say; the others may follow as the contract is mobilised.
 */
export const managementPlanInput = z.object({
  monitoring: textInput({
    max: textLimits.long,
    min: 1,
    required: "Say how the contract is monitored: meetings, reports, KPIs and who looks at them.",
  }),
  governance: textInput({
    max: textLimits.long,
    min: 1,
    required: "Say who is accountable and where decisions are taken (SRO, boards, meetings).",
  }),
  milestones: listInput(planMilestoneInput, 100, "A plan holds at most 100 milestones."),
  paymentSchedule: optionalTextInput(textLimits.long),
  escalation: optionalTextInput(textLimits.long),
  exitPlan: optionalTextInput(textLimits.long),
  /** The day the plan was agreed (with the supplier, at or after the kickoff meeting). */
  agreedOn: isoDate,
});
export type ManagementPlanInput = z.infer<typeof managementPlanInput>;

export const saveManagementPlanInput = z.object({
  contractId: idInput,
  /** The version read; null to write the contract's first plan. */
  version: versionInput.nullable(),
  plan: managementPlanInput,
});

/** A review of the plan: when, and what was found or changed. */
export const managementPlanReviewInput = z.object({
  contractId: idInput,
  version: versionInput,
  reviewedOn: isoDate,
  note: optionalTextInput(textLimits.long),
});

/**
 * When the plan is next due for review (004 §5: High "no less than every six months", Medium "no less than
 * annually"), counted from its last review or, before the first, from the day it was agreed. A Low tier
 * contract owes no reviews, so it has none.
 */
export function planNextReviewOn(tier: Tier | null, lastReviewedOn: string | null, agreedOn: string) {
  const months = tier === null ? null : planReviewMonths[tier];
  if (months === null) return null;
  return addMonths(lastReviewedOn ?? agreedOn, months);
}

/**
 * Why a review cannot be recorded on that day: not before the plan was agreed, and not in the future (a review
 * is recorded once it has happened). Null when it can.
 */
export function planReviewDateProblem(reviewedOn: string, agreedOn: string, today: string) {
  if (reviewedOn > today)
    return "Record a review once it has taken place: give today's date or an earlier one.";
  if (reviewedOn < agreedOn) return "A review cannot be before the plan was agreed.";
  return null;
}

/** 004 §5 (High tier): a monitoring report received from the supplier, for the account management meeting. */
export const monitoringReportInput = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate,
    receivedOn: isoDate,
    /** What the report says, including the social value results (004 §5). */
    summary: optionalTextInput(textLimits.long),
  })

  .superRefine((report, ctx) => {
    if (report.periodEnd < report.periodStart) {
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "The period cannot end before it starts.",
      });
    }
    if (report.receivedOn < report.periodStart) {
      ctx.addIssue({
        code: "custom",
        path: ["receivedOn"],
        message: "A report is received after the period it covers has started.",
      });
    }
  });
export type MonitoringReportInput = z.infer<typeof monitoringReportInput>;

/**
 * The contract manager's assessment of a report (004 §6 "Receive and assess performance reports"). Concerns
 * and an unsatisfactory report need a note saying what is wrong, so the meeting can act on it.
 */
export const monitoringAssessmentInput = z
  .object({
    reportId: idInput,
    version: versionInput,
    assessment: z.enum(monitoringAssessments),
    assessmentNote: optionalTextInput(textLimits.long),
    assessedOn: isoDate,
  })

  .superRefine((input, ctx) => {
    if (input.assessment !== "satisfactory" && input.assessmentNote === null) {
      ctx.addIssue({
        code: "custom",
        path: ["assessmentNote"],
        message: "Say what the concerns are, so they can be raised with the supplier.",
      });
    }
  });
