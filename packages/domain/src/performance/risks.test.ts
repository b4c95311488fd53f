import { describe, expect, it } from "vitest";
import { isRiskReviewOverdue, riskBand, riskInput, riskScore } from "./risks.ts";

describe("riskScore and riskBand (004 §11.2, 5 × 5 matrix)", () => {
  it.each([
    [1, 1, 1, "low"],
    [2, 2, 4, "low"],
    [1, 4, 4, "low"],
    [1, 5, 5, "medium"],
    [3, 3, 9, "medium"],
    [2, 5, 10, "high"],
    [3, 5, 15, "high"],
    [4, 4, 16, "high"],
    [4, 5, 20, "very_high"],
    [5, 4, 20, "very_high"],
    [5, 5, 25, "very_high"],
  ] as const)("likelihood %i × impact %i = %i, %s", (likelihood, impact, score, band) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(riskBand(score)).toBe(band);
  });

  it("bands every possible score, and only up to 25", () => {
    const scores = new Set<number>();
    for (let likelihood = 1; likelihood <= 5; likelihood += 1)
      for (let impact = 1; impact <= 5; impact += 1) scores.add(riskScore(likelihood, impact));
    expect([...scores].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
  });
});

describe("isRiskReviewOverdue", () => {
  it.each([
    ["open", "2026-03-09", true],
    ["open", "2026-03-10", false],
    ["closed", "2026-01-01", false],
  ] as const)("%s, review %s, on 2026-03-10: %s", (status, reviewOn, overdue) => {
    expect(isRiskReviewOverdue({ status, reviewOn }, "2026-03-10")).toBe(overdue);
  });
});

describe("riskInput", () => {
  const risk = { title: "Risk", category: "delivery", likelihood: 3, impact: 3, reviewOn: "2026-04-01" };
  it("keeps the member for a council owner and the name for a supplier owner", () => {
    expect(
      riskInput.parse({
        ...risk,
        ownerParty: "council",
        ownerUserId: "01890000-0000-7000-8000-000000000000",
        ownerName: "x",
      }),
    ).toMatchObject({ ownerUserId: "01890000-0000-7000-8000-000000000000", ownerName: null });
    expect(
      riskInput.parse({
        ...risk,
        ownerParty: "supplier",
        ownerUserId: "01890000-0000-7000-8000-000000000000",
        ownerName: "Dana",
      }),
    ).toMatchObject({ ownerUserId: null, ownerName: "Dana" });
  });

  it.each([
    [{ ownerParty: "council" }, { ownerUserId: "Choose the council member who owns it." }],
    [
      { ownerParty: "supplier", ownerName: " " },
      { ownerName: "Name the person at the supplier who owns it." },
    ],
    [
      { ownerParty: "supplier", ownerName: "Dana", likelihood: 0 },
      { likelihood: "Score it from 1 (lowest) to 5 (highest)." },
    ],
  ])("%j → %j", (fields, problems) => {
    const result = riskInput.safeParse({ ...risk, ...fields });
    expect(
      Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message])),
    ).toEqual(problems);
  });
});
