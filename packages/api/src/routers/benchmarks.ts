import {
  type Contribution,
  councilContributions,
  getBenchmarkParticipation,
  getBenchmarkSettings,
  getSupplier,
  latestBenchmarkSnapshot,
  listBenchmarkCells,
  listBenchmarkSnapshots,
  listBenchmarkWarnings,
  listCouncilTemplates,
  listLinkedSuppliers,
  listServiceCategories,
  type PublishedCell,
  setBenchmarkParticipation,
  updateBenchmarkK,
} from "@steward/db";
import {
  type BenchmarkPeriod,
  type BenchmarkView,
  benchmarkKInput,
  benchmarkView,
  conflict,
  idInput,
  type KpiDirection,
  notFound,
  type UniversalMeasure,
  universalMeasureInfo,
  universalMeasures,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { operatorProcedure, permittedProcedure, router, type TenantContext } from "../init.ts";

type CellKey = {
  templateId?: string | null;
  measure?: UniversalMeasure | null;
  organisationId?: string | null;
  categoryId?: string | null;
};

function sameCell(a: CellKey, b: CellKey) {
  return (
    (a.templateId ?? null) === (b.templateId ?? null) &&
    (a.measure ?? null) === (b.measure ?? null) &&
    (a.organisationId ?? null) === (b.organisationId ?? null) &&
    (a.categoryId ?? null) === (b.categoryId ?? null)
  );
}

/**
 * The latest published snapshot, the council's own figures for its period (its own rows, in its own
 * transaction, through the job's SQL), and the published cells it may see: those of the templates its KPIs
 * measure, across all suppliers, and for one supplier organisation when a page is about one (`organisationId`;
 * the overview is about none, and lists every linked supplier for its warnings). Nothing here reads another
 * council's rows.
 */
async function benchmarkContext(
  ctx: Pick<TenantContext, "tx" | "tenantId">,
  { organisationId }: { organisationId: string | null },
) {
  const [participation, latest] = await Promise.all([
    getBenchmarkParticipation(ctx.tx, { tenantId: ctx.tenantId }),
    latestBenchmarkSnapshot(ctx.tx),
  ]);
  const contributing = participation?.optedIn ?? false;
  // Only a contributing council sees the figures; the latest snapshot's warnings reach every council (issue 9 §6).
  const snapshot = contributing ? latest : null;
  const period: BenchmarkPeriod | null = snapshot
    ? { start: snapshot.periodStart, end: snapshot.periodEnd }
    : null;
  const [templates, suppliers, own, cells, warnings] = await Promise.all([
    listCouncilTemplates(ctx.tx, { tenantId: ctx.tenantId }),
    organisationId ? Promise.resolve([]) : listLinkedSuppliers(ctx.tx, { tenantId: ctx.tenantId }),
    period
      ? councilContributions(ctx.tx, { tenantId: ctx.tenantId, period, organisationId })
      : Promise.resolve([]),
    snapshot
      ? listBenchmarkCells(ctx.tx, { snapshotId: snapshot.id, tenantId: ctx.tenantId, organisationId })
      : Promise.resolve([]),
    latest
      ? listBenchmarkWarnings(ctx.tx, { snapshotId: latest.id, tenantId: ctx.tenantId, organisationId })
      : Promise.resolve([]),
  ]);
  const k = snapshot?.k ?? 5;
  const view = (key: CellKey, direction: KpiDirection) =>
    benchmarkView(
      cells.find((cell: PublishedCell) => sameCell(cell, key)),
      own.find((figure: Contribution) => sameCell(figure, key))?.value ?? null,
      direction,
      k,
    );
  return {
    participation,
    contributing,
    snapshot: snapshot
      ? {
          period: snapshot.periodStart,
          periodEnd: snapshot.periodEnd,
          poolSize: snapshot.poolSize,
          k: snapshot.k,
        }
      : null,
    templates,
    suppliers,
    warned: new Set(warnings.map((warning) => warning.organisationId)),
    view,
  };
}

/** Benchmarks are a module of the plans (issue 11: Partnership): a council without it is refused with the reason. */
const benchmarking = { module: "benchmarking" } as const;

const measureRows = (
  view: (key: CellKey, direction: KpiDirection) => BenchmarkView,
  organisationId: string | null,
) =>
  universalMeasures.map((measure) => ({
    measure,
    ...universalMeasureInfo[measure],
    benchmark: view({ measure, organisationId }, universalMeasureInfo[measure].direction),
    ...(organisationId ? { comparison: view({ measure }, universalMeasureInfo[measure].direction) } : {}),
  }));

/**
 * Benchmark pages for council users (issue 9 §3, §5, §6): how the council, its suppliers and its KPIs compare
 * with the pool, only while it contributes; its consent, given or withdrawn by its admin and audited.
 */
export const benchmarksRouter = router({
  participation: permittedProcedure("contracts:read", benchmarking).query(async ({ ctx }) => {
    const participation = await getBenchmarkParticipation(ctx.tx, { tenantId: ctx.tenantId });
    return { optedIn: participation?.optedIn ?? false, decidedAt: participation?.decidedAt ?? null };
  }),

  setParticipation: permittedProcedure("settings:manage", benchmarking)
    .input(z.object({ optedIn: z.boolean({ error: "Say whether the council takes part." }) }))
    .mutation(async ({ ctx, input }) => {
      const { before } = await setBenchmarkParticipation(ctx.tx, {
        tenantId: ctx.tenantId,
        optedIn: input.optedIn,
        userId: ctx.user.id,
      });
      if (input.optedIn) {
        await ctx.audit({
          action: "benchmarks.opted_in",
          entityType: "council",
          entityId: ctx.tenantId,
          before: { optedIn: before },
          after: { optedIn: true },
        });
      } else {
        await ctx.audit({
          action: "benchmarks.opted_out",
          entityType: "council",
          entityId: ctx.tenantId,
          before: { optedIn: before },
          after: { optedIn: false },
        });
      }
      return { optedIn: input.optedIn };
    }),

  overview: permittedProcedure("contracts:read", benchmarking).query(async ({ ctx }) => {
    const context = await benchmarkContext(ctx, { organisationId: null });
    const suppliers = context.suppliers.map((supplier) => ({
      supplierId: supplier.supplierId,
      name: supplier.supplierName,
      scheme: supplier.scheme,
      identifier: supplier.identifier,
      warning: context.warned.has(supplier.organisationId),
    }));
    if (!context.contributing || !context.snapshot) {
      // Early warning reaches every council that uses the supplier (issue 9 §6), contributing or not.
      const warned = suppliers.filter((supplier) => supplier.warning);
      return {
        contributing: context.contributing,
        snapshot: null,
        measures: [],
        templates: [],
        suppliers: warned,
      };
    }
    return {
      contributing: true,
      snapshot: context.snapshot,
      measures: measureRows(context.view, null),
      templates: context.templates.map((template) => ({
        ...template,
        benchmark: context.view({ templateId: template.templateId }, template.direction),
      })),
      suppliers,
    };
  }),

  supplier: permittedProcedure("contracts:read", benchmarking)
    .input(z.object({ supplierId: idInput }))
    .query(async ({ ctx, input }) => {
      const supplier = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId });
      if (!supplier) throw notFound("That supplier");
      const organisation = supplier.organisation;
      const context = await benchmarkContext(ctx, { organisationId: organisation?.id ?? null });
      const base = {
        supplier: { id: supplier.id, name: supplier.name, organisation },
        contributing: context.contributing,
      };
      if (!organisation || !context.contributing || !context.snapshot) {
        return { ...base, snapshot: null, warning: false, measures: [], attainment: [], templates: [] };
      }
      const organisationId = organisation.id;
      const categories = await listServiceCategories(ctx.tx);
      const attainment = universalMeasureInfo.kpi_attainment;
      return {
        ...base,
        snapshot: context.snapshot,
        warning: context.warned.has(organisationId),
        measures: measureRows(context.view, organisationId),
        // Its attainment across councils against the category (issue 9 §5).
        attainment: categories
          .map((category) => ({
            categoryId: category.id,
            categoryName: category.name,
            benchmark: context.view(
              { measure: "kpi_attainment", categoryId: category.id, organisationId },
              attainment.direction,
            ),
            comparison: context.view(
              { measure: "kpi_attainment", categoryId: category.id },
              attainment.direction,
            ),
          }))
          .filter((row) => row.benchmark.state !== "none" || row.benchmark.own !== null),
        templates: context.templates
          .map((template) => ({
            ...template,
            benchmark: context.view({ templateId: template.templateId, organisationId }, template.direction),
            comparison: context.view({ templateId: template.templateId }, template.direction),
          }))
          .filter((row) => row.benchmark.state !== "none" || row.benchmark.own !== null),
      };
    }),

  /** The operator's settings of the pool (issue 9 §4): k, and the months published so far. */
  settings: operatorProcedure.query(async ({ ctx }) => {
    const settings = await getBenchmarkSettings(ctx.tx);
    const snapshots = await listBenchmarkSnapshots(ctx.tx);
    return {
      k: settings.k,
      version: settings.version,
      snapshots: snapshots.map((snapshot) => ({
        period: snapshot.periodStart,
        poolSize: snapshot.poolSize,
        k: snapshot.k,
        publishedCells: snapshot.publishedCells,
        suppressedCells: snapshot.suppressedCells,
      })),
    };
  }),

  setK: operatorProcedure
    .input(z.object({ k: benchmarkKInput, version: versionInput }))
    .mutation(async ({ ctx, input }) => {
      const updated = await updateBenchmarkK(ctx.tx, { ...input, userId: ctx.user.id });
      if (!updated) throw conflict("Someone else changed the setting meanwhile. Reload to see it.");
      await ctx.platformAudit({
        action: "benchmarks.k_changed",
        entityType: "benchmark_settings",
        entityId: "platform",
        after: { k: updated.k, version: updated.version },
      });
      return { k: updated.k, version: updated.version };
    }),
});
