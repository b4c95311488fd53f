import { randomBytes } from "node:crypto";
import {
  type BenchmarkPeriod,
  benchmarkK,
  type CandidateCell,
  decidePublication,
  earlyWarnings,
  type SuppressionReason,
  unitBounds,
  universalMeasureInfo,
  valueBands,
} from "@steward/domain";
import { type Database, inBenchmarkTransaction } from "./database.ts";
import {
  aggregateBenchmarkCells,
  benchmarkSnapshotExists,
  countBenchmarkPool,
  drawBenchmarkPool,
  flaggedOrganisations,
  getBenchmarkSettings,
  insertBenchmarkSnapshot,
  type PublishedCell,
} from "./queries/benchmarks.ts";
import { listKpiTemplates } from "./queries/kpi-library.ts";

export interface BenchmarkRefreshReport {
  period: BenchmarkPeriod;
  /** False when the period had already been published: it is never computed again. */
  published: boolean;
  k: number;
  poolSize: number;
  publishedCells: number;
  suppressed: Record<SuppressionReason, number>;
  warnings: number;
}

/**
 * The aggregation job (issue 9 §4): one transaction as the benchmark role over the councils in the pool, the
 * privacy rules of packages/domain deciding what is published, and the snapshot written once for the period.
 * The councils are pseudonyms drawn for this run: no tenant id reaches the snapshot, nor this process's hands.
 */
export async function publishBenchmarkSnapshot(
  database: Database,
  { period }: { period: BenchmarkPeriod },
): Promise<BenchmarkRefreshReport> {
  const salt = randomBytes(16).toString("hex");
  return inBenchmarkTransaction(database, async (tx) => {
    const k = benchmarkK((await getBenchmarkSettings(tx)).k);
    const poolSize = await countBenchmarkPool(tx);
    const nothing = { too_few_councils: 0, differencing: 0 };
    if (await benchmarkSnapshotExists(tx, { period })) {
      return { period, published: false, k, poolSize, publishedCells: 0, suppressed: nothing, warnings: 0 };
    }
    await drawBenchmarkPool(tx, { salt });
    const aggregated = await aggregateBenchmarkCells(tx, { period });
    const templateUnits = new Map(
      (await listKpiTemplates(tx, { includeArchived: true })).map((template) => [template.id, template.unit]),
    );
    const unitOf = (cell: (typeof aggregated)[number]) =>
      cell.measure
        ? universalMeasureInfo[cell.measure].unit
        : (templateUnits.get(cell.templateId ?? "") ?? "other");
    const candidates: (CandidateCell & { cell: (typeof aggregated)[number] })[] = aggregated.map((cell) => ({
      key: [cell.templateId ?? cell.measure, cell.categoryId ?? "", cell.organisationId ?? ""].join("/"),
      measure: cell.templateId ?? cell.measure ?? "",
      dimensions: [
        ...(cell.categoryId ? [`category:${cell.categoryId}`] : []),
        ...(cell.organisationId ? [`organisation:${cell.organisationId}`] : []),
      ],
      cohort: cell.cohort,
      cell,
    }));
    const decisions = decidePublication(candidates, k);
    const suppressed: Record<SuppressionReason, number> = { too_few_councils: 0, differencing: 0 };
    const cells: PublishedCell[] = candidates.map(({ key, cell }) => {
      const decision = decisions.get(key) ?? { published: false, reason: "too_few_councils" as const };
      const where = {
        templateId: cell.templateId,
        measure: cell.measure,
        organisationId: cell.organisationId,
        categoryId: cell.categoryId,
      };
      if (!decision.published) {
        suppressed[decision.reason] += 1;
        return {
          ...where,
          suppressionReason: decision.reason,
          councilCount: null,
          measurementCount: null,
          median: null,
          lowerQuartile: null,
          upperQuartile: null,
          lowBand: null,
          highBand: null,
        };
      }
      return {
        ...where,
        suppressionReason: null,
        councilCount: cell.councilCount,
        measurementCount: cell.measurementCount,
        median: cell.median,
        lowerQuartile: cell.lowerQuartile,
        upperQuartile: cell.upperQuartile,
        ...valueBands(cell.min, cell.max, unitBounds(unitOf(cell))),
      };
    });
    const warnings = earlyWarnings(await flaggedOrganisations(tx), k);
    // A concurrent run that published the period first wins: this one then publishes nothing.
    const snapshotId = await insertBenchmarkSnapshot(tx, { period, k, poolSize, cells, warnings });
    if (snapshotId === null) {
      return { period, published: false, k, poolSize, publishedCells: 0, suppressed: nothing, warnings: 0 };
    }
    return {
      period,
      published: true,
      k,
      poolSize,
      publishedCells: cells.length - suppressed.too_few_councils - suppressed.differencing,
      suppressed,
      warnings: warnings.length,
    };
  });
}
