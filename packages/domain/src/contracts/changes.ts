import { z } from "zod";
import { invalid } from "../errors.ts";
import {
  idInput,
  integerInput,
  isoDate,
  listInput,
  moneyInput,
  optionalTextInput,
  termDaysLimit,
  textInput,
  textLimits,
} from "../input.ts";
import { type Role, roleLabels } from "../roles.ts";
import type { Jurisdiction, TenantSettings } from "../tenant-settings.ts";
import type { contractCategories } from "./contract-input.ts";
import { addDays, daysBetween } from "./iso-dates.ts";
import { publicContractThreshold } from "./thresholds.ts";

export type ContractCategory = (typeof contractCategories)[number];

/** "novation": a change of supplier on corporate restructuring (PA23 Schedule 8 para 9). */
export const changeTypes = ["value", "term", "scope", "novation"] as const;
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

/** At most this many earlier changes can be named as belonging with a new one. */
export const relatedChangesLimit = 50;

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
    type: z.enum(changeTypes, {
      error: "Choose whether the change is to the value, the term, the scope or the supplier.",
    }),
    reason: z.enum(changeReasons, { error: "Choose the reason for the change." }),
    description: textInput({ max: textLimits.long, min: 1, required: "Describe what changes and why." }),
    ...changeDeltaInput.shape,
    /** PA23 s.75(4): earlier changes that could reasonably have been made together with this one. */
    relatedChangeIds: listInput(
      idInput,
      relatedChangesLimit,
      `Name at most ${relatedChangesLimit} earlier changes.`,
    ).default([]),
    relatedChangesReason: optionalTextInput(textLimits.long),
    /** PA23 Schedule 8 para 9: the supplier taking the contract over on a corporate restructuring. */
    newSupplierId: idInput.nullable().default(null),
  })
  .superRefine((change, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (change.type === "value" && change.valueDeltaMinor === 0) {
      issue("valueDeltaMinor", "Enter how much the total value goes up, or down as a negative amount.");
    }
    if (change.type === "term" && change.termDeltaDays === 0) {
      issue("termDeltaDays", "Enter how many days the end date moves, negative to shorten the contract.");
    }
    if (change.type === "novation" && change.newSupplierId === null) {
      issue("newSupplierId", "Choose the supplier that takes the contract over.");
    }
    if (change.type !== "novation" && change.newSupplierId !== null) {
      issue("newSupplierId", "Only a novation changes the supplier.");
    }
    if (new Set(change.relatedChangeIds).size !== change.relatedChangeIds.length) {
      issue("relatedChangeIds", "Name each earlier change once.");
    }
    if (change.relatedChangeIds.length > 0 && change.relatedChangesReason === null) {
      issue(
        "relatedChangesReason",
        "Say why these changes could reasonably have been made together with this one.",
      );
    }
    if (change.relatedChangeIds.length === 0 && change.relatedChangesReason !== null) {
      issue("relatedChangeIds", "Choose the earlier changes the reason is about, or clear the reason.");
    }
  });
export type ChangeRequestInput = z.infer<typeof changeRequestInput>;

/** A change's effect: value in minor units and term in days, both signed. */
export type ChangeDelta = { valueDeltaMinor: number; termDeltaDays: number };

// PA23 s.75(2)(a): "(i) in the case of a contract for goods or services, 10 per cent or less, (ii) in the case
// of a contract for works, 15 per cent or less"; s.75(2)(b): the term "by 10 per cent or less of the maximum
// term provided for on award".
const valueLimitPercents: Record<ContractCategory, number> = { goods: 10, services: 10, works: 15 };
const termLimitPercent = 10;

/** One limb of s.75(2) applied to a change: not moved, not measurable from the register, or measured. */
export type LimbMeasure =
  | { status: "not_moved" }
  | { status: "not_measured"; missing: string }
  | { status: "measured"; movedPercent: number; limitPercent: number; within: boolean };

type Limbs = { value: LimbMeasure; term: LimbMeasure };

type Pa23Common = { rulePack: "PA23"; headline: string; reasons: string[] };

