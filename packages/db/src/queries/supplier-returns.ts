import { and, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { kpiMeasurements } from "../schema/index.ts";

/** How a measurement is named across periods: its KPI and the first day of its period. */
export const measurementKey = (kpiId: string, periodStart: string) => `${kpiId}:${periodStart}`;

/** The contract's measured periods, as `measurementKey`s: a supplier return adds periods, it does not correct them. */
export async function listMeasuredPeriods(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
): Promise<Set<string>> {
  const rows = await tx
    .select({ kpiId: kpiMeasurements.kpiId, periodStart: kpiMeasurements.periodStart })
    .from(kpiMeasurements)
    .where(and(eq(kpiMeasurements.tenantId, tenantId), eq(kpiMeasurements.contractId, contractId)));
  return new Set(rows.map((row) => measurementKey(row.kpiId, row.periodStart)));
}
