import { describe, expect, it } from "vitest";
import { performanceReviewInput, reviewShareRefusal } from "./reviews.ts";

describe("performance reviews", () => {
  const finding = {
    area: "performance",
    rating: "requires_improvement",
    finding: "Missed collections rose.",
  };

  it("reads a review with its findings, blank text as null", () => {
    const review = performanceReviewInput.parse({
      title: " Portfolio review ",
      periodStart: "2026-04-01",
      periodEnd: "2026-09-30",
      summary: "",
      findings: [finding],
    });
    expect(review).toEqual({
      title: "Portfolio review",
      periodStart: "2026-04-01",
      periodEnd: "2026-09-30",
      summary: null,
      overallRating: null,
      findings: [{ ...finding, recommendation: null, contractId: null }],
    });
  });

  it("refuses a period that ends before it starts, and a finding with no text", () => {
    const result = performanceReviewInput.safeParse({
      title: "Review",
      periodStart: "2026-04-01",
      periodEnd: "2026-03-31",
      findings: [{ ...finding, finding: "  " }],
    });
    const fields = result.error?.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["periodEnd", "findings.0.finding"]));
  });

  it.each([
    [{ findings: [], overallRating: null }, ["findings", "overallRating"]],
    [{ findings: [finding], overallRating: null }, ["overallRating"]],
    [{ findings: [], overallRating: "good" as const }, ["findings"]],
  ])("cannot be shared while it says nothing: %j", (review, missing) => {
    expect(Object.keys(reviewShareRefusal(review) ?? {})).toEqual(missing);
  });

  it("can be shared with a finding and an overall rating", () => {
    expect(reviewShareRefusal({ findings: [finding], overallRating: "good" })).toBeNull();
  });
});
