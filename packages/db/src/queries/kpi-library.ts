import type { LibraryCategory } from "@steward/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { kpiTemplates, serviceCategories } from "../schema/index.ts";

/** The platform's KPI library (issue 9 §2): service categories and KPI templates, edited by the operator. */

export type ServiceCategoryValues = Pick<
  typeof serviceCategories.$inferInsert,
  "slug" | "name" | "description"
>;
export type KpiTemplateValues = Omit<
  typeof kpiTemplates.$inferInsert,
  "id" | "version" | "archivedAt" | "createdAt" | "updatedAt"
>;

export async function listServiceCategories(tx: Tx) {
  return tx
    .select()
    .from(serviceCategories)
    .orderBy(asc(serviceCategories.position), asc(serviceCategories.name));
}

/** The templates, by category; archived ones only when asked (the operator's console). */
export async function listKpiTemplates(
  tx: Tx,
  { includeArchived = false }: { includeArchived?: boolean } = {},
) {
  return tx
    .select()
    .from(kpiTemplates)
    .where(includeArchived ? undefined : isNull(kpiTemplates.archivedAt))
    .orderBy(asc(kpiTemplates.name));
}

export async function getKpiTemplate(tx: Tx, { templateId }: { templateId: string }) {
  const [row] = await tx.select().from(kpiTemplates).where(eq(kpiTemplates.id, templateId));
  return row ?? null;
}

export async function createServiceCategory(tx: Tx, values: ServiceCategoryValues) {
  const [row] = await tx
    .insert(serviceCategories)
    .values({
      ...values,
      position: sql`(select coalesce(max(position), 0) + 1 from ${serviceCategories})`,
    })
    .returning();
  if (!row) throw new Error("insert returned no category");
  return row;
}

export async function updateServiceCategory(
  tx: Tx,
  { categoryId, version, values }: { categoryId: string; version: number; values: ServiceCategoryValues },
) {
  const [row] = await tx
    .update(serviceCategories)
    .set({ ...values, version: sql`${serviceCategories.version} + 1`, updatedAt: new Date() })
    .where(and(eq(serviceCategories.id, categoryId), eq(serviceCategories.version, version)))
    .returning();
  return row ?? null;
}

export async function createKpiTemplate(tx: Tx, values: KpiTemplateValues) {
  const [row] = await tx.insert(kpiTemplates).values(values).returning();
  if (!row) throw new Error("insert returned no template");
  return row;
}

/** Updates (or archives, with `archived`) when the stored version is the one read; null otherwise. */
export async function updateKpiTemplate(
  tx: Tx,
  {
    templateId,
    version,
    values,
    archived,
  }: { templateId: string; version: number; values: Partial<KpiTemplateValues>; archived?: boolean },
) {
  const [row] = await tx
    .update(kpiTemplates)
    .set({
      ...values,
      ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
      version: sql`${kpiTemplates.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(kpiTemplates.id, templateId), eq(kpiTemplates.version, version)))
    .returning();
  return row ?? null;
}

/**
 * Loads the library's starting material (fixtures/kpi-library.md as `parseKpiLibrary` reads it): categories and
 * templates by slug, inserted when missing and left as the operator edited them when present. Returns the ids
 * by slug.
 */
export async function loadKpiLibrary(tx: Tx, library: readonly LibraryCategory[]) {
  const categories = await tx
    .insert(serviceCategories)
    .values(library.map((category, position) => ({ slug: category.slug, name: category.name, position })))
    .onConflictDoNothing()
    .returning({ id: serviceCategories.id, slug: serviceCategories.slug });
  const categoryIds = new Map(
    (await tx.select({ id: serviceCategories.id, slug: serviceCategories.slug }).from(serviceCategories)).map(
      (row) => [row.slug, row.id],
    ),
  );
  const templates = library.flatMap((category) =>
    category.templates.map((template) => ({
      ...template,
      categoryId: categoryIds.get(category.slug) as string,
    })),
  );
  if (templates.length > 0) await tx.insert(kpiTemplates).values(templates).onConflictDoNothing();
  const templateIds = new Map(
    (await tx.select({ id: kpiTemplates.id, slug: kpiTemplates.slug }).from(kpiTemplates)).map((row) => [
      row.slug,
      row.id,
    ]),
  );
  return { categoriesAdded: categories.length, categoryIds, templateIds };
}
