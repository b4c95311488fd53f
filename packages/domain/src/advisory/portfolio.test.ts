import { describe, expect, it } from "vitest";
import { kpiAttainmentRate, ragMixOf, suppliersAcrossCouncils } from "./portfolio.ts";

describe("kpiAttainmentRate", () => {
  it.each([
    [[], null],
    [[{ rating: "other", measurements: 4 }], null],
    [
      [
        { rating: "good", measurements: 3 },
        { rating: "approaching_target", measurements: 1 },
      ],
      75,
    ],
    [
      [
        { rating: "good", measurements: 2 },
        { rating: "requires_improvement", measurements: 1 },
        { rating: "other", measurements: 9 },
      ],
      67,
    ],
  ] as const)("%j → %s", (counts, rate) => {
    expect(kpiAttainmentRate(counts)).toBe(rate);
  });
});

describe("ragMixOf", () => {
  it("counts contracts by status, unset where none was set", () => {
    expect(
      ragMixOf([
        { status: "red", contracts: 1 },
        { status: null, contracts: 2 },
        { status: "green", contracts: 4 },
        { status: "red", contracts: 1 },
      ]),
    ).toEqual({ green: 4, amber: 0, red: 2, unset: 2 });
  });
});

describe("suppliersAcrossCouncils", () => {
  const rag = { green: 1, amber: 0, red: 0, unset: 0 };
  it("puts each organisation's councils side by side, the most shared first, attainment over all measurements", () => {
    const combined = suppliersAcrossCouncils([
      {
        tenantId: "a",
        suppliers: [
          {
            organisationId: "o1",
            organisationName: "CleanStreets Services plc",
            contracts: 2,
            rag,
            ratings: [{ rating: "good", measurements: 9 }],
          },
          { organisationId: "o2", organisationName: "Greenways Grounds Ltd", contracts: 1, rag, ratings: [] },
        ],
      },
      {
        tenantId: "b",
        suppliers: [
          {
            organisationId: "o1",
            organisationName: "CleanStreets Services plc",
            contracts: 1,
            rag,
            ratings: [{ rating: "inadequate", measurements: 1 }],
          },
        ],
      },
    ]);
    expect(combined).toEqual([
      {
        organisationId: "o1",
        organisationName: "CleanStreets Services plc",
        councils: [
          { tenantId: "a", contracts: 2, rag, attainment: 100 },
          { tenantId: "b", contracts: 1, rag, attainment: 0 },
        ],
        attainment: 90,
      },
      {
        organisationId: "o2",
        organisationName: "Greenways Grounds Ltd",
        councils: [{ tenantId: "a", contracts: 1, rag, attainment: null }],
        attainment: null,
      },
    ]);
  });
});
