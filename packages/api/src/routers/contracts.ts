import {
  getActiveMembership,
  getSupplier,
  getUser,
  insertContracts,
  listAuditEvents,
  listContractFacts,
  listContracts,
  listInvoiceDates,
  updateContract,
} from "@steward/db";
import {
  assessContractTier,
  type ContractInput,
  conflict,
  contractInput,
  contractListInput,
  DomainError,
  effectiveTier,
  idInput,
  invalid,
  paymentCompliance,
  spendAgainstValue,
  tierOverrideInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import {
  assessedTierFields,
  contractInputOf,
  loadContract,
  obligationsFor,
  retierFields,
  today,
} from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

const contractRef = z.object({ contractId: idInput });
const versioned = contractRef.extend({ version: versionInput });

/** The people and supplier a contract names must belong to this council; field errors say which does not. */
async function checkReferences(ctx: TenantContext, input: ContractInput) {
  const fieldErrors: Record<string, string> = {};
  if (
    input.supplierId &&
    !(await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: input.supplierId }))
  ) {
    fieldErrors.supplierId = "Choose a supplier from this council's list.";
  }
  for (const field of ["contractManagerId", "sroId"] as const) {
    const userId = input[field];
    if (userId && !(await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId }))) {
      fieldErrors[field] = "Choose an active member of this council.";
    }
  }
  // NOT_FOUND, as for any id of another council, with the field that named it.
  if (Object.keys(fieldErrors).length > 0) {
    throw new DomainError("not_found", "Some answers need correcting: see the marked fields.", fieldErrors);
  }
}

const staleMessage =
  "Someone else changed this contract while you were editing. Reload to see their changes.";

