import type { SuppressionReason } from "./vocabulary.ts";

/**
 * The privacy rules of the benchmark pool (issue 9 §4; DESIGN §5). Pure: the aggregation job feeds them each
 * candidate cell's cohort (the councils behind it, by a pseudonym the job makes up for the run and never stores)
 * and publishes only what they allow.
 */

/** issue 9 §4: a published cell needs at least k councils; default 5, never below 3. */
export const defaultBenchmarkK = 5;
export const minimumBenchmarkK = 3;

/** The k a snapshot uses: the platform setting, never below the minimum (a lower stored value is raised). */
export function benchmarkK(setting: number | null | undefined): number {
  if (setting === null || setting === undefined || !Number.isInteger(setting)) return defaultBenchmarkK;
  return Math.max(minimumBenchmarkK, setting);
}

/**
 * A cell the job could publish. `dimensions` narrow the measure ("organisation:<id>", "category:<id>"); a cell
 * whose dimensions include all of another's (same measure) holds a subset of its data: it is that cell's
 * descendant, and subtracting one from the other is the differencing attack.
 */
export interface CandidateCell {
  key: string;
  measure: string;
  dimensions: readonly string[];
  /** The councils behind the cell, as the run's pseudonyms: whole numbers from 0. */
  cohort: readonly number[];
}

export type CellDecision = { published: true } | { published: false; reason: SuppressionReason };

function isAncestor(ancestor: CandidateCell, descendant: CandidateCell): boolean {
  return (
    ancestor.measure === descendant.measure &&
    ancestor.dimensions.length < descendant.dimensions.length &&
    ancestor.dimensions.every((dimension) => descendant.dimensions.includes(dimension))
  );
}

/**
 * Which cells a snapshot publishes, and why each other one is suppressed (issue 9 §4):
 * - `too_few_councils`: fewer than `k` distinct councils;
 * - `differencing`: publishing it would let a published cell be subtracted to isolate fewer than `k` councils. A
 *   cell is checked against every published cell it is nested in (its ancestors): the councils of the ancestor
 *   outside it must be none or at least `k`, and so must the councils of the ancestor outside it and all its
 *   published siblings together (subtracting several children at once).
 * Broad cells are decided first (fewer dimensions, then more councils, then key), so the measure across all
 * councils is kept over one supplier's slice of it. Decisions are the same whatever order the cells come in.
 * Each published ancestor keeps the councils its published children cover, one set per depth, so a pool of a
 * thousand councils and hundreds of suppliers is decided in one pass over each cohort.
 */
export function decidePublication(cells: readonly CandidateCell[], k: number): Map<string, CellDecision> {
  const decisions = new Map<string, CellDecision>();
  let poolSize = 0;
  for (const cell of cells) for (const council of cell.cohort) poolSize = Math.max(poolSize, council + 1);
  // A cohort as a bitmap over the pool, with its count of distinct councils.
  const cohorts = new Map<string, { members: Uint8Array; size: number }>();
  for (const cell of cells) {
    const members = new Uint8Array(poolSize);
    let size = 0;
    for (const council of cell.cohort) {
      if (members[council] === 0) size += 1;
      members[council] = 1;
    }
    cohorts.set(cell.key, { members, size });
  }
  const cohortOf = (cell: CandidateCell) =>
    cohorts.get(cell.key) ?? { members: new Uint8Array(poolSize), size: 0 };
  const ordered = [...cells].sort(
    (a, b) =>
      a.dimensions.length - b.dimensions.length ||
      cohortOf(b).size - cohortOf(a).size ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const publishedByMeasure = new Map<string, CandidateCell[]>();
  /** Per published ancestor and depth: the ancestor's councils its published children of that depth cover. */
  const covered = new Map<string, { members: Uint8Array; size: number }>();
  const coveredOf = (ancestor: CandidateCell, depth: number) => {
    const key = `${ancestor.key}\u0000${depth}`;
    const found = covered.get(key);
    if (found) return found;
    const set = { members: new Uint8Array(poolSize), size: 0 };
    covered.set(key, set);
    return set;
  };
  for (const cell of ordered) {
    const cohort = cohortOf(cell);
    if (cohort.size < k) {
      decisions.set(cell.key, { published: false, reason: "too_few_councils" });
      continue;
    }
    const ancestors = (publishedByMeasure.get(cell.measure) ?? []).filter((other) => isAncestor(other, cell));
    const isolates = ancestors.some((ancestor) => {
      const ancestorCohort = cohortOf(ancestor);
      const siblings = coveredOf(ancestor, cell.dimensions.length);
      let inside = 0;
      let newlyCovered = 0;
      for (let council = 0; council < poolSize; council += 1) {
        if (cohort.members[council] === 0 || ancestorCohort.members[council] === 0) continue;
        inside += 1;
        if (siblings.members[council] === 0) newlyCovered += 1;
      }
      const outside = ancestorCohort.size - inside;
      if (outside > 0 && outside < k) return true;
      const rest = ancestorCohort.size - siblings.size - newlyCovered;
      return rest > 0 && rest < k;
    });
    if (isolates) {
      decisions.set(cell.key, { published: false, reason: "differencing" });
      continue;
    }
    decisions.set(cell.key, { published: true });
    publishedByMeasure.set(cell.measure, [...(publishedByMeasure.get(cell.measure) ?? []), cell]);
    for (const ancestor of ancestors) {
      const ancestorCohort = cohortOf(ancestor);
      const siblings = coveredOf(ancestor, cell.dimensions.length);
      for (let council = 0; council < poolSize; council += 1) {
        if (
          cohort.members[council] === 1 &&
          ancestorCohort.members[council] === 1 &&
          siblings.members[council] === 0
        ) {
          siblings.members[council] = 1;
          siblings.size += 1;
        }
      }
    }
  }
  return decisions;
}

/**
 * Early warning (issue 9 §6): the supplier organisations that were Red or Inadequate at `k` or more distinct
 * councils in the period. Fewer is no warning at all: a warning from two councils would say of each viewer's
 * neighbour what the pool must not.
 */
export function earlyWarnings(
  flags: readonly { organisationId: string; councils: readonly number[] }[],
  k: number,
): string[] {
  return flags
    .filter((flag) => new Set(flag.councils).size >= k)
    .map((flag) => flag.organisationId)
    .sort();
}

/** What a suppressed cell says, in the viewer's words (issue 9 §5). */
export function suppressionMessage(reason: SuppressionReason, k: number): string {
  return reason === "too_few_councils"
    ? `Fewer than ${k} councils measure this; nothing can be shown.`
    : `Showing this would let a council's figures be worked out from another benchmark; nothing can be shown.`;
}