/**
 * What the change test decided, as the Act words it. `noticeRequired` is whether a Contract Change Notice
 * must be published before the change; `rule` is the provision that decided it.
 */
export type ChangeTest =
  | {
      rulePack: "MFMA";
      outcome: "council_and_community_first";
      noticeRequired: false;
      rule: "MFMA s.116(3)";
      headline: string;
      reasons: string[];
    }
  | (Pa23Common & { outcome: "light_touch"; noticeRequired: false; rule: "s.75(6)(b)" })
  | (Pa23Common & {
      outcome: "not_public_contract";
      noticeRequired: false;
      rule: "s.74(1)";
      thresholdMinor: number;
    })
  | (Pa23Common &
      Limbs & {
        outcome: "exempt";
        noticeRequired: false;
        rule: "s.75(2)(a)" | "s.75(2)(b)";
        convertible: boolean;
        /** The earlier changes named as belonging with this one, taken together with it (s.75(4)). */
        together: Limbs | null;
      })
  | (Pa23Common &
      Limbs & {
        outcome: "notice_required";
        noticeRequired: true;
        rule: "s.75(1)" | "s.75(2) and Schedule 8 para 9" | "s.75(4)–(5)";
        because: "novation" | "over_limits" | "related_changes" | "not_measured";
        convertible: boolean;
        together: Limbs | null;
      });

/**
 * A change test as stored on a change. Changes requested before this rule (which added up every earlier
 * change by size) keep what that test said, marked as such by migration 0015.
 */
export type StoredChangeTest =
  | ChangeTest
  | {
      rulePack: "PA23";
      outcome: "earlier_rule";
      noticeRequired: boolean;
      headline: string;
      reasons: string[];
    };

/** The contract's end date and total value just before an approved change was applied. */
export type AppliedFrom = { endDate: string | null; totalValueMinor: number | null };

/** An earlier approved change named under s.75(4), with the contract's value just before it was applied. */
export type RelatedChange = ChangeDelta & { type: ChangeType; valueBeforeMinor: number | null };

export type ChangeTestInput = {
  jurisdiction: Jurisdiction;
  contract: {
    category: ContractCategory;
    lightTouch: boolean;
    publicContract: boolean;
    /** The estimated value now, before this change; null when the register has none. */
    totalValueMinor: number | null;
    /** The maximum term provided for on award (extensions included), in days; null when unknown. */
    maxTermOnAwardDays: number | null;
  };
  proposed: ChangeDelta & { type: ChangeType };
  related: readonly RelatedChange[];
  today: string;
};

/** PA23 thresholds are sterling: whole pounds as Schedule 1 writes them ("£207,720"), pence only when any. */
const pounds = (minor: number) =>
  new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency: "GBP",
    minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
  }).format(minor / 100);

/**
 * PA23 s.75(2)(b): "the maximum term provided for on award", in days from the start date to the latest extension
 * date the contract allows, or else its end date as awarded, or else its end date now; null without a start and
 * an end.
 */
export function maxTermOnAwardDays(contract: {
  startDate: string | null;
  maxExtensionDate: string | null;
  originalEndDate: string | null;
  endDate: string | null;
}): number | null {
  const latestEnd = contract.maxExtensionDate ?? contract.originalEndDate ?? contract.endDate;
  return contract.startDate && latestEnd ? daysBetween(contract.startDate, latestEnd) : null;
}

/**
 * The change test, by the council's rule pack. England: PA23 s.74–75, deciding before the change whether a
 * Contract Change Notice is needed. South Africa: MFMA s.116(3), which has no notice test but allows an
 * amendment only after council tabling and community notice (see `section116Steps`).
 */
export function changeTest(input: ChangeTestInput): ChangeTest {
  if (input.jurisdiction === "ZA") {
    return {
      rulePack: "MFMA",
      outcome: "council_and_community_first",
      noticeRequired: false,
      rule: "MFMA s.116(3)",
      headline: "Amend only after council tabling and notice to the local community: MFMA s.116(3)",
      reasons: [
        "The reasons for the amendment must first be tabled in the council (s.116(3)(a)).",
        "The local community must be given reasonable notice of the intention to amend and invited to submit representations (s.116(3)(b)).",
      ],
    };
  }
  return pa23ChangeTest(input);
}

