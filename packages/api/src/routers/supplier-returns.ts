import { insertMeasurements, listKpis, listMeasuredPeriods, type NewMeasurement } from "@steward/db";
import {
  checkSupplierReturn,
  conflict,
  firstOfMonth,
  idInput,
  invalid,
  isStorableText,
  kpiRatingLabels,
  newId,
  parseCsv,
  rateValue,
  textInput,
  textLimits,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, type TenantContext } from "../init.ts";

/** A return of the row limit at about 250 characters a row. */
const maxReturnCharacters = 5_000_000;

const returnInput = z.object({
  contractId: idInput,
  csv: z
    .string({ error: "Choose the supplier's CSV file." })
    .min(1, "Choose the supplier's CSV file.")
    .max(maxReturnCharacters, "The file is over 5 MB: split it into smaller files.")
    .refine(
      isStorableText,
      "The file holds control characters or broken symbols: save it again as CSV (UTF-8) and retry.",
    ),
});

/** The return checked against the contract's KPIs, each measurement rated as the KPIs tab rates one. */
async function checkReturn(ctx: TenantContext, input: z.infer<typeof returnInput>) {
  const contract = await loadContract(ctx, input.contractId);
  if (contract.archivedAt) throw conflict("This contract is archived: restore it before recording.");
  const [kpis, recorded, council] = await Promise.all([
    listKpis(ctx.tx, { tenantId: ctx.tenantId, contractId: contract.id }),
    listMeasuredPeriods(ctx.tx, { tenantId: ctx.tenantId, contractId: contract.id }),
    ctx.council(),
  ]);
  const checked = checkSupplierReturn({
    rows: parseCsv(input.csv),
    kpis,
    contractStart: contract.startDate,
    recorded,
    thisMonth: firstOfMonth(today()),
  });
  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const formatting = { locale: council.locale, currency: council.currency };
  const rated = checked.measurements.flatMap((measurement) => {
    const kpi = byId.get(measurement.kpiId);
    return kpi ? [{ ...measurement, kpi, ...rateValue(kpi, measurement.figures.value, formatting) }] : [];
  });
  const periods = rated.map((measurement) => measurement.periodStart).sort();
  return { contract, checked, rated, firstPeriod: periods[0] ?? null, lastPeriod: periods.at(-1) ?? null };
}

/**
 * Issue 8 §2: a supplier's monthly return as a CSV file, previewed with its problems row by row, then recorded
 * all or nothing, like the register import (DESIGN §4). On the `kpis` router.
 */
export const supplierReturnProcedures = {
  previewReturn: permittedProcedure("performance:write")
    .input(returnInput)
    .mutation(async ({ ctx, input }) => {
      const { checked, rated, firstPeriod, lastPeriod } = await checkReturn(ctx, input);
      return {
        rowCount: checked.rowCount,
        measurementCount: rated.length,
        problemCount: checked.problems.length,
        /** The first 500 problems (problemCount says how many there are). */
        problems: checked.problems.slice(0, 500),
        firstPeriod,
        lastPeriod,
        /** The first 50 measurements as they will be stored, with their ratings. */
        sample: rated.slice(0, 50).map((measurement) => ({
          rowNumber: measurement.rowNumber,
          kpiName: measurement.kpi.name,
          periodStart: measurement.periodStart,
          value: measurement.figures.value,
          parts: measurement.figures.parts.length,
          rating: measurement.rating,
          ratingLabel: kpiRatingLabels[measurement.rating],
        })),
      };
    }),

  commitReturn: permittedProcedure("performance:write")
    .input(
      returnInput.extend({
        fileName: textInput({ max: textLimits.short }).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) =>
      once(ctx, input, "kpis.commitReturn", async () => {
        const { contract, checked, rated, firstPeriod, lastPeriod } = await checkReturn(ctx, input);
        if (checked.problems.length > 0) {
          throw invalid(
            `${checked.problems.length} ${checked.problems.length === 1 ? "problem" : "problems"} in the file: fix ${checked.problems.length === 1 ? "it" : "them"} and upload it again. Nothing was recorded.`,
          );
        }
        if (rated.length === 0 || firstPeriod === null || lastPeriod === null) {
          throw invalid("The file has no measurements to record.");
        }
        const rows: NewMeasurement[] = rated.map((measurement) => ({
          tenantId: ctx.tenantId,
          id: newId(),
          contractId: contract.id,
          kpiId: measurement.kpiId,
          periodStart: measurement.periodStart,
          value: measurement.figures.value,
          numerator: measurement.figures.numerator,
          denominator: measurement.figures.denominator,
          parts: measurement.figures.parts,
          rating: measurement.rating,
          ratingReason: measurement.reason,
          evidenceNote: measurement.evidenceNote,
          enteredBy: ctx.user.id,
        }));
        // All or nothing: a period recorded meanwhile fails the whole return with the request's transaction.
        const inserted = await insertMeasurements(ctx.tx, rows);
        if (inserted.size < rows.length) {
          throw conflict(
            "Someone recorded some of these periods while the file was being checked. Upload it again to see which.",
          );
        }
        const perKpi = new Map<string, { kpiId: string; name: string; measurements: number }>();
        for (const { kpi } of rated) {
          const entry = perKpi.get(kpi.id) ?? { kpiId: kpi.id, name: kpi.name, measurements: 0 };
          entry.measurements += 1;
          perKpi.set(kpi.id, entry);
        }
        await ctx.audit({
          action: "kpi.supplier_return_recorded",
          entityType: "contract",
          entityId: contract.id,
          after: {
            fileName: input.fileName ?? null,
            measurements: rows.length,
            firstPeriod,
            lastPeriod,
            kpis: [...perKpi.values()],
          },
        });
        return { recorded: rows.length, firstPeriod, lastPeriod };
      }),
    ),
};
