import { and, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { kpiMeasurementParts, kpiMeasurements } from "../schema/index.ts";
import { insertBatches } from "./bulk.ts";

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

type Figures = { value: number | null; numerator: number | null; denominator: number | null };
export type ReturnMeasurementRow = typeof kpiMeasurements.$inferInsert & {
  id: string;
  parts: (Figures & { label: string })[];
};

/**
 * A supplier return's measurements (many periods of many KPIs) and their parts, in statements under the
 * bind-parameter limit. The ids come with the rows, so parts point at them without reading anything back. A
 * period measured meanwhile breaks `kpi_measurements_period_key` and the whole return fails with the request's
 * transaction (the caller answers CONFLICT).
 */
export async function insertReturnMeasurements(tx: Tx, rows: ReturnMeasurementRow[]): Promise<void> {
  for (const batch of insertBatches(
    kpiMeasurements,
    rows.map(({ parts: _parts, ...measurement }) => measurement),
  )) {
    await tx.insert(kpiMeasurements).values(batch);
  }
  const parts = rows.flatMap((row) =>
    row.parts.map((part) => ({ tenantId: row.tenantId, measurementId: row.id, ...part })),
  );
  for (const batch of insertBatches(kpiMeasurementParts, parts)) {
    await tx.insert(kpiMeasurementParts).values(batch);
  }
}