export const contractsRouter = router({
  /** The register: server-side search, filters, sorting and pagination, with each row's compliance score. */
  list: permittedProcedure("contracts:read")
    .input(contractListInput)
    .query(async ({ ctx, input }) => {
      const { page, pageSize, ...filter } = input;
      const { rows, total } = await listContracts(ctx.tx, {
        ...filter,
        search: filter.search || undefined,
        tenantId: ctx.tenantId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const [council, facts] = await Promise.all([
        ctx.council(),
        listContractFacts(ctx.tx, { tenantId: ctx.tenantId, contractIds: rows.map((row) => row.id) }),
      ]);
      const compliance = obligationsFor(facts, council);
      return {
        rows: rows.map((row) => ({ ...row, complianceScore: compliance.get(row.id)?.score ?? null })),
        total,
        page,
        pageSize,
      };
    }),

  /** The contract page's overview: register fields, tier with reasons, obligations, spend and payments. */
  get: permittedProcedure("contracts:read")
    .input(contractRef)
    .query(async ({ ctx, input }) => {
      const [contract, council, facts, invoiceDates] = await Promise.all([
        loadContract(ctx, input.contractId),
        ctx.council(),
        listContractFacts(ctx.tx, { tenantId: ctx.tenantId, contractIds: [input.contractId] }),
        listInvoiceDates(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId }),
      ]);
      const [supplier, manager, sro] = await Promise.all([
        contract.supplierId
          ? getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: contract.supplierId })
          : null,
        contract.contractManagerId ? memberName(ctx, contract.contractManagerId) : null,
        contract.sroId ? memberName(ctx, contract.sroId) : null,
      ]);
      const derived = contract.archivedAt ? undefined : obligationsFor(facts, council).get(contract.id);
      const invoicedMinor = invoiceDates.reduce((sum, invoice) => sum + invoice.amountMinor, 0);
      return {
        contract,
        supplier: supplier ? { id: supplier.id, name: supplier.name } : null,
        contractManager: manager,
        sro,
        obligations: derived?.obligations ?? [],
        complianceScore: derived?.score ?? null,
        spend: spendAgainstValue(invoicedMinor, contract.totalValueMinor),
        payments: paymentCompliance(invoiceDates, today()),
      };
    }),

  create: permittedProcedure("contracts:write")
    .input(contractInput.and(z.object({ idempotencyKey })))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "contracts.create", async () => {
        const { idempotencyKey: _, ...values } = input;
        await checkReferences(ctx, values);
        const council = await ctx.council();
        const [created] = await insertContracts(ctx.tx, [
          {
            ...values,
            ...assessedTierFields(values, council),
            tenantId: ctx.tenantId,
            originalTotalValueMinor: values.totalValueMinor,
            originalEndDate: values.endDate,
          },
        ]).catch(rethrowDuplicateReference);
        if (!created) throw new Error("insert returned no contract");
        await ctx.audit({
          action: "contract.created",
          entityType: "contract",
          entityId: created.id,
          after: values,
        });
        return { id: created.id };
      }),
    ),

  /**
   * Edits the register fields. A change of value or nature re-tiers (004 §4): the assessment follows the
   * facts; a manual override stays but is flagged for review.
   */
  update: permittedProcedure("contracts:write")
    .input(versioned.extend({ values: contractInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadContract(ctx, input.contractId);
      await checkReferences(ctx, input.values);
      const council = await ctx.council();
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        version: input.version,
        values: { ...input.values, ...retierFields(before, input.values, council) },
      }).catch(rethrowDuplicateReference);
      if (!updated) throw conflict(staleMessage);
      await ctx.audit({
        action: "contract.updated",
        entityType: "contract",
        entityId: updated.id,
        before: changedFields(contractInputOf(before), input.values, "before"),
        after: changedFields(contractInputOf(before), input.values, "after"),
      });
      return { version: updated.version, tier: updated.tier, retierRequested: updated.retierRequested };
    }),

  /** Re-assesses the tier; with an override, sets it (a reason is required), without, returns to the assessment. */
  reviewTier: permittedProcedure("contracts:write")
    .input(versioned.extend({ override: tierOverrideInput.nullable() }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadContract(ctx, input.contractId);
      const council = await ctx.council();
      const assessed = assessContractTier(contractInputOf(before), council.settings.tiering, {
        currency: council.currency,
        locale: council.locale,
      });
      const effective = effectiveTier(assessed, input.override);
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        version: input.version,
        values: {
          tier: effective.tier,
          assessedTier: assessed.tier,
          tierReasons: effective.reasons,
          tierOverrideReason: input.override?.reason ?? null,
          tierAssessedAt: new Date(),
          retierRequested: false,
        },
      });
      if (!updated) throw conflict(staleMessage);
      await ctx.audit({
        action: "contract.tier_reviewed",
        entityType: "contract",
        entityId: updated.id,
        before: { tier: before.tier, overrideReason: before.tierOverrideReason },
        after: {
          tier: updated.tier,
          assessedTier: assessed.tier,
          overrideReason: updated.tierOverrideReason,
        },
      });
      return { version: updated.version, tier: updated.tier };
    }),

  /** Contracts with history are never deleted: archiving hides one from the register, restoring brings it back. */
  setArchived: permittedProcedure("contracts:archive")
    .input(versioned.extend({ archived: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        version: input.version,
        values: { archivedAt: input.archived ? new Date() : null },
      });
      if (!updated) {
        await loadContract(ctx, input.contractId);
        throw conflict(staleMessage);
      }
      await ctx.audit({
        action: input.archived ? "contract.archived" : "contract.restored",
        entityType: "contract",
        entityId: updated.id,
      });
      return { version: updated.version };
    }),

  /** The contract's history from the audit log: every change to it, its changes and its invoices. */
  history: permittedProcedure("contracts:read")
    .input(contractRef)
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      return listAuditEvents(ctx.tx, {
        tenantId: ctx.tenantId,
        entityType: "contract",
        entityId: input.contractId,
        limit: 200,
      });
    }),

  /** The council's compliance overview: every live contract's score, the duties most often overdue. */
  compliance: permittedProcedure("contracts:read").query(async ({ ctx }) => {
    const [council, facts, invoiceDates] = await Promise.all([
      ctx.council(),
      listContractFacts(ctx.tx, { tenantId: ctx.tenantId }),
      listInvoiceDates(ctx.tx, { tenantId: ctx.tenantId }),
    ]);
    const derived = obligationsFor(facts, council);
    const overdueByDuty = new Map<string, { title: string; count: number }>();
    const byTier = { high: 0, medium: 0, low: 0 };
    for (const contract of facts.contracts) byTier[contract.tier] += 1;
    for (const { obligations } of derived.values()) {
      for (const obligation of obligations.filter((item) => item.status === "overdue")) {
        const entry = overdueByDuty.get(obligation.key) ?? { title: obligation.title, count: 0 };
        overdueByDuty.set(obligation.key, { ...entry, count: entry.count + 1 });
      }
    }
    const scored = facts.contracts.map((contract) => ({
      id: contract.id,
      reference: contract.reference,
      title: contract.title,
      tier: contract.tier,
      score: derived.get(contract.id)?.score ?? 100,
      overdue: (derived.get(contract.id)?.obligations ?? []).filter((item) => item.status === "overdue")
        .length,
    }));
    const scores = scored.map((contract) => contract.score);
    return {
      contractCount: facts.contracts.length,
      byTier,
      averageScore: scores.length
        ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length)
        : null,
      fullyCompliant: scored.filter((contract) => contract.overdue === 0).length,
      overdueByDuty: [...overdueByDuty.entries()]
        .map(([key, value]) => ({ key, ...value }))
        .sort((a, b) => b.count - a.count),
      needingAttention: scored
        .filter((contract) => contract.overdue > 0)
        .sort((a, b) => a.score - b.score || b.overdue - a.overdue)
        .slice(0, 25),
      payments: paymentCompliance(invoiceDates, today()),
    };
  }),
});

async function memberName(ctx: TenantContext, userId: string) {
  const [membership, user] = await Promise.all([
    getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId }),
    getUser(ctx.tx, userId),
  ]);
  return { id: userId, name: user?.name ?? "Unknown", active: membership !== null };
}

/** The fields an edit changed, for the audit event's before and after. */
function changedFields(before: ContractInput, after: ContractInput, side: "before" | "after") {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ContractInput)[]) {
    if (before[key] !== after[key]) changed[key] = side === "before" ? before[key] : after[key];
  }
  return changed;
}

/** The register's unique reference, as a field error rather than a database error. */
export function rethrowDuplicateReference(error: unknown): never {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (
    cause instanceof Error &&
    "constraint_name" in cause &&
    cause.constraint_name === "contracts_tenant_reference_key"
  ) {
    throw invalid("A contract with this reference is already in the register.", {
      reference: "This reference is already used: choose another.",
    });
  }
  throw error;
}
