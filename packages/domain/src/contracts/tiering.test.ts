import { describe, expect, it, test } from "vitest";
import { DomainError } from "../errors.ts";
import { tenantSettings } from "../tenant-settings.ts";
import {
  assessContractTier,
  assessTier,
  effectiveTier,
  needsRetier,
  type RetierFacts,
  retierFields,
  type TieringFacts,
} from "./tiering.ts";

const thresholds = tenantSettings({}).tiering;
const plain: TieringFacts = {
  annualValueMinor: 100_000,
  capitalValueMinor: null,
  corporatePriority: false,
  keyPublicService: false,
  serviceRisk: "low",
};

describe("assessTier annual value (004 §4)", () => {
  test.each([
    { annual: 499_999, tier: "low", reason: "Annual value £4,999.99 is under the £5,000 Medium threshold" },
    { annual: 500_000, tier: "medium", reason: "Annual value £5,000 is between £5,000 and £50,000 (Medium)" },
    {
      annual: 500_001,
      tier: "medium",
      reason: "Annual value £5,000.01 is between £5,000 and £50,000 (Medium)",
    },
    {
      annual: 4_999_999,
      tier: "medium",
      reason: "Annual value £49,999.99 is between £5,000 and £50,000 (Medium)",
    },
    {
      annual: 5_000_000,
      tier: "medium",
      reason: "Annual value £50,000 is between £5,000 and £50,000 (Medium)",
    },
    { annual: 5_000_001, tier: "high", reason: "Annual value £50,000.01 is over the £50,000 High threshold" },
    { annual: 6_200_000, tier: "high", reason: "Annual value £62,000 is over the £50,000 High threshold" },
    { annual: null, tier: "low", reason: "No annual value is recorded, so value does not raise the tier" },
  ] as const)("annual $annual → $tier", ({ annual, tier, reason }) => {
    const result = assessTier({ ...plain, annualValueMinor: annual }, thresholds);
    expect(result.tier).toBe(tier);
    expect(result.reasons[0]).toBe(reason);
  });
});

describe("assessTier capital value (004 §4)", () => {
  test.each([
    {
      capital: 999_999,
      tier: "low",
      reason: "Capital value £9,999.99 is under the £10,000 Medium threshold",
    },
    {
      capital: 1_000_000,
      tier: "medium",
      reason: "Capital value £10,000 is between £10,000 and £100,000 (Medium)",
    },
    {
      capital: 1_000_001,
      tier: "medium",
      reason: "Capital value £10,000.01 is between £10,000 and £100,000 (Medium)",
    },
    {
      capital: 9_999_999,
      tier: "medium",
      reason: "Capital value £99,999.99 is between £10,000 and £100,000 (Medium)",
    },
    {
      capital: 10_000_000,
      tier: "medium",
      reason: "Capital value £100,000 is between £10,000 and £100,000 (Medium)",
    },
    {
      capital: 10_000_001,
      tier: "high",
      reason: "Capital value £100,000.01 is over the £100,000 High threshold",
    },
  ] as const)("capital $capital → $tier", ({ capital, tier, reason }) => {
    // A low annual value, so the capital value alone decides.
    const result = assessTier({ ...plain, capitalValueMinor: capital }, thresholds);
    expect(result.tier).toBe(tier);
    expect(result.reasons).toContain(reason);
  });
});

describe("assessTier reliance and service risk (004 §4)", () => {
  test.each([
    {
      name: "corporate priority",
      facts: { corporatePriority: true },
      tier: "high",
      reasons: ["The Council relies on it to deliver a corporate priority"],
    },
    {
      name: "key public service",
      facts: { keyPublicService: true },
      tier: "high",
      reasons: ["The Council relies on it to deliver a key public service"],
    },
    {
      name: "both reliance flags",
      facts: { corporatePriority: true, keyPublicService: true },
      tier: "high",
      reasons: [
        "The Council relies on it to deliver a corporate priority",
        "The Council relies on it to deliver a key public service",
      ],
    },
    {
      name: "high service risk",
      facts: { serviceRisk: "high" },
      tier: "medium",
      reasons: [
        "Service risk is high: it could put at risk the Council's ability to deliver public services",
      ],
    },
    {
      name: "medium service risk alone",
      facts: { serviceRisk: "medium" },
      tier: "low",
      reasons: [
        "Annual value £1,000 is under the £5,000 Medium threshold",
        "It is not relied on for a corporate priority or a key public service, and is unlikely to put public service delivery at risk",
      ],
    },
    {
      name: "high value and high service risk lists only the High reasons",
      facts: { annualValueMinor: 6_000_000, serviceRisk: "high" },
      tier: "high",
      reasons: ["Annual value £60,000 is over the £50,000 High threshold"],
    },
    {
      name: "medium value and high service risk lists both Medium reasons",
      facts: { annualValueMinor: 1_000_000, serviceRisk: "high" },
      tier: "medium",
      reasons: [
        "Annual value £10,000 is between £5,000 and £50,000 (Medium)",
        "Service risk is high: it could put at risk the Council's ability to deliver public services",
      ],
    },
  ] as const)("$name → $tier", ({ facts, tier, reasons }) => {
    expect(assessTier({ ...plain, ...facts }, thresholds)).toEqual({ tier, reasons });
  });

  test("uses the tenant's thresholds and currency", () => {
    const result = assessTier(
      { ...plain, annualValueMinor: 60_000_000 },
      { ...thresholds, highAnnualMinor: 50_000_000 },
      { currency: "ZAR", locale: "en-ZA" },
    );
    expect(result.tier).toBe("high");
    expect(result.reasons[0]).toMatch(/^Annual value R\s?600\s000 is over the R\s?500\s000 High threshold$/);
  });
});

