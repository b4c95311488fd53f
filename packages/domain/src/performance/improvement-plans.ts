import { z } from "zod";
import { idInput, isoDate, optionalTextInput, textInput, textLimits } from "../input.ts";
import { isActionOverdue } from "./meetings.ts";
import { type ActionStatus, improvementPlanOutcomes, improvementPlanTriggers } from "./vocabulary.ts";

/**
 * 004 §5: "Improvement plans should be used where a contract is failing before a formal change or
 * termination". A plan is opened from a Red month of the RAG tracker (004 §12.3) or an Inadequate KPI rating
 * (PR24 reg 39(5)), or for another failure the manager names; it records which.
 */
export const openImprovementPlanInput = z
  .object({
    contractId: idInput,
    trigger: z.enum(improvementPlanTriggers),
    /** The Red month's first day (as the RAG tracker keeps it). */
    triggerMonth: isoDate.nullable().default(null),
    triggerKpiId: idInput.nullable().default(null),
    title: textInput({ max: textLimits.short, min: 1, required: "Give the plan a short title." }),
    reason: textInput({
      max: textLimits.long,
      min: 1,
      required: "Say how the contract is failing, so everyone reads the same problem.",
    }),
  })
  .superRefine((plan, ctx) => {
    if (plan.trigger === "red_month" && plan.triggerMonth === null) {
      ctx.addIssue({ code: "custom", path: ["triggerMonth"], message: "Name the Red month." });
    }
    if (plan.triggerMonth !== null && !plan.triggerMonth.endsWith("-01")) {
      ctx.addIssue({
        code: "custom",
        path: ["triggerMonth"],
        message: "Give the month as its first day (YYYY-MM-01).",
      });
    }
    if (plan.trigger === "inadequate_kpi" && plan.triggerKpiId === null) {
      ctx.addIssue({ code: "custom", path: ["triggerKpiId"], message: "Name the Inadequate KPI." });
    }
  });
export type OpenImprovementPlanInput = z.infer<typeof openImprovementPlanInput>;

/** 004 §9: "Escalate issues to the SRO where appropriate so further support and guidance can be provided". */
export const escalationNoteInput = textInput({
  max: textLimits.long,
  min: 1,
  required: "Say what you need from the Senior Responsible Officer.",
});

/** 004 §5: the plan ends in recovery, a formal change, or termination. */
export const improvementPlanClosureInput = z.object({
  outcome: z.enum(improvementPlanOutcomes),
  outcomeNote: optionalTextInput(textLimits.long),
});

export type ImprovementPlanProgress = { done: number; open: number; overdue: number; total: number };

/**
 * A plan's progress from its items (actions): done out of those not cancelled, and how many open items are
 * past their due date. Cancelled items count in neither.
 */
export function improvementPlanProgress(
  items: readonly { status: ActionStatus; dueOn: string }[],
  today: string,
): ImprovementPlanProgress {
  const live = items.filter((item) => item.status !== "cancelled");
  const open = live.filter((item) => item.status === "open");
  return {
    done: live.length - open.length,
    open: open.length,
    overdue: open.filter((item) => isActionOverdue(item, today)).length,
    total: live.length,
  };
}
