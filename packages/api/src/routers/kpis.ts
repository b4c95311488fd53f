import {
  correctMeasurement,
  getKpi,
  getMeasurement,
  insertKpi,
  insertMeasurements,
  type KpiRow,
  kpiTemplateExists,
  listKpis,
  listMeasurementHistory,
  listMeasurements,
  updateContract,
  updateKpi,
} from "@steward/db";
import {
  checkFigures,
  conflict,
  firstOfMonth,
  idInput,
  integerInput,
  invalid,
  isPeriodStart,
  type KpiInput,
  kpiInput,
  measurementCorrectionInput,
  measurementMonthInput,
  type NumberFormatting,
  newId,
  notFound,
  optionalTextInput,
  periodStartInput,
  ratePeriod,
  rateValue,
  textLimits,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";
import { supplierReturnProcedures } from "./supplier-returns.ts";

const correctThese = "Some answers need correcting: see the marked fields.";
const changedMeanwhile = () =>
  conflict("Someone else changed this KPI meanwhile. Reload to see their changes.");

async function loadKpi(ctx: Pick<TenantContext, "tx" | "tenantId">, kpiId: string) {
  const kpi = await getKpi(ctx.tx, { tenantId: ctx.tenantId, kpiId });
  if (!kpi) throw notFound("That KPI");
  return kpi;
}

async function formattingOf(ctx: Pick<TenantContext, "council">): Promise<NumberFormatting> {
  const council = await ctx.council();
  return { locale: council.locale, currency: council.currency };
}

/** The KPI library link must name a template that exists (the library arrives with issue 9). */
async function checkTemplate(ctx: Pick<TenantContext, "tx">, templateId: string | null) {
  if (templateId !== null && !(await kpiTemplateExists(ctx.tx, templateId))) {
    throw invalid(correctThese, { "kpi.templateId": "Choose a KPI from the library." });
  }
}

/** The KPI's own fields, as the input names them (for the audit's before and after). */
function kpiInputOf(row: KpiRow): KpiInput {
  return {
    name: row.name,
    definition: row.definition,
    numeratorLabel: row.numeratorLabel,
    denominatorLabel: row.denominatorLabel,
    unit: row.unit,
    unitLabel: row.unitLabel,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    targetBy: row.targetBy,
    tolerance: row.tolerance,
    inadequateAt: row.inadequateAt,
    frequency: row.frequency,
    dataSource: row.dataSource,
    published: row.published,
    socialValue: row.socialValue,
    templateId: row.templateId,
    breakdownLabel: row.breakdownLabel,
  };
}

/**
 * The PA23 s.71(2) assessment period: twelve months ending with `assessedTo` (a notice is due at least every
 * 12 months), by default the twelve complete months before this one.
 */
function assessmentPeriod(on: string, assessedTo: string | undefined) {
  const to = assessedTo ?? firstOfMonth(on, -1);
  if (to > firstOfMonth(on, -1)) {
    throw invalid(correctThese, { assessedTo: "Choose a month that has ended." });
  }
  return { from: firstOfMonth(to, -11), to };
}

export const kpisRouter = router({
  /**
   * A contract's KPIs (issue 8 §1), each with its measurements over the last `months` (for the trend and the
   * disaggregation charts) and its rating over twelve months (PA23 s.71(2), PR24 reg 39(5)): those ending with
   * `assessedTo`, by default the last twelve complete months.
   */
  list: permittedProcedure("contracts:read")
    .input(
      z.object({
        contractId: idInput,
        months: integerInput({ min: 1, max: 120, message: "Ask for 1 to 120 months." }).default(24),
        assessedTo: periodStartInput.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const on = today();
      const period = assessmentPeriod(on, input.assessedTo);
      const shownFrom = firstOfMonth(on, -input.months);
      const [kpis, measurements, formatting] = await Promise.all([
        listKpis(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId }),
        listMeasurements(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          from: period.from < shownFrom ? period.from : shownFrom,
        }),
        formattingOf(ctx),
      ]);
      return {
        period,
        kpis: kpis.map((kpi) => {
          const own = measurements.filter((measurement) => measurement.kpiId === kpi.id);
          return {
            ...kpi,
            measurements: own.filter((measurement) => measurement.periodStart >= shownFrom),
            periodRating: ratePeriod(kpi, own, period, formatting),
          };
        }),
      };
    }),

  /**
   * PA23 s.52(1): records the council's view that the supplier's performance could not appropriately be assessed
   * by KPIs (a one-off delivery, say), which ends the three-KPI duty, or withdraws it with a null reason. Names the
   * version of the contract it read.
   */
  setExemption: permittedProcedure("performance:write")
    .input(
      z.object({
        contractId: idInput,
        version: versionInput,
        reason: optionalTextInput(textLimits.long),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      if (contract.archivedAt) throw conflict("This contract is archived: restore it first.");
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: contract.id,
        version: input.version,
        values: { kpiExemptionReason: input.reason },
      });
      if (!updated) {
        throw conflict("Someone else changed this contract meanwhile. Reload to see their changes.");
      }
      await ctx.audit({
        action: "contract.kpi_exemption_changed",
        entityType: "contract",
        entityId: contract.id,
        before: { reason: contract.kpiExemptionReason },
        after: { reason: input.reason },
      });
      return { version: updated.version };
    }),

  create: permittedProcedure("performance:write")
    .input(z.object({ contractId: idInput, kpi: kpiInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "kpis.create", async () => {
        const contract = await loadContract(ctx, input.contractId);
        if (contract.archivedAt) throw conflict("This contract is archived: restore it before adding a KPI.");
        await checkTemplate(ctx, input.kpi.templateId);
        const kpi = await insertKpi(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: contract.id,
          ...input.kpi,
        });
        await ctx.audit({
          action: "kpi.created",
          entityType: "contract",
          entityId: contract.id,
          after: { ...input.kpi, kpiId: kpi.id },
        });
        return { id: kpi.id };
      }),
    ),

  /** Edits a KPI's definition. Measurements keep the rating they were given when entered. */
  update: permittedProcedure("performance:write")
    .input(z.object({ kpiId: idInput, version: versionInput, kpi: kpiInput }))
    .mutation(async ({ ctx, input }) => {
      const kpi = await loadKpi(ctx, input.kpiId);
      if (kpi.archivedAt) throw conflict("This KPI is archived.");
      await checkTemplate(ctx, input.kpi.templateId);
      const before = kpiInputOf(kpi);
      const fields = Object.keys(before) as (keyof KpiInput)[];
      const changed = fields.filter((field) => before[field] !== input.kpi[field]);
      const updated = await updateKpi(ctx.tx, {
        tenantId: ctx.tenantId,
        kpiId: kpi.id,
        version: input.version,
        values: input.kpi,
      });
      if (!updated) throw changedMeanwhile();
      if (changed.length > 0) {
        await ctx.audit({
          action: "kpi.updated",
          entityType: "contract",
          entityId: kpi.contractId,
          before: { kpiId: kpi.id, ...Object.fromEntries(changed.map((field) => [field, before[field]])) },
          after: { kpiId: kpi.id, ...Object.fromEntries(changed.map((field) => [field, input.kpi[field]])) },
        });
      }
      return { version: updated.version };
    }),

  /** Archives a KPI: it leaves the contract's list and its duties; its measurements stay. */
  archive: permittedProcedure("performance:write")
    .input(z.object({ kpiId: idInput, version: versionInput }))
    .mutation(async ({ ctx, input }) => {
      const kpi = await loadKpi(ctx, input.kpiId);
      if (kpi.archivedAt) throw conflict("This KPI is already archived.");
      const updated = await updateKpi(ctx.tx, {
        tenantId: ctx.tenantId,
        kpiId: kpi.id,
        version: input.version,
        values: { archivedAt: new Date() },
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "kpi.archived",
        entityType: "contract",
        entityId: kpi.contractId,
        before: { kpiId: kpi.id, name: kpi.name },
      });
      return { ok: true as const };
    }),

  /**
   * Issue 8 §2: one month's measurements across a contract's KPIs, all or nothing. Each is rated (PR24
   * reg 39(5)) as it is entered. A KPI already measured for the month is corrected instead (`correct`).
   */
  recordMonth: permittedProcedure("performance:write")
    .input(measurementMonthInput.extend({ idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "kpis.recordMonth", async () => {
        const contract = await loadContract(ctx, input.contractId);
        if (contract.archivedAt) throw conflict("This contract is archived: restore it before recording.");
        if (input.periodStart > firstOfMonth(today())) {
          throw invalid(correctThese, { periodStart: "Record a month that has started, not a future one." });
        }
        if (input.entries.length === 0) {
          throw invalid(correctThese, { entries: "Enter figures for at least one KPI." });
        }
        const [kpis, formatting] = await Promise.all([
          listKpis(ctx.tx, { tenantId: ctx.tenantId, contractId: contract.id }),
          formattingOf(ctx),
        ]);
        const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
        const problems: Record<string, string> = {};
        const seen = new Set<string>();
        const rows = input.entries.flatMap((entry, index) => {
          const path = `entries.${index}`;
          const kpi = byId.get(entry.kpiId);
          if (!kpi) {
            problems[`${path}.kpiId`] = "Choose one of this contract's KPIs.";
            return [];
          }
          if (seen.has(kpi.id)) {
            problems[`${path}.kpiId`] = `${kpi.name} is entered twice.`;
            return [];
          }
          seen.add(kpi.id);
          if (!isPeriodStart(kpi.frequency, contract.startDate, input.periodStart)) {
            problems[`${path}.kpiId`] =
              `${kpi.name} is not measured for this month (its periods run from the contract's start).`;
            return [];
          }
          const checked = checkFigures(kpi, entry);
          if ("problems" in checked) {
            for (const [field, message] of Object.entries(checked.problems))
              problems[`${path}.${field}`] = message;
            return [];
          }
          const { rating, reason } = rateValue(kpi, checked.figures.value, formatting);
          return [{ kpi, figures: checked.figures, rating, reason, evidenceNote: entry.evidenceNote }];
        });
        if (Object.keys(problems).length > 0) throw invalid(correctThese, problems);
        const written = rows.map((row) => ({ ...row, measurementId: newId() }));
        const inserted = await insertMeasurements(
          ctx.tx,
          written.map(({ kpi, figures, rating, reason, evidenceNote, measurementId }) => ({
            id: measurementId,
            tenantId: ctx.tenantId,
            contractId: contract.id,
            kpiId: kpi.id,
            periodStart: input.periodStart,
            value: figures.value,
            numerator: figures.numerator,
            denominator: figures.denominator,
            parts: figures.parts,
            rating,
            ratingReason: reason,
            evidenceNote,
            enteredBy: ctx.user.id,
          })),
        );
        const already = written
          .filter(({ measurementId }) => !inserted.has(measurementId))
          .map(({ kpi }) => kpi.name);
        if (already.length > 0) {
          throw conflict(
            `${already.join(", ")} already ${already.length === 1 ? "has" : "have"} figures for this month: correct them instead.`,
          );
        }
        const recorded = written.map(({ kpi, figures, rating, measurementId }) => ({
          measurementId,
          kpiId: kpi.id,
          periodStart: input.periodStart,
          ...figures,
          rating,
        }));
        await ctx.audit({
          action: "kpi.measurements_recorded",
          entityType: "contract",
          entityId: contract.id,
          after: { periodStart: input.periodStart, measurements: recorded },
        });
        return {
          measurements: recorded.map(({ measurementId, kpiId, rating }) => ({
            measurementId,
            kpiId,
            rating,
          })),
        };
      }),
    ),

  /** Corrects a measurement: the earlier figures stay in its history, with who corrected them and why. */
  correct: permittedProcedure("performance:write")
    .input(measurementCorrectionInput)
    .mutation(async ({ ctx, input }) => {
      const measurement = await getMeasurement(ctx.tx, {
        tenantId: ctx.tenantId,
        measurementId: input.measurementId,
      });
      if (!measurement) throw notFound("That measurement");
      const [kpi, formatting] = await Promise.all([loadKpi(ctx, measurement.kpiId), formattingOf(ctx)]);
      const checked = checkFigures(kpi, input);
      if ("problems" in checked) throw invalid(correctThese, checked.problems);
      const { rating, reason } = rateValue(kpi, checked.figures.value, formatting);
      const corrected = await correctMeasurement(ctx.tx, {
        tenantId: ctx.tenantId,
        measurement: { ...measurement, version: input.version },
        values: {
          value: checked.figures.value,
          numerator: checked.figures.numerator,
          denominator: checked.figures.denominator,
          rating,
          ratingReason: reason,
          evidenceNote: input.evidenceNote,
        },
        parts: checked.figures.parts,
        correctedBy: ctx.user.id,
        correctionReason: input.reason,
      });
      if (!corrected) {
        throw conflict("Someone else changed this measurement meanwhile. Reload to see their figures.");
      }
      const record = (figures: typeof checked.figures, kept: typeof rating) => ({
        measurementId: measurement.id,
        kpiId: kpi.id,
        periodStart: measurement.periodStart,
        value: figures.value,
        numerator: figures.numerator,
        denominator: figures.denominator,
        parts: figures.parts,
        rating: kept,
      });
      await ctx.audit({
        action: "kpi.measurement_corrected",
        entityType: "contract",
        entityId: measurement.contractId,
        before: record(
          {
            ...measurement,
            parts: measurement.parts.map(({ label, value, numerator, denominator }) => ({
              label,
              value,
              numerator,
              denominator,
            })),
          },
          measurement.rating,
        ),
        after: { ...record(checked.figures, rating), reason: input.reason },
      });
      return { version: corrected.version, rating, ratingReason: reason };
    }),

  /** A measurement's earlier figures, newest correction first. */
  history: permittedProcedure("contracts:read")
    .input(z.object({ measurementId: idInput }))
    .query(async ({ ctx, input }) => {
      const measurement = await getMeasurement(ctx.tx, {
        tenantId: ctx.tenantId,
        measurementId: input.measurementId,
      });
      if (!measurement) throw notFound("That measurement");
      const rows = await listMeasurementHistory(ctx.tx, {
        tenantId: ctx.tenantId,
        measurementId: measurement.id,
      });
      return rows.map(({ entry, enteredByName, correctedByName }) => ({
        ...entry,
        enteredByName,
        correctedByName,
      }));
    }),

  ...supplierReturnProcedures,
});
