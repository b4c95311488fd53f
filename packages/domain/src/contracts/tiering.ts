import { z } from "zod";
import { invalid } from "../errors.ts";
import { textInput } from "../input.ts";
import { currencyFormat } from "../money.ts";
import type { TenantSettings } from "../tenant-settings.ts";
import { type ContractInput, type Tier, tiers } from "./contract-input.ts";
import { daysBetween } from "./iso-dates.ts";

export type TieringThresholds = TenantSettings["tiering"];
export type TieringFacts = Pick<
  ContractInput,
  "annualValueMinor" | "capitalValueMinor" | "corporatePriority" | "keyPublicService" | "serviceRisk"
>;
export type TierAssessment = { tier: Tier; reasons: string[] };
/** How amounts are written in reasons; 004's thresholds are pounds, a ZA tenant's are rand. */
export type MoneyFormat = { currency: string; locale: string };

export const tierLabels: Record<Tier, string> = { high: "High", medium: "Medium", low: "Low" };

const rank: Record<Tier, number> = { low: 0, medium: 1, high: 2 };
const poundSterling: MoneyFormat = { currency: "GBP", locale: "en-GB" };

type Finding = { tier: Tier; reason: string };

/**
 * 004 §4 tiering. Each criterion gives a tier; the contract takes the highest, and the reasons are the
 * criteria that reached it. The Medium band is inclusive at both ends, for annual and capital value alike:
 * only amounts strictly over the High threshold are High ("more than £50K", "greater than £100K") and only
 * amounts strictly under the Medium threshold are Low ("less than £5K", "less than £10K"). So exactly £50,000
 * a year, £5,000 a year, £100,000 capital and £10,000 capital are all Medium.
 */
export function assessTier(
  facts: TieringFacts,
  thresholds: TieringThresholds,
  money: MoneyFormat = poundSterling,
): TierAssessment {
  const amount = (minor: number) => formatAmount(minor, money);
  const findings: Finding[] = [];

  const annual = facts.annualValueMinor;
  if (annual === null) {
    findings.push({ tier: "low", reason: "No annual value is recorded, so value does not raise the tier" });
  } else if (annual > thresholds.highAnnualMinor) {
    // 004 §4: High when "the Council spends more than £50K per year with the supplier"
    findings.push({
      tier: "high",
      reason: `Annual value ${amount(annual)} is over the ${amount(thresholds.highAnnualMinor)} High threshold`,
    });
  } else if (annual >= thresholds.mediumAnnualMinor) {
    // 004 §4: Medium when "the contract is between £5K and £50K"
    findings.push({
      tier: "medium",
      reason: `Annual value ${amount(annual)} is between ${amount(thresholds.mediumAnnualMinor)} and ${amount(thresholds.highAnnualMinor)} (Medium)`,
    });
  } else {
    findings.push({
      tier: "low",
      reason: `Annual value ${amount(annual)} is under the ${amount(thresholds.mediumAnnualMinor)} Medium threshold`,
    });
  }

  // No capital value means it is not a capital project, so the capital criterion does not apply.
  const capital = facts.capitalValueMinor;
  if (capital !== null) {
    if (capital > thresholds.highCapitalMinor) {
      // 004 §4: High when "it is a capital project greater than £100K"
      findings.push({
        tier: "high",
        reason: `Capital value ${amount(capital)} is over the ${amount(thresholds.highCapitalMinor)} High threshold`,
      });
    } else if (capital >= thresholds.mediumCapitalMinor) {
      // 004 §4: Medium when "a capital project greater than £10K and less than £100K"
      findings.push({
        tier: "medium",
        reason: `Capital value ${amount(capital)} is between ${amount(thresholds.mediumCapitalMinor)} and ${amount(thresholds.highCapitalMinor)} (Medium)`,
      });
    } else {
      findings.push({
        tier: "low",
        reason: `Capital value ${amount(capital)} is under the ${amount(thresholds.mediumCapitalMinor)} Medium threshold`,
      });
    }
  }

  // 004 §4: High when "the Council is reliant on the contract for delivery of a corporate priority / key public service"
  if (facts.corporatePriority) {
    findings.push({ tier: "high", reason: "The Council relies on it to deliver a corporate priority" });
  }
  if (facts.keyPublicService) {
    findings.push({ tier: "high", reason: "The Council relies on it to deliver a key public service" });
  }
  // 004 §4: Medium when "the contract could put at risk the Council's ability to deliver public services".
  // 004 has two levels (could / unlikely); the register's high service risk is "could", low and medium are "unlikely".
  if (facts.serviceRisk === "high") {
    findings.push({
      tier: "medium",
      reason: "Service risk is high: it could put at risk the Council's ability to deliver public services",
    });
  }
  if (!facts.corporatePriority && !facts.keyPublicService && facts.serviceRisk !== "high") {
    findings.push({
      tier: "low",
      reason:
        "It is not relied on for a corporate priority or a key public service, and is unlikely to put public service delivery at risk",
    });
  }

  const tier = findings.reduce<Tier>(
    (highest, finding) => (rank[finding.tier] > rank[highest] ? finding.tier : highest),
    "low",
  );
  return {
    tier,
    reasons: findings.filter((finding) => finding.tier === tier).map((finding) => finding.reason),
  };
}