function pa23ChangeTest({ contract, proposed, related, today }: ChangeTestInput): ChangeTest {
  // PA23 s.75(6)(b): "This section does not apply in relation to a modification of a contract that … is a
  // light touch contract".
  if (contract.lightTouch) {
    return {
      rulePack: "PA23",
      outcome: "light_touch",
      noticeRequired: false,
      rule: "s.75(6)(b)",
      headline: "No Contract Change Notice needed: s.75(6)(b), a light touch contract",
      reasons: ["Section 75 does not apply to a modification of a light touch contract."],
    };
  }
  let convertible = false;
  const reasons: string[] = [];
  if (!contract.publicContract) {
    // PA23 s.74(1) and s.75(1) govern public contracts and convertible contracts: a contract that would become
    // a public contract as a result of the modification. Any other contract may be modified freely.
    const threshold = publicContractThreshold(contract, today);
    const after =
      contract.totalValueMinor === null ? null : contract.totalValueMinor + proposed.valueDeltaMinor;
    if (after === null || after < threshold.amountMinor) {
      return {
        rulePack: "PA23",
        outcome: "not_public_contract",
        noticeRequired: false,
        rule: "s.74(1)",
        thresholdMinor: threshold.amountMinor,
        headline: "No Contract Change Notice needed: not a public contract, so it may be modified freely",
        reasons: [
          after === null
            ? "The register records this as a contract below the threshold, and has no value to show this change would take it over."
            : `After the change its value is ${pounds(after)}, under the ${pounds(threshold.amountMinor)} threshold (PA23 Schedule 1): it stays a contract below the threshold.`,
          "Section 74 governs only public contracts and convertible contracts, so this change needs no Contract Change Notice.",
        ],
      };
    }
    convertible = true;
    reasons.push(
      `After the change its value is ${pounds(after)}, at or over the ${pounds(threshold.amountMinor)} threshold (PA23 Schedule 1): it becomes a convertible contract (s.74(1)), so section 75 applies.`,
    );
  }

  const alone = measureLimbs(contract, proposed, contract.totalValueMinor);
  reasons.push(...describeLimbs(alone, contract.category, "The change on its own"));
  const common = { rulePack: "PA23" as const, convertible, ...alone };

  // PA23 s.75(2): the exemptions apply "unless the modification is a permitted modification under paragraph 9
  // of Schedule 8 (novation or assignment on corporate restructuring)".
  if (proposed.type === "novation") {
    return {
      ...common,
      outcome: "notice_required",
      noticeRequired: true,
      rule: "s.75(2) and Schedule 8 para 9",
      because: "novation",
      together: null,
      headline: "Contract Change Notice needed before the change: s.75(2), a novation always needs one",
      reasons: [
        ...reasons,
        "A change of supplier on corporate restructuring (Schedule 8 para 9) needs a Contract Change Notice whatever its size.",
      ],
    };
  }

  const limb = exemptingLimb(alone);
  if (limb === null) {
    const unmeasured = [alone.value, alone.term].some((measure) => measure.status === "not_measured");
    return {
      ...common,
      outcome: "notice_required",
      noticeRequired: true,
      rule: "s.75(1)",
      because: unmeasured ? "not_measured" : "over_limits",
      together: null,
      headline: unmeasured
        ? "Contract Change Notice presumed needed: s.75(1), the register lacks what s.75(2) measures"
        : "Contract Change Notice needed before the change: s.75(1)",
      reasons: [...reasons, "Neither exemption in s.75(2) covers it."],
    };
  }

  // PA23 s.75(4)–(5): where the modification "could reasonably have been made together with an earlier
  // modification" and s.75(1) "would have applied to that single modification", a notice is needed.
  let together: Limbs | null = null;
  if (related.length > 0) {
    const combined = [...related, proposed];
    const single = {
      valueDeltaMinor: combined.reduce((sum, change) => sum + change.valueDeltaMinor, 0),
      termDeltaDays: combined.reduce((sum, change) => sum + change.termDeltaDays, 0),
    };
    const earliest = related[0] as RelatedChange;
    together = measureLimbs(contract, single, earliest.valueBeforeMinor);
    const count = `This change and ${related.length === 1 ? "the earlier change" : `the ${related.length} earlier changes`} named with it, as one change,`;
    reasons.push(...describeLimbs(together, contract.category, count));
    const includesNovation = related.some((change) => change.type === "novation");
    if (includesNovation || exemptingLimb(together) === null) {
      return {
        ...common,
        outcome: "notice_required",
        noticeRequired: true,
        rule: "s.75(4)–(5)",
        because: "related_changes",
        together,
        headline: "Contract Change Notice needed before the change: s.75(4)–(5), with the earlier changes",
        reasons: [
          ...reasons,
          "It could reasonably have been made together with the earlier changes named, and that single change would have needed a notice.",
        ],
      };
    }
  }
  return {
    ...common,
    outcome: "exempt",
    noticeRequired: false,
    rule: limb,
    together,
    headline: `No Contract Change Notice needed: ${limb}`,
    reasons,
  };
}

