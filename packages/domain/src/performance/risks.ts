import { z } from "zod";
import { integerInput, isoDate, optionalTextInput, textInput, textLimits } from "../input.ts";
import { checkOwner, ownerFields, ownerOf } from "./owners.ts";
import { type RiskStatus, riskCategories } from "./vocabulary.ts";

/**
 * 004 §11.2: "create and review a joint risk register with mitigating actions, and escalate to the Council's
 * corporate risk register". Likelihood and impact are each scored 1–5; the score is their product (1–25).
 */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export const riskBands = ["low", "medium", "high", "very_high"] as const;
export type RiskBand = (typeof riskBands)[number];
export const riskBandLabels: Record<RiskBand, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  very_high: "Very high",
};

/**
 * The band of a 5 × 5 score. 004 sets no bands; Steward uses the common local-government matrix: 1–4 Low,
 * 5–9 Medium, 10–16 High, 20–25 Very high (a score of 4 × 5 or 5 × 5: almost certain and severe).
 */
export function riskBand(score: number): RiskBand {
  if (score >= 20) return "very_high";
  if (score >= 10) return "high";
  if (score >= 5) return "medium";
  return "low";
}

/** An open risk is overdue for review the day after its review date (004 §6: keep the register up to date). */
export function isRiskReviewOverdue(risk: { status: RiskStatus; reviewOn: string }, today: string): boolean {
  return risk.status === "open" && risk.reviewOn < today;
}

const scoreMessage = "Score it from 1 (lowest) to 5 (highest).";

export const riskInput = z
  .object({
    title: textInput({ max: textLimits.short, min: 1, required: "Name the risk in a few words." }),
    description: optionalTextInput(textLimits.long),
    category: z.enum(riskCategories),
    likelihood: integerInput({ min: 1, max: 5, message: scoreMessage }),
    impact: integerInput({ min: 1, max: 5, message: scoreMessage }),
    ...ownerFields,
    mitigation: optionalTextInput(textLimits.long),
    reviewOn: isoDate,
    escalateToCorporate: z.boolean().default(false),
  })
  .superRefine(checkOwner)
  .transform(ownerOf);
export type RiskInput = z.infer<typeof riskInput>;
