import { z } from "zod";
import {
  idInput,
  isoDate,
  listInput,
  optionalTextInput,
  textInput,
  textLimits,
  versionInput,
} from "../input.ts";

/**
 * Issue 9 §7 and seed 000 ("Performance auditing services"; "Contract portfolio audit", "Compliance gap review"):
 * an advisor's structured review of a council's contract portfolio, with findings by area, each rated and with
 * its recommendation, drafted by the advisor and then shared with the council, after which it does not change.
 */
export const reviewAreas = [
  "governance",
  "compliance",
  "performance",
  "risk",
  "financial",
  "social_value",
  "capability",
] as const;
export type ReviewArea = (typeof reviewAreas)[number];
export const reviewAreaLabels: Record<ReviewArea, string> = {
  governance: "Governance and oversight",
  compliance: "Compliance with the framework",
  performance: "Contractor performance monitoring",
  risk: "Risk management",
  financial: "Financial control and value for money",
  social_value: "Social value",
  capability: "Skills and capacity",
};

/** The PR24 reg 39(5) scale councils already rate KPIs on, so a review reads like the rest of the platform. */
export const reviewRatings = ["good", "approaching_target", "requires_improvement", "inadequate"] as const;
export type ReviewRating = (typeof reviewRatings)[number];
export const reviewRatingLabels: Record<ReviewRating, string> = {
  good: "Good",
  approaching_target: "Approaching target",
  requires_improvement: "Requires improvement",
  inadequate: "Inadequate",
};

export const reviewStatuses = ["draft", "shared"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewFindingInput = z.object({
  area: z.enum(reviewAreas),
  rating: z.enum(reviewRatings),
  finding: textInput({ max: textLimits.long, min: 1, required: "Describe what the review found." }),
  recommendation: optionalTextInput(textLimits.long),
  contractId: idInput.nullable().default(null),
});
export type ReviewFinding = z.infer<typeof reviewFindingInput>;

/** A review holds at most 60 findings: a portfolio review longer than that is not read. */
export const reviewFindingLimit = 60;

export const performanceReviewInput = z
  .object({
    title: textInput({ max: textLimits.short, min: 1, required: "Give the review a title." }),
    periodStart: isoDate,
    periodEnd: isoDate,
    summary: optionalTextInput(textLimits.long),
    overallRating: z.enum(reviewRatings).nullable().default(null),
    findings: listInput(reviewFindingInput, reviewFindingLimit),
  })
  .superRefine((input, issues) => {
    if (input.periodEnd < input.periodStart) {
      issues.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "The period must end on or after it starts.",
      });
    }
  });
export type PerformanceReviewInput = z.infer<typeof performanceReviewInput>;

export const reviewRef = z.object({ reviewId: idInput });
export const reviewUpdateInput = z.object({
  reviewId: idInput,
  version: versionInput,
  review: performanceReviewInput,
});

/**
 * A review can be shared once it says something: at least one finding and an overall rating. Returns what is
 * missing, field by field, or null.
 */
export function reviewShareRefusal(review: {
  findings: readonly unknown[];
  overallRating: ReviewRating | null;
}): Record<string, string> | null {
  const missing: Record<string, string> = {};
  if (review.findings.length === 0) missing.findings = "Add at least one finding before sharing the review.";
  if (!review.overallRating) missing.overallRating = "Give the review an overall rating before sharing it.";
  return Object.keys(missing).length > 0 ? missing : null;
}