/**
 * Each limb measures only what the change moves: a change that leaves the term alone does not "increase or
 * decrease the term", so limb (b) cannot exempt a change of value (and the other way round); read otherwise,
 * an unchanged term would exempt any change of value and (a)'s limit would mean nothing. Exactly at a
 * limit is within it ("10 per cent or less"); compared in integers so floating point cannot tip it over.
 */
function measureLimbs(
  contract: ChangeTestInput["contract"],
  change: ChangeDelta,
  valueBaseMinor: number | null,
): Limbs {
  const valueLimit = valueLimitPercents[contract.category];
  const value: LimbMeasure =
    change.valueDeltaMinor === 0
      ? { status: "not_moved" }
      : valueBaseMinor === null || valueBaseMinor <= 0
        ? { status: "not_measured", missing: "the contract's estimated value" }
        : {
            status: "measured",
            movedPercent: percent(Math.abs(change.valueDeltaMinor), valueBaseMinor),
            limitPercent: valueLimit,
            within: Math.abs(change.valueDeltaMinor) * 100 <= valueLimit * valueBaseMinor,
          };
  const maxTerm = contract.maxTermOnAwardDays;
  const term: LimbMeasure =
    change.termDeltaDays === 0
      ? { status: "not_moved" }
      : maxTerm === null || maxTerm <= 0
        ? { status: "not_measured", missing: "the maximum term provided for on award (start and end dates)" }
        : {
            status: "measured",
            movedPercent: percent(Math.abs(change.termDeltaDays), maxTerm),
            limitPercent: termLimitPercent,
            within: Math.abs(change.termDeltaDays) * 100 <= termLimitPercent * maxTerm,
          };
  return { value, term };
}

/**
 * s.75(2) is "(a) … or (b) …": either limb within its limit exempts the change; (a) is named first. A change
 * that moves neither value nor term (a cost-neutral change of scope) moves the value by 0%, within (a).
 */
function exemptingLimb(limbs: Limbs): "s.75(2)(a)" | "s.75(2)(b)" | null {
  if (limbs.value.status === "not_moved" && limbs.term.status === "not_moved") return "s.75(2)(a)";
  if (limbs.value.status === "measured" && limbs.value.within) return "s.75(2)(a)";
  if (limbs.term.status === "measured" && limbs.term.within) return "s.75(2)(b)";
  return null;
}

function describeLimbs(limbs: Limbs, category: ContractCategory, subject: string): string[] {
  if (limbs.value.status === "not_moved" && limbs.term.status === "not_moved") {
    return [`${subject} moves neither the estimated value nor the term: 0%, within s.75(2)(a).`];
  }
  const lines: string[] = [];
  if (limbs.value.status === "measured") {
    lines.push(
      `${subject} moves the estimated value by ${limbs.value.movedPercent}%, ${limbs.value.within ? "within" : "over"} the ${limbs.value.limitPercent}% of s.75(2)(a) for a ${category} contract.`,
    );
  } else if (limbs.value.status === "not_measured") {
    lines.push(`${subject} moves the value, but the register lacks ${limbs.value.missing} to measure it.`);
  }
  if (limbs.term.status === "measured") {
    lines.push(
      `${subject} moves the term by ${limbs.term.movedPercent}% of the maximum term provided for on award, ${limbs.term.within ? "within" : "over"} the ${limbs.term.limitPercent}% of s.75(2)(b).`,
    );
  } else if (limbs.term.status === "not_measured") {
    lines.push(`${subject} moves the term, but the register lacks ${limbs.term.missing} to measure it.`);
  }
  return lines;
}

