import {
  createKpiTemplate,
  createServiceCategory,
  listKpiTemplates,
  listServiceCategories,
  updateKpiTemplate,
  updateServiceCategory,
  violatedConstraint,
} from "@steward/db";
import {
  conflict,
  idInput,
  invalid,
  kpiTemplateInput,
  serviceCategoryInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { operatorProcedure, permittedProcedure, router } from "../init.ts";

const changedMeanwhile = () =>
  conflict("Someone else changed this part of the library meanwhile. Reload to see their changes.");
const slugTaken = () => conflict("Another entry of the library already has that short name: choose another.");

/**
 * Writes, mapping a taken short name to a conflict and an unknown category to a field message: the keys decide,
 * not a count or a look-up beforehand.
 */
async function unlessTaken<T>(work: () => Promise<T>, categoryField = "categoryId"): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === "kpi_templates_slug_key" || constraint === "service_categories_slug_key")
      throw slugTaken();
    if (constraint === "kpi_templates_category_id_service_categories_id_fk") {
      throw invalid("Some answers need correcting: see the marked fields.", {
        [categoryField]: "Choose a service category of the library.",
      });
    }
    throw error;
  }
}

/**
 * The KPI library (issue 9 §2): councils read it (a KPI's form suggests the template from its name and unit with
 * the domain's suggestTemplates); the platform operator edits it. Archived templates keep their links and their benchmarks' history.
 */
export const kpiLibraryRouter = router({
  list: permittedProcedure("contracts:read").query(async ({ ctx }) => ({
    categories: await listServiceCategories(ctx.tx),
    templates: await listKpiTemplates(ctx.tx),
  })),

  library: operatorProcedure.query(async ({ ctx }) => ({
    categories: await listServiceCategories(ctx.tx),
    templates: await listKpiTemplates(ctx.tx, { includeArchived: true }),
  })),

  createCategory: operatorProcedure.input(serviceCategoryInput).mutation(async ({ ctx, input }) => {
    const category = await unlessTaken(() => createServiceCategory(ctx.tx, input));
    await ctx.platformAudit({
      action: "kpi_library.category_created",
      entityType: "service_category",
      entityId: category.id,
      after: input,
    });
    return { id: category.id };
  }),

  updateCategory: operatorProcedure
    .input(z.object({ categoryId: idInput, version: versionInput, values: serviceCategoryInput }))
    .mutation(async ({ ctx, input }) => {
      const updated = await unlessTaken(() => updateServiceCategory(ctx.tx, input));
      if (!updated) throw changedMeanwhile();
      await ctx.platformAudit({
        action: "kpi_library.category_updated",
        entityType: "service_category",
        entityId: input.categoryId,
        after: { ...input.values, version: updated.version },
      });
      return { version: updated.version };
    }),

  createTemplate: operatorProcedure.input(kpiTemplateInput).mutation(async ({ ctx, input }) => {
    const template = await unlessTaken(() => createKpiTemplate(ctx.tx, input));
    await ctx.platformAudit({
      action: "kpi_library.template_created",
      entityType: "kpi_template",
      entityId: template.id,
      after: input,
    });
    return { id: template.id };
  }),

  updateTemplate: operatorProcedure
    .input(z.object({ templateId: idInput, version: versionInput, values: kpiTemplateInput }))
    .mutation(async ({ ctx, input }) => {
      const updated = await unlessTaken(() => updateKpiTemplate(ctx.tx, input), "values.categoryId");
      if (!updated) throw changedMeanwhile();
      await ctx.platformAudit({
        action: "kpi_library.template_updated",
        entityType: "kpi_template",
        entityId: input.templateId,
        after: { ...input.values, version: updated.version },
      });
      return { version: updated.version };
    }),

  archiveTemplate: operatorProcedure
    .input(z.object({ templateId: idInput, version: versionInput, archived: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await updateKpiTemplate(ctx.tx, { ...input, values: {} });
      if (!updated) throw changedMeanwhile();
      await ctx.platformAudit({
        action: "kpi_library.template_archived",
        entityType: "kpi_template",
        entityId: input.templateId,
        after: { archived: input.archived, version: updated.version },
      });
      return { version: updated.version };
    }),
});