describe("effectiveTier", () => {
  const assessed = {
    tier: "medium",
    reasons: ["Annual value £10,000 is between £5,000 and £50,000 (Medium)"],
  } as const;

  test.each([
    { name: "no override", override: null, tier: "medium", overridden: false, first: assessed.reasons[0] },
    {
      name: "override with a reason",
      override: { tier: "high", reason: "  Sole supplier of temporary accommodation " },
      tier: "high",
      overridden: true,
      first: "Set to High by override (assessed as Medium): Sole supplier of temporary accommodation",
    },
  ] as const)("$name", ({ override, tier, overridden, first }) => {
    const result = effectiveTier({ ...assessed, reasons: [...assessed.reasons] }, override);
    expect(result.tier).toBe(tier);
    expect(result.overridden).toBe(overridden);
    expect(result.reasons[0]).toBe(first);
  });

  test.each(["", "   "])("an override with reason %j is refused", (reason) => {
    expect(() => effectiveTier({ ...assessed, reasons: [] }, { tier: "low", reason })).toThrow(DomainError);
  });
});

describe("needsRetier (004 §4: any change that alters the value or nature)", () => {
  const before: RetierFacts = {
    annualValueMinor: 1_000_000,
    totalValueMinor: 3_000_000,
    capitalValueMinor: null,
    category: "services",
    lightTouch: false,
    corporatePriority: false,
    keyPublicService: false,
    serviceRisk: "low",
  };
  test.each([
    { name: "nothing changed", change: {}, expected: false },
    { name: "annual value", change: { annualValueMinor: 1_100_000 }, expected: true },
    { name: "total value", change: { totalValueMinor: 3_300_000 }, expected: true },
    { name: "capital value added", change: { capitalValueMinor: 500_000 }, expected: true },
    { name: "category", change: { category: "works" }, expected: true },
    { name: "light touch", change: { lightTouch: true }, expected: true },
    { name: "corporate priority", change: { corporatePriority: true }, expected: true },
    { name: "key public service", change: { keyPublicService: true }, expected: true },
    { name: "service risk", change: { serviceRisk: "high" }, expected: true },
  ] as const)("$name → $expected", ({ change, expected }) => {
    expect(needsRetier(before, { ...before, ...change })).toBe(expected);
  });
});

describe("assessContractTier", () => {
  const thresholds = tenantSettings({}).tiering;
  const base = {
    annualValueMinor: null,
    capitalValueMinor: null,
    corporatePriority: false,
    keyPublicService: false,
    serviceRisk: "low" as const,
  };

  it("spreads a total over the term when there is no annual value", () => {
    const result = assessContractTier(
      { ...base, totalValueMinor: 24_000_000, startDate: "2025-04-01", endDate: "2029-03-31" },
      thresholds,
    );
    expect(result.tier).toBe("high");
    expect(result.reasons[0]).toBe(
      "No annual value is recorded: the total £240,000 over 4 years is taken as £60,000 a year",
    );
  });

  it("takes a total without dates as one year's value", () => {
    const result = assessContractTier(
      { ...base, totalValueMinor: 4_000_000, startDate: null, endDate: null },
      thresholds,
    );
    expect(result.tier).toBe("medium");
  });

  it("uses the annual value when there is one", () => {
    const result = assessContractTier(
      { ...base, annualValueMinor: 400_000, totalValueMinor: 99_000_000, startDate: null, endDate: null },
      thresholds,
    );
    expect(result.tier).toBe("low");
  });
});

describe("retierFields (004 §4: one re-tier rule for an edit and an approved change)", () => {
  const facts = {
    annualValueMinor: 100_000,
    totalValueMinor: 300_000,
    capitalValueMinor: null,
    category: "services",
    lightTouch: false,
    corporatePriority: false,
    keyPublicService: false,
    serviceRisk: "low",
    startDate: "2025-01-01",
    endDate: "2027-12-31",
  } as const;
  const policy = {
    thresholds,
    money: { currency: "GBP", locale: "en-GB" },
    assessedAt: new Date("2026-06-01T09:00:00Z"),
  };
  test.each([
    {
      name: "nothing of value or nature changed: flag kept as it was",
      before: { tierOverrideReason: null, retierRequested: false },
      change: { endDate: "2028-12-31" },
      expected: { retierRequested: false },
    },
    {
      name: "unchanged, with a flag already raised: the flag stays",
      before: { tierOverrideReason: null, retierRequested: true },
      change: {},
      expected: { retierRequested: true },
    },
    {
      name: "value changed, no override: re-assessed now, with reasons",
      before: { tierOverrideReason: null, retierRequested: false },
      change: { annualValueMinor: 6_000_000 },
      expected: {
        tier: "high",
        assessedTier: "high",
        tierAssessedAt: policy.assessedAt,
        retierRequested: false,
      },
    },
    {
      name: "nature changed under a manual override: the override stays, flagged for review",
      before: { tierOverrideReason: "Political profile", retierRequested: false },
      change: { keyPublicService: true },
      expected: { retierRequested: true },
    },
  ])("$name", ({ before, change, expected }) => {
    const result = retierFields({ ...facts, ...before }, { ...facts, ...change }, policy);
    expect(result).toMatchObject(expected);
    if (!("tier" in expected)) expect(result).toEqual(expected);
  });
});