/** A part of a whole as a percentage to two decimal places. */
function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 10_000) / 100;
}

/** MFMA s.116(3): what a South African council records before it may amend a contract. */
export type Section116Steps = {
  councilTabledOn: string | null;
  councilResolutionReference: string | null;
  communityNoticeOn: string | null;
  representationsCloseOn: string | null;
};

export const section116StepsInput = z
  .object({
    councilTabledOn: isoDate.nullable().default(null),
    councilResolutionReference: optionalTextInput(textLimits.short),
    communityNoticeOn: isoDate.nullable().default(null),
    representationsCloseOn: isoDate.nullable().default(null),
  })
  .superRefine((steps, ctx) => {
    const issue = (path: keyof Section116Steps, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if ((steps.councilTabledOn === null) !== (steps.councilResolutionReference === null)) {
      if (steps.councilTabledOn === null) issue("councilTabledOn", "Enter the date the reasons were tabled.");
      else issue("councilResolutionReference", "Enter the council's resolution or item reference.");
    }
    if ((steps.communityNoticeOn === null) !== (steps.representationsCloseOn === null)) {
      if (steps.communityNoticeOn === null) issue("communityNoticeOn", "Enter the date notice was given.");
      else issue("representationsCloseOn", "Enter the date representations close.");
    }
    if (
      steps.communityNoticeOn !== null &&
      steps.representationsCloseOn !== null &&
      steps.representationsCloseOn <= steps.communityNoticeOn
    ) {
      issue("representationsCloseOn", "Representations must close after the notice is given.");
    }
  });

/**
 * MFMA s.116(3): a contract "may be amended by the parties, but only after (a) the reasons for the proposed
 * amendment have been tabled in the council …; and (b) the local community (i) has been given reasonable
 * notice of the intention to amend …; and (ii) has been invited to submit representations". The steps still
 * outstanding on `today`, in words; none means the amendment may be approved. Representations are awaited
 * until the closing date the notice gave, so an approval on that day or later has heard them.
 */
export function section116Outstanding(steps: Section116Steps, today: string): string[] {
  const outstanding: string[] = [];
  if (steps.councilTabledOn === null || steps.councilResolutionReference === null) {
    outstanding.push(
      "Table the reasons for the amendment in the council and record its resolution (s.116(3)(a)).",
    );
  } else if (steps.councilTabledOn > today) {
    outstanding.push("The reasons are tabled in the council on a later date (s.116(3)(a)).");
  }
  if (steps.communityNoticeOn === null || steps.representationsCloseOn === null) {
    outstanding.push(
      "Give the local community notice of the amendment and invite representations (s.116(3)(b)).",
    );
  } else if (steps.communityNoticeOn > today) {
    outstanding.push("Notice to the local community is given on a later date (s.116(3)(b)(i)).");
  } else if (steps.representationsCloseOn > today) {
    outstanding.push(
      `Representations from the local community are invited until ${steps.representationsCloseOn} (s.116(3)(b)(ii)).`,
    );
  }
  return outstanding;
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

/**
 * Whether a role's limit covers a change: the role the table routes it to, or one above it in the table.
 * The council admin holds every permission (roles.ts), so stands above the table. Finance is the exception
 * (issue 7 §1.6: "a change routed to the SRO … can be approved only by the contract's SRO or a role above it
 * … today a finance user approved one"): its authority is financial, not the running of the contract, so it
 * decides only the changes the table routes to finance, never those within another role's band.
 */
export function canApprove(role: Role, valueDeltaMinor: number, delegation: Delegation): boolean {
  if (role === "admin") return true;
  if (role === "finance") return approverFor(valueDeltaMinor, delegation) === "finance";
  const amount = Math.abs(valueDeltaMinor);
  return delegation.some((entry) => entry.role === role && covers(entry.upToMinor, amount));
}

/** The person who requested a change, or a council admin, may withdraw it while it waits for a decision. */
export function canWithdraw(member: { role: Role; userId: string }, requestedBy: string): boolean {
  return member.userId === requestedBy || member.role === "admin";
}

export type DecisionCheck =
  | { allowed: true }
  | {
      allowed: false;
      because: "own_request" | "outside_delegation" | "not_contract_sro" | "section_116";
      message: string;
    };

/**
 * Who may approve (or reject) a change. 004 §12.1 and DESIGN §4: the requester never approves their own
 * change (segregation of duties), whatever their role. The scheme of delegation (004 §5) routes the change
 * to a role; that role or one above it in the table decides, and an SRO decides only for a contract whose
 * SRO they are. A South African council approves only after MFMA s.116(3)'s steps, and no delegation
 * skips them; rejecting needs no tabling.
 */
export function decisionCheck(input: {
  decision: "approve" | "reject";
  member: { role: Role; userId: string };
  change: { requestedBy: string; valueDeltaMinor: number } & Section116Steps;
  contract: { sroId: string | null };
  delegation: Delegation;
  jurisdiction: Jurisdiction;
  today: string;
}): DecisionCheck {
  const { member, change, delegation } = input;
  if (member.userId === change.requestedBy) {
    return {
      allowed: false,
      because: "own_request",
      message:
        input.decision === "approve"
          ? "You requested this change, so someone else must approve it (segregation of duties)."
          : "You requested this change: withdraw it rather than reject it.",
    };
  }
  if (!canApprove(member.role, change.valueDeltaMinor, delegation)) {
    const routed = approverFor(change.valueDeltaMinor, delegation);
    return {
      allowed: false,
      because: "outside_delegation",
      message:
        member.role === "finance" && routed !== null
          ? `The scheme of delegation routes a change of this value to the ${roleLabels[routed]}; finance decides only the changes routed to finance.`
          : `A change of this value is decided by the ${roleLabels[routed ?? "admin"]} or a role above it in the scheme of delegation.`,
    };
  }
  if (member.role === "sro" && input.contract.sroId !== member.userId) {
    return {
      allowed: false,
      because: "not_contract_sro",
      message:
        "Only this contract's own SRO, or a role above the SRO in the scheme of delegation, decides it.",
    };
  }
  if (input.decision === "approve" && input.jurisdiction === "ZA") {
    const outstanding = section116Outstanding(change, input.today);
    if (outstanding.length > 0) {
      return {
        allowed: false,
        because: "section_116",
        message: `This amendment cannot be approved yet (MFMA s.116(3)): ${outstanding.join(" ")}`,
      };
    }
  }
  return { allowed: true };
}

export type ChangeableValues = {
  endDate: string | null;
  totalValueMinor: number | null;
  supplierId: string | null;
};

/** The contract's values after an approved change; keeping the originals is the caller's job. */
export function applyChange(
  contract: ChangeableValues,
  change: ChangeDelta & { newSupplierId: string | null },
): ChangeableValues {
  let { endDate, totalValueMinor, supplierId } = contract;
  if (change.termDeltaDays !== 0) {
    if (endDate === null) throw invalid("Record the contract's end date before changing its term.");
    endDate = addDays(endDate, change.termDeltaDays);
  }
  if (change.valueDeltaMinor !== 0) {
    if (totalValueMinor === null) throw invalid("Record the contract's total value before changing it.");
    totalValueMinor += change.valueDeltaMinor;
    if (totalValueMinor < 0) throw invalid("The change would make the contract's total value negative.");
  }
  // PA23 Schedule 8 para 9: a novation moves the contract to the supplier that succeeds the original one.
  if (change.newSupplierId !== null) supplierId = change.newSupplierId;
  return { endDate, totalValueMinor, supplierId };
}