export const tierOverrideInput = z.object({
  tier: z.enum(tiers, { error: "Choose High, Medium or Low." }),
  reason: textInput({
    max: 2000,
    min: 1,
    required: "Say why this contract needs a different tier from the assessment.",
  }),
});
export type TierOverride = z.infer<typeof tierOverrideInput>;
export type EffectiveTier = TierAssessment & { overridden: boolean };

/** DESIGN §4: a manual override of the assessed tier needs a reason, and the reason travels with the tier. */
export function effectiveTier(assessed: TierAssessment, override: TierOverride | null): EffectiveTier {
  if (override === null) return { ...assessed, overridden: false };
  const reason = override.reason.trim();
  if (reason === "") {
    throw invalid("Give a reason for overriding the tier.", {
      reason: "Say why this contract needs a different tier from the assessment.",
    });
  }
  return {
    tier: override.tier,
    overridden: true,
    reasons: [
      `Set to ${tierLabels[override.tier]} by override (assessed as ${tierLabels[assessed.tier]}): ${reason}`,
      ...assessed.reasons,
    ],
  };
}

/** The facts whose change alters "the value or nature of the contract". */
const retierTriggers = [
  "annualValueMinor",
  "totalValueMinor",
  "capitalValueMinor",
  "category",
  "lightTouch",
  "corporatePriority",
  "keyPublicService",
  "serviceRisk",
] as const satisfies readonly (keyof ContractInput)[];
export type RetierFacts = Pick<ContractInput, (typeof retierTriggers)[number]>;

// 004 §4: review the tiering "at any change that alters the value or nature of the contract"
export function needsRetier(before: RetierFacts, after: RetierFacts): boolean {
  return retierTriggers.some((field) => before[field] !== after[field]);
}

/** Whole amounts without pence ("£62,000"); pence only when there are some. */
function formatAmount(minor: number, money: MoneyFormat): string {
  return currencyFormat(money.locale, money.currency, minor % 100 === 0 ? 0 : 2).format(minor / 100);
}

export type ContractTieringFacts = TieringFacts &
  Pick<ContractInput, "totalValueMinor" | "startDate" | "endDate">;

/**
 * Tiers a contract as the register holds it. Registers often record only the total value, while 004 §4 tiers
 * on value per year: then the total is spread over the term (whole years, at least one), and the reasons say so.
 */
export function assessContractTier(
  contract: ContractTieringFacts,
  thresholds: TieringThresholds,
  money: MoneyFormat = poundSterling,
): TierAssessment {
  if (contract.annualValueMinor !== null || contract.totalValueMinor === null) {
    return assessTier(contract, thresholds, money);
  }
  const years =
    contract.startDate && contract.endDate
      ? Math.max(1, Math.round(daysBetween(contract.startDate, contract.endDate) / 365.25))
      : 1;
  const annualValueMinor = Math.round(contract.totalValueMinor / years);
  const assessment = assessTier({ ...contract, annualValueMinor }, thresholds, money);
  const basis = `No annual value is recorded: the total ${formatAmount(contract.totalValueMinor, money)} over ${years} year${years === 1 ? "" : "s"} is taken as ${formatAmount(annualValueMinor, money)} a year`;
  return { tier: assessment.tier, reasons: [basis, ...assessment.reasons] };
}

/** What tiering a council applies, and when: its thresholds, how it writes amounts, the moment of assessment. */
export type TierPolicy = { thresholds: TieringThresholds; money: MoneyFormat; assessedAt: Date };

/** A fresh assessment of the tier from the register fields (004 §4), with its reasons. */
export function assessedTierFields(contract: ContractTieringFacts, policy: TierPolicy) {
  const assessed = assessContractTier(contract, policy.thresholds, policy.money);
  return {
    tier: assessed.tier,
    assessedTier: assessed.tier,
    tierReasons: assessed.reasons,
    tierAssessedAt: policy.assessedAt,
  };
}

export type RetierBefore = RetierFacts & { tierOverrideReason: string | null; retierRequested: boolean };

/**
 * 004 §4: a change "that alters the value or nature of the contract" re-tiers it. The assessment follows the
 * facts; a manual override stays, but the contract is flagged so someone reviews it. One rule for an edit and
 * an approved change.
 */
export function retierFields(
  before: RetierBefore,
  after: RetierFacts & ContractTieringFacts,
  policy: TierPolicy,
): { retierRequested: boolean } | (ReturnType<typeof assessedTierFields> & { retierRequested: boolean }) {
  if (!needsRetier(before, after)) return { retierRequested: before.retierRequested };
  if (before.tierOverrideReason !== null) return { retierRequested: true };
  return { ...assessedTierFields(after, policy), retierRequested: before.retierRequested };
}
