import {
  findRegistryCandidates,
  getOrganisation,
  getSupplier,
  linkSupplierOrganisation,
  listOrganisations,
  nameOrganisation,
  upsertNamedOrganisation,
} from "@steward/db";
import {
  conflict,
  idInput,
  notFound,
  organisationInput,
  organisationMatchKey,
  organisationNamesInput,
  organisationSchemes,
  pageInput,
  pageSizeInput,
  registryIdentifier,
  searchInput,
  suggestOrganisations,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { operatorProcedure, permittedProcedure, router } from "../init.ts";

const changedMeanwhile = () =>
  conflict("Someone else changed this supplier while you were looking. Reload to see their changes.");

/**
 * The organisation registry (issue 9 §1). A council links its supplier to an entry a person confirmed, suggested
 * by registration number first and then by normalised name; the suggestion shows only what the registry holds
 * (its scheme, identifier and authoritative or operator's name), never what another council typed. The platform
 * operator records entries with their legal names and aliases.
 */
export const organisationsRouter = router({
  suggestions: permittedProcedure("contracts:read")
    .input(z.object({ supplierId: idInput }))
    .query(async ({ ctx, input }) => {
      const supplier = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId });
      if (!supplier) throw notFound("That supplier");
      const identifiers = supplier.registrationNumber
        ? organisationSchemes
            .map((scheme) => registryIdentifier(scheme, supplier.registrationNumber as string))
            .filter((identifier): identifier is string => identifier !== null)
        : [];
      const candidates = await findRegistryCandidates(ctx.tx, {
        identifiers: [...new Set(identifiers)],
        matchKey: organisationMatchKey(supplier.name),
      });
      return {
        linked: supplier.organisation,
        version: supplier.version,
        suggestions: suggestOrganisations(supplier, candidates).filter(
          (suggestion) => suggestion.organisationId !== supplier.organisation?.id,
        ),
      };
    }),

  link: permittedProcedure("suppliers:write")
    .input(z.object({ supplierId: idInput, version: versionInput, organisationId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId });
      if (!before) throw notFound("That supplier");
      const organisation = await getOrganisation(ctx.tx, { organisationId: input.organisationId });
      if (!organisation) throw notFound("That registry entry");
      const updated = await linkSupplierOrganisation(ctx.tx, {
        tenantId: ctx.tenantId,
        supplierId: input.supplierId,
        version: input.version,
        organisationId: organisation.id,
        userId: ctx.user.id,
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "supplier.organisation_linked",
        entityType: "supplier",
        entityId: updated.id,
        before: { organisationId: before.organisation?.id ?? null },
        after: {
          organisationId: organisation.id,
          scheme: organisation.scheme,
          identifier: organisation.identifier,
        },
      });
      return { version: updated.version };
    }),

  unlink: permittedProcedure("suppliers:write")
    .input(z.object({ supplierId: idInput, version: versionInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId });
      if (!before) throw notFound("That supplier");
      if (!before.organisation) return { version: before.version };
      const updated = await linkSupplierOrganisation(ctx.tx, {
        tenantId: ctx.tenantId,
        supplierId: input.supplierId,
        version: input.version,
        organisationId: null,
        userId: ctx.user.id,
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "supplier.organisation_unlinked",
        entityType: "supplier",
        entityId: updated.id,
        before: { organisationId: before.organisation.id },
      });
      return { version: updated.version };
    }),

  registry: operatorProcedure
    .input(z.object({ search: searchInput, page: pageInput.default(1), pageSize: pageSizeInput.default(50) }))
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listOrganisations(ctx.tx, {
        search: input.search || undefined,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { rows, total, page: input.page, pageSize: input.pageSize };
    }),

  record: operatorProcedure.input(organisationInput).mutation(async ({ ctx, input }) => {
    const id = await upsertNamedOrganisation(ctx.tx, { ...input, nameSource: "operator" });
    await ctx.platformAudit({
      action: "organisation.recorded",
      entityType: "organisation",
      entityId: id,
      after: input,
    });
    return { id };
  }),

  rename: operatorProcedure
    .input(z.object({ organisationId: idInput, values: organisationNamesInput }))
    .mutation(async ({ ctx, input }) => {
      const updated = await nameOrganisation(ctx.tx, {
        organisationId: input.organisationId,
        ...input.values,
      });
      if (!updated) throw notFound("That registry entry");
      await ctx.platformAudit({
        action: "organisation.renamed",
        entityType: "organisation",
        entityId: updated.id,
        after: input.values,
      });
      return { id: updated.id };
    }),
});
