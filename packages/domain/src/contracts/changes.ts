import { z } from "zod";
import { invalid } from "../errors.ts";
import { integerInput, moneyInput, termDaysLimit, textInput, textLimits } from "../input.ts";
import type { Role } from "../roles.ts";
import type { TenantSettings } from "../tenant-settings.ts";
import type { contractCategories } from "./contract-input.ts";
import { addDays } from "./iso-dates.ts";

export type ContractCategory = (typeof contractCategories)[number];

export const changeTypes = ["value", "term", "scope"] as const;
export type ChangeType = (typeof changeTypes)[number];

/** 004 §12.1: "Common reasons for change", plus "other" because 004's list is not exhaustive. */
export const changeReasons = [
  "legislation",
  "customer_or_service_need",
  "new_technology",
  "external_factors",
  "cost_saving",
  "delivery_change",
  "emergency",
  "risk_or_continuity",
  "health_and_safety",
  "other",
] as const;
export type ChangeReason = (typeof changeReasons)[number];

export const changeReasonLabels: Record<ChangeReason, string> = {
  legislation: "In response to legislation",
  customer_or_service_need: "Customer or service need",
  new_technology: "Opportunities of new technologies",
  external_factors: "External factors, e.g. supply chain costs",
  cost_saving: "Creating a cost saving",
  delivery_change: "Changes in how the services are being delivered",
  emergency: "Addressing an emergency",
  risk_or_continuity: "Mitigating a risk or continuity requirement",
  health_and_safety: "Health and safety issue, including a near miss",
  other: "Other (explain in the description)",
};

export const changeStatuses = ["requested", "approved", "rejected", "withdrawn"] as const;
export type ChangeStatus = (typeof changeStatuses)[number];

/** A change's effect on value (signed minor units) and term (signed days, a century either way at most). */
export const changeDeltaInput = z.object({
  valueDeltaMinor: moneyInput({
    signed: true,
    wholeMessage: "Enter the change in value as a whole number of pence/cents.",
  }).default(0),
  termDeltaDays: integerInput({
    min: -termDaysLimit,
    max: termDaysLimit,
    message: `Enter the change in term as a whole number of days, at most ${termDaysLimit.toLocaleString("en-GB")} either way.`,
  }).default(0),
});

export const changeRequestInput = z
  .object({
    type: z.enum(changeTypes, { error: "Choose whether the change is to the value, the term or the scope." }),
    reason: z.enum(changeReasons, { error: "Choose the reason for the change." }),
    description: textInput({ max: textLimits.long, min: 1, required: "Describe what changes and why." }),
    ...changeDeltaInput.shape,
  })
  .superRefine((change, ctx) => {
    if (change.type === "value" && change.valueDeltaMinor === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["valueDeltaMinor"],
        message: "Enter how much the total value goes up, or down as a negative amount.",
      });
    }
    if (change.type === "term" && change.termDeltaDays === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["termDeltaDays"],
        message: "Enter how many days the end date moves, negative to shorten the contract.",
      });
    }
  });
export type ChangeRequestInput = z.infer<typeof changeRequestInput>;

/** A change's effect: value in minor units and term in days, both signed. */
export type ChangeDelta = { valueDeltaMinor: number; termDeltaDays: number };

export type BelowThresholdInput = {
  category: ContractCategory;
  originalTotalValueMinor: number;
  /** The maximum term provided for on award, extensions included. */
  originalMaxTermDays: number;
  earlierApprovedChanges: readonly ChangeDelta[];
  proposed: ChangeDelta;
};

export type BelowThresholdResult = {
  cumulativeValuePercent: number;
  cumulativeTermPercent: number;
  valueLimitPercent: number;
  termLimitPercent: number;
  withinThreshold: boolean;
  changeNoticeRequired: boolean;
  reasons: string[];
};

// Procurement Act 2023 s.74: a below-threshold modification moves the value by no more than 10% (goods,
// services) or 15% (works) and the term by no more than 10% of the maximum term provided for on award.
const valueLimitPercents: Record<ContractCategory, number> = { goods: 10, services: 10, works: 15 };
const termLimitPercent = 10;

/**
 * Procurement Act 2023 s.74–75: decides, before a change is made, whether it needs a Contract Change Notice.
 * Changes aggregate: the proposed change is added to every earlier approved change, as the sum of absolute
 * deltas, so +8% then −8% counts as 16%. That is the conservative reading: netting increases against
 * decreases would let a series of changes rewrite a contract without a notice. Exactly at a limit is within it
 * ("by 10% or less"); both value and term must be within their limits.
 */
