import { type Tier, tiers } from "../contracts/contract-input.ts";
import { type KpiRating, kpiRatings, type RagStatus } from "./vocabulary.ts";

/**
 * The Contract Assurance Board's figures (004 §12.3: "SLT will review the Performance Tracker prior to the
 * meeting and invite Contract Managers with any Amber/Red statuses"; §11.1: High tier KPIs reviewed at the board).
 */

/** How many contracts of a group were Green, Amber or Red for the month, and how many have no status. */
export type RagCounts = Record<RagStatus | "notSet", number>;

const noCounts = (): RagCounts => ({ green: 0, amber: 0, red: 0, notSet: 0 });

/** The name the board gives contracts with no service area recorded. */
export const noServiceArea = "No service area recorded";

/**
 * Counts by tier (High, Medium, Low, always all three) and by service area (largest first, then by name) from
 * rows counted by tier, service area and status.
 */
export function ragCountsBy(
  rows: readonly { tier: Tier; serviceArea: string | null; status: RagStatus | null; contracts: number }[],
): {
  total: RagCounts;
  byTier: { tier: Tier; counts: RagCounts }[];
  byServiceArea: { serviceArea: string; counts: RagCounts }[];
} {
  const total = noCounts();
  const byTier = new Map<Tier, RagCounts>(tiers.map((tier) => [tier, noCounts()]));
  const byArea = new Map<string, RagCounts>();
  for (const row of rows) {
    const key = row.status ?? "notSet";
    total[key] += row.contracts;
    const tierCounts = byTier.get(row.tier) ?? noCounts();
    tierCounts[key] += row.contracts;
    byTier.set(row.tier, tierCounts);
    const area = row.serviceArea?.trim() || noServiceArea;
    const areaCounts = byArea.get(area) ?? noCounts();
    areaCounts[key] += row.contracts;
    byArea.set(area, areaCounts);
  }
  const size = (counts: RagCounts) => counts.green + counts.amber + counts.red + counts.notSet;
  return {
    total,
    byTier: [...byTier.entries()].map(([tier, counts]) => ({ tier, counts })),
    byServiceArea: [...byArea.entries()]
      .map(([serviceArea, counts]) => ({ serviceArea, counts }))
      .sort((a, b) => size(b.counts) - size(a.counts) || a.serviceArea.localeCompare(b.serviceArea)),
  };
}

/** One month of a contract's KPI trend: how many measurements were rated each way, and the share on target. */
export type KpiTrendMonth = {
  month: string;
  measured: number;
  /** Good or Approaching target (PR24 reg 39(5)): at or close to target. */
  onTarget: number;
  belowTarget: number;
  /** Whole percent of the rated measurements at or close to target; null with none rated. */
  onTargetPercent: number | null;
};

/**
 * Each contract's KPI trend over `months` (oldest first) from its measurements counted by contract, period and
 * rating: at or close to target is Good or Approaching target, below it Requires improvement or Inadequate (PR24
 * reg 39(5)). Ratings of Other (no usable data) count as measured but neither on nor below target.
 */
export function kpiTrends(
  rows: readonly { contractId: string; periodStart: string; counts: Record<KpiRating, number> }[],
  months: readonly string[],
): Map<string, KpiTrendMonth[]> {
  const byContract = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const row of rows) {
    const contract = byContract.get(row.contractId) ?? new Map();
    contract.set(row.periodStart, row);
    byContract.set(row.contractId, contract);
  }
  return new Map(
    [...byContract.entries()].map(([contractId, byMonth]) => [
      contractId,
      months.map((month) => {
        const counts = byMonth.get(month)?.counts;
        const onTarget = counts ? counts.good + counts.approaching_target : 0;
        const belowTarget = counts ? counts.requires_improvement + counts.inadequate : 0;
        const rated = onTarget + belowTarget;
        return {
          month,
          measured: counts ? kpiRatings.reduce((sum, rating) => sum + counts[rating], 0) : 0,
          onTarget,
          belowTarget,
          onTargetPercent: rated === 0 ? null : Math.round((onTarget * 100) / rated),
        };
      }),
    ]),
  );
}
