import { describe, expect, it } from "vitest";
import {
  benchmarkK,
  type CandidateCell,
  decidePublication,
  earlyWarnings,
  suppressionMessage,
} from "./privacy.ts";

const councils = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);
const cell = (key: string, dimensions: string[], cohort: number[], measure = "t1"): CandidateCell => ({
  key,
  measure,
  dimensions,
  cohort,
});
const decided = (cells: CandidateCell[], k = 5) => Object.fromEntries(decidePublication(cells, k));

describe("benchmarkK (issue 9 §4: default 5, never below 3)", () => {
  it.each([
    [undefined, 5],
    [null, 5],
    [5, 5],
    [7, 7],
    [3, 3],
    [2, 3],
    [0, 3],
    [4.5, 5],
  ])("%s → %s", (setting, k) => {
    expect(benchmarkK(setting)).toBe(k);
  });
});

describe("decidePublication: suppression at k − 1 and k councils", () => {
  it.each([
    [3, 2, false],
    [3, 3, true],
    [5, 4, false],
    [5, 5, true],
    [7, 6, false],
    [7, 7, true],
  ])("k = %s, %s councils → published %s", (k, count, published) => {
    const result = decided([cell("t1", [], councils(1, count))], k);
    expect(result.t1).toEqual(
      published ? { published: true } : { published: false, reason: "too_few_councils" },
    );
  });

  it("counts distinct councils, not measurements", () => {
    const result = decided([cell("t1", [], [1, 1, 2, 2, 3, 4])]);
    expect(result.t1).toEqual({ published: false, reason: "too_few_councils" });
  });
});

describe("decidePublication: differencing across overlapping cohorts cannot isolate a council", () => {
  it("suppresses a supplier's cell that is the whole measure but one council", () => {
    // All six councils measure t1; five of them use supplier o1. Both cells publishing would let a viewer
    // subtract the supplier's cell from the whole and read the sixth council's figure.
    const result = decided([
      cell("t1", [], councils(1, 6)),
      cell("t1/o1", ["organisation:o1"], councils(1, 5)),
    ]);
    expect(result).toEqual({
      t1: { published: true },
      "t1/o1": { published: false, reason: "differencing" },
    });
  });

  it.each([
    [10, 5, true],
    [10, 6, false],
    [9, 5, false],
    [12, 7, true],
    [5, 5, true],
  ])("whole %s, supplier %s of them → supplier published %s", (whole, part, published) => {
    const result = decided([
      cell("all", [], councils(1, whole)),
      cell("o1", ["organisation:o1"], councils(1, part)),
    ]);
    expect(result.o1?.published).toBe(published);
  });

  it("checks the remainder after subtracting every published sibling together", () => {
    // 12 councils: o1 has 6, o2 has 5, one council uses neither. Each alone leaves ≥ 5 outside, but the whole
    // minus both would isolate that one council: the second sibling is suppressed.
    const result = decided([
      cell("all", [], councils(1, 12)),
      cell("o1", ["organisation:o1"], councils(1, 6)),
      cell("o2", ["organisation:o2"], councils(7, 11)),
    ]);
    expect(result).toEqual({
      all: { published: true },
      o1: { published: true },
      o2: { published: false, reason: "differencing" },
    });
  });

  it("compares only cells nested in one another, of the same measure", () => {
    const result = decided([
      cell("t1", [], councils(1, 6)),
      cell("t2/o1", ["organisation:o1"], councils(1, 5), "t2"),
      cell("c1/o1", ["category:c1", "organisation:o1"], councils(1, 5)),
      cell("c2/o1", ["category:c2", "organisation:o1"], councils(1, 6)),
    ]);
    expect(result["t2/o1"]).toEqual({ published: true });
    // c1/o1 and c2/o1 are siblings of no one published above them but t1, which both are nested in.
    expect(result["c2/o1"]).toEqual({ published: true });
    expect(result["c1/o1"]).toEqual({ published: false, reason: "differencing" });
  });

  it("decides the same whatever order the cells come in", () => {
    const cells = [
      cell("all", [], councils(1, 12)),
      cell("o1", ["organisation:o1"], councils(1, 6)),
      cell("o2", ["organisation:o2"], councils(7, 11)),
      cell("o3", ["organisation:o3"], councils(1, 3)),
    ];
    expect(decided([...cells].reverse())).toEqual(decided(cells));
  });

  it("lets no published pair of nested cells differ by 1 to k − 1 councils (exhaustive over small pools)", () => {
    const k = 3;
    for (let whole = k; whole <= 8; whole += 1) {
      for (let part = 1; part <= whole; part += 1) {
        const cells = [
          cell("all", [], councils(1, whole)),
          cell("part", ["organisation:o"], councils(1, part)),
        ];
        const result = decided(cells, k);
        const published = cells.filter((c) => result[c.key]?.published);
        if (published.length === 2) {
          const gap = whole - part;
          expect(gap === 0 || gap >= k, `whole ${whole}, part ${part}`).toBe(true);
        }
      }
    }
  });
});

describe("earlyWarnings (issue 9 §6)", () => {
  it("flags a supplier Red or Inadequate at k or more distinct councils, and no other", () => {
    expect(
      earlyWarnings(
        [
          { organisationId: "o1", councils: councils(1, 5) },
          { organisationId: "o2", councils: councils(1, 4) },
          { organisationId: "o3", councils: [1, 1, 2, 2, 3, 3, 4, 4] },
        ],
        5,
      ),
    ).toEqual(["o1"]);
  });
});

describe("suppressionMessage", () => {
  it("says plainly why nothing is shown", () => {
    expect(suppressionMessage("too_few_councils", 5)).toBe(
      "Fewer than 5 councils measure this; nothing can be shown.",
    );
    expect(suppressionMessage("differencing", 5)).toContain("nothing can be shown");
  });
});