export function belowThresholdTest(input: BelowThresholdInput): BelowThresholdResult {
  const changes = [...input.earlierApprovedChanges, input.proposed];
  const valueMoved = changes.reduce((sum, change) => sum + Math.abs(change.valueDeltaMinor), 0);
  const termMoved = changes.reduce((sum, change) => sum + Math.abs(change.termDeltaDays), 0);
  if (valueMoved > 0 && input.originalTotalValueMinor <= 0) {
    throw invalid(
      "Record the contract's original total value before testing a change against the threshold.",
    );
  }
  if (termMoved > 0 && input.originalMaxTermDays <= 0) {
    throw invalid("Record the contract's start and end dates before testing a change to its term.");
  }
  const valueLimitPercent = valueLimitPercents[input.category];
  // Compared in integers so a change of exactly 10% is not pushed over by floating point.
  const valueWithin = valueMoved * 100 <= valueLimitPercent * input.originalTotalValueMinor;
  const termWithin = termMoved * 100 <= termLimitPercent * input.originalMaxTermDays;
  const cumulativeValuePercent = valueMoved === 0 ? 0 : roundTo2(valueMoved / input.originalTotalValueMinor);
  const cumulativeTermPercent = termMoved === 0 ? 0 : roundTo2(termMoved / input.originalMaxTermDays);
  const withinThreshold = valueWithin && termWithin;
  const count = changes.length === 1 ? "This change moves" : `These ${changes.length} changes together move`;

  return {
    cumulativeValuePercent,
    cumulativeTermPercent,
    valueLimitPercent,
    termLimitPercent,
    withinThreshold,
    changeNoticeRequired: !withinThreshold,
    reasons: [
      `${count} the value by ${cumulativeValuePercent}% of the original total, ${valueWithin ? "within" : "over"} the ${valueLimitPercent}% limit for ${input.category} contracts.`,
      `${count} the term by ${termMoved} days, ${cumulativeTermPercent}% of the ${input.originalMaxTermDays}-day maximum term, ${termWithin ? "within" : "over"} the ${termLimitPercent}% limit.`,
      withinThreshold
        ? "This is a below-threshold modification, so no Contract Change Notice is needed before the change."
        : "Publish a Contract Change Notice before making the change.",
    ],
  };
}

export type Delegation = TenantSettings["delegation"];

const covers = (limitMinor: number | null, amountMinor: number) =>
  limitMinor === null || amountMinor <= limitMinor;

/** 004 §5: approval follows the scheme of delegation — the smallest limit that covers the change approves it. */
export function approverFor(valueDeltaMinor: number, delegation: Delegation): Role | null {
  const amount = Math.abs(valueDeltaMinor);
  const ascending = [...delegation].sort(
    (a, b) => (a.upToMinor ?? Number.POSITIVE_INFINITY) - (b.upToMinor ?? Number.POSITIVE_INFINITY),
  );
  return ascending.find((entry) => covers(entry.upToMinor, amount))?.role ?? null;
}

/** A role may approve any change its limit covers, including ones a lower limit also covers. */
/** The person who requested a change, or a council admin, may withdraw it while it waits for a decision. */
export function canWithdraw(member: { role: Role; userId: string }, requestedBy: string): boolean {
  return member.userId === requestedBy || member.role === "admin";
}

export function canApprove(role: Role, valueDeltaMinor: number, delegation: Delegation): boolean {
  // The council admin holds every permission (roles.ts), so is not bound by the delegation table.
  if (role === "admin") return true;
  const amount = Math.abs(valueDeltaMinor);
  return delegation.some((entry) => entry.role === role && covers(entry.upToMinor, amount));
}

export type ChangeableValues = { endDate: string | null; totalValueMinor: number | null };

/** The contract's values after an approved change; keeping the originals is the caller's job. */
export function applyChange(contract: ChangeableValues, change: ChangeDelta): ChangeableValues {
  let { endDate, totalValueMinor } = contract;
  if (change.termDeltaDays !== 0) {
    if (endDate === null) throw invalid("Record the contract's end date before changing its term.");
    endDate = addDays(endDate, change.termDeltaDays);
  }
  if (change.valueDeltaMinor !== 0) {
    if (totalValueMinor === null) throw invalid("Record the contract's total value before changing it.");
    totalValueMinor += change.valueDeltaMinor;
    if (totalValueMinor < 0) throw invalid("The change would make the contract's total value negative.");
  }
  return { endDate, totalValueMinor };
}

/** A fraction as a percentage to two decimal places. */
function roundTo2(fraction: number): number {
  return Math.round(fraction * 10_000) / 100;
}
