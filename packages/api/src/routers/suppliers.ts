import {
  createSupplier,
  findOrCreateOrganisation,
  getSupplier,
  listSuppliers,
  updateSupplier,
} from "@steward/db";
import {
  conflict,
  identifierShapeMessage,
  idInput,
  invalid,
  notFound,
  pageInput,
  pageSizeInput,
  registryIdentifier,
  type SupplierInput,
  searchInput,
  supplierInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

/**
 * The registry entry a supplier's scheme and number name (DESIGN §5: matched by registration number first),
 * linked as the person who typed them confirmed it. The number must have the scheme's shape (issue 9 §1); the
 * registry stores it as the register writes it ("1234567" is Companies House 01234567).
 */
async function organisationFor(
  ctx: TenantContext,
  input: Pick<SupplierInput, "organisationScheme" | "registrationNumber">,
  field: string,
) {
  // Without both, an existing link stays as it is (a person confirmed it; unlinking is its own action).
  if (!input.organisationScheme || !input.registrationNumber) return {};
  const identifier = registryIdentifier(input.organisationScheme, input.registrationNumber);
  if (identifier === null) {
    throw invalid("Some answers need correcting: see the marked fields.", {
      [field]: identifierShapeMessage(input.organisationScheme),
    });
  }
  return {
    organisationId: await findOrCreateOrganisation(ctx.tx, { scheme: input.organisationScheme, identifier }),
    organisationLinkedBy: ctx.user.id,
    organisationLinkedAt: new Date(),
  };
}

export const suppliersRouter = router({
  list: permittedProcedure("contracts:read")
    .input(
      z.object({
        search: searchInput,
        page: pageInput.default(1),
        pageSize: pageSizeInput.default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listSuppliers(ctx.tx, {
        tenantId: ctx.tenantId,
        search: input.search || undefined,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { rows, total, page: input.page, pageSize: input.pageSize };
    }),

  get: permittedProcedure("contracts:read")
    .input(z.object({ supplierId: idInput }))
    .query(async ({ ctx, input }) => {
      const supplier = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId });
      if (!supplier) throw notFound("That supplier");
      return supplier;
    }),

  create: permittedProcedure("suppliers:write")
    .input(supplierInput.extend({ idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "suppliers.create", async () => {
        const { idempotencyKey: _, organisationScheme: __, ...values } = input;
        const supplier = await createSupplier(ctx.tx, {
          ...values,
          tenantId: ctx.tenantId,
          ...(await organisationFor(ctx, input, "registrationNumber")),
        });
        await ctx.audit({
          action: "supplier.created",
          entityType: "supplier",
          entityId: supplier.id,
          after: supplier,
        });
        return { id: supplier.id };
      }),
    ),

  update: permittedProcedure("suppliers:write")
    .input(z.object({ supplierId: idInput, version: versionInput, values: supplierInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId });
      if (!before) throw notFound("That supplier");
      const { organisationScheme: _, ...values } = input.values;
      const updated = await updateSupplier(ctx.tx, {
        tenantId: ctx.tenantId,
        supplierId: input.supplierId,
        version: input.version,
        values: { ...values, ...(await organisationFor(ctx, input.values, "values.registrationNumber")) },
      });
      if (!updated)
        throw conflict(
          "Someone else changed this supplier while you were editing. Reload to see their changes.",
        );
      await ctx.audit({
        action: "supplier.updated",
        entityType: "supplier",
        entityId: updated.id,
        before,
        after: updated,
      });
      return { version: updated.version };
    }),
});
