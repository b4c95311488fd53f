import {
  getActiveMembership,
  getContractWithNames,
  getSupplier,
  insertContracts,
  listAuditEvents,
  listContracts,
  listEndingSoon,
  listRagHistory,
  updateContract,
  violatedConstraint,
} from "@steward/db";
import {
  assessContractTier,
  assessedTierFields,
  type ContractInput,
  complianceOverview,
  conflict,
  contractInput,
  contractListInput,
  DomainError,
  deviationOf,
  effectiveTier,
  endingWindow,
  idInput,
  invalid,
  isManagerCheckDue,
  nextEndingDate,
  notFound,
  paymentFigures,
  previousReportingPeriod,
  ragDueMonth,
  reportingPeriodOf,
  retierFields,
  setDeviationInput,
  spendAgainstValue,
  tierOverrideInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import {
  complianceOf,
  contractInputOf,
  loadContract,
  publicContractOf,
  tierPolicyOf,
  today,
} from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";
import { enforceManagerTraining } from "./training.ts";

const contractRef = z.object({ contractId: idInput });
const versioned = contractRef.extend({ version: versionInput });

/**
 * The people and supplier a contract names (or a bulk edit sets) must belong to this council; field errors say
 * which does not. A field left out is not checked.
 */
export async function checkReferences(
  ctx: TenantContext,
  input: Partial<Pick<ContractInput, "supplierId" | "contractManagerId" | "sroId">>,
) {
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
  /**
   * The register: server-side search, filters, sorting and pagination, with each row's compliance score and
   * the RAG status set for the month due (`ragMonth`, the one last ended; 004 §12.3). The total is counted to
   * the first thousand past the page (`totalCapped`: there are more than `total`).
   */
  list: permittedProcedure("contracts:read")
    .input(contractListInput)
    .query(async ({ ctx, input }) => {
      const { page, pageSize, ...filter } = input;
      const on = today();
      const ragMonth = ragDueMonth(on);
      const { rows, total, totalCapped } = await listContracts(ctx.tx, {
        ...filter,
        search: filter.search || undefined,
        tenantId: ctx.tenantId,
        today: on,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const ids = rows.map((row) => row.id);
      const [{ compliance }, rag] = await Promise.all([
        complianceOf(ctx, ids),
        listRagHistory(ctx.tx, { tenantId: ctx.tenantId, contractIds: ids, from: ragMonth, to: ragMonth }),
      ]);
      const ragOf = new Map(rag.map((entry) => [entry.contractId, entry.status]));
      return {
        rows: rows.map((row) => {
          const summary = compliance.get(row.id)?.summary;
          return {
            ...row,
            complianceScore: summary?.score ?? null,
            dutiesTracked: summary ? { tracked: summary.tracked, owed: summary.owed } : null,
            ragStatus: ragOf.get(row.id) ?? null,
          };
        }),
        ragMonth,
        total,
        totalCapped,
        page,
        pageSize,
      };
    }),

  /** The overview's panel: live contracts ending or reaching their notice date in the next 30, 90, 180 days. */
  endingSoon: permittedProcedure("contracts:read").query(async ({ ctx }) => {
    const on = today();
    const widest = endingWindow(on, 180);
    const { windows, nearest } = await listEndingSoon(ctx.tx, {
      tenantId: ctx.tenantId,
      today: on,
      limit: 5,
    });
    return {
      windows,
      nearest: nearest.map((contract) => ({ ...contract, next: nextEndingDate(contract, widest) })),
    };
  }),

  /** The contract page's overview: register fields, tier with reasons, obligations, spend and payments. */
  get: permittedProcedure("contracts:read")
    .input(contractRef)
    .query(async ({ ctx, input }) => {
      // One round trip: the contract with its people's and supplier's names, the council, the facts.
      const [found, council, { compliance, invoices }] = await Promise.all([
        getContractWithNames(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId }),
        ctx.council(),
        complianceOf(ctx, [input.contractId]),
      ]);
      if (!found) throw notFound("That contract");
      const { contract } = found;
      const person = (id: string | null, name: string | null, active: boolean) =>
        id ? { id, name: name ?? "Unknown", active } : null;
      // Archived contracts are left out of the facts, so they owe nothing here.
      const derived = compliance.get(contract.id);
      const invoicedMinor = invoices.reduce((sum, invoice) => sum + invoice.amountMinor, 0);
      return {
        contract,
        jurisdiction: council.jurisdiction,
        supplier:
          contract.supplierId && found.supplierName !== null
            ? { id: contract.supplierId, name: found.supplierName }
            : null,
        contractManager: person(
          contract.contractManagerId,
          found.contractManagerName,
          found.contractManagerActive,
        ),
        sro: person(contract.sroId, found.sroName, found.sroActive),
        deviation: deviationOf(contract),
        obligations: derived?.obligations ?? [],
        complianceScore: derived?.summary.score ?? null,
        compliance: derived?.summary ?? null,
        spend: spendAgainstValue(invoicedMinor, contract.totalValueMinor),
        payments: paymentFigures(invoices, { jurisdiction: council.jurisdiction, today: today() }),
      };
    }),

  create: permittedProcedure("contracts:write")
    .input(contractInput.and(z.object({ idempotencyKey })))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "contracts.create", async () => {
        const { idempotencyKey: _, ...values } = input;
        await checkReferences(ctx, values);
        const council = await ctx.council();
        const tiered = assessedTierFields(values, tierPolicyOf(council));
        // Issue 10 §6: a manager without current required training warns, or is refused by the council's setting.
        const managerWarning = await enforceManagerTraining(
          ctx,
          values.contractManagerId ?? null,
          tiered.tier,
        );
        const [created] = await insertContracts(ctx.tx, [
          {
            ...values,
            publicContract: publicContractOf(values, council),
            ...tiered,
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
        return { id: created.id, managerWarning };
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
      const retiered = retierFields(before, input.values, tierPolicyOf(council));
      const tier = "tier" in retiered ? retiered.tier : before.tier;
      // Issue 10 §6: checked when the manager changes, or when the contract becomes High tier.
      const contractManagerId = input.values.contractManagerId ?? null;
      const managerWarning = isManagerCheckDue(before, { contractManagerId, tier })
        ? await enforceManagerTraining(ctx, contractManagerId, tier)
        : null;
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        version: input.version,
        values: {
          ...input.values,
          publicContract: publicContractOf(input.values, council),
          ...retiered,
        },
      }).catch(rethrowDuplicateReference);
      if (!updated) throw conflict(staleMessage);
      await ctx.audit({
        action: "contract.updated",
        entityType: "contract",
        entityId: updated.id,
        before: changedFields(contractInputOf(before), input.values, "before"),
        after: changedFields(contractInputOf(before), input.values, "after"),
      });
      return {
        version: updated.version,
        tier: updated.tier,
        retierRequested: updated.retierRequested,
        managerWarning,
      };
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

  /**
   * SCM reg 36 (ZA): records, corrects or removes (null) a deviation from the official procurement processes,
   * with its reasons and the council meeting it was reported to.
   */
  setDeviation: permittedProcedure("contracts:write")
    .input(setDeviationInput)
    .mutation(async ({ ctx, input }) => {
      const [before, council] = await Promise.all([loadContract(ctx, input.contractId), ctx.council()]);
      if (council.jurisdiction !== "ZA") {
        throw invalid("Deviations under SCM regulation 36 are recorded by South African councils.");
      }
      const previous = deviationOf(before);
      const deviation = input.deviation;
      if (deviation === null && previous === null) return { version: before.version };
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        version: input.version,
        values: {
          deviationGround: deviation?.ground ?? null,
          deviationReason: deviation?.reason ?? null,
          deviationReportedOn: deviation?.reportedOn ?? null,
          deviationReportReference: deviation?.reportReference ?? null,
        },
      });
      if (!updated) throw conflict(staleMessage);
      if (deviation !== null) {
        await ctx.audit({
          action: "contract.deviation_recorded",
          entityType: "contract",
          entityId: updated.id,
          before: previous,
          after: deviation,
        });
      } else if (previous !== null) {
        await ctx.audit({
          action: "contract.deviation_removed",
          entityType: "contract",
          entityId: updated.id,
          before: previous,
        });
      }
      return { version: updated.version };
    }),

  /**
   * The council's compliance overview: every live contract's score over its tracked duties, the duties most
   * often overdue, and the payment figures: the term (PA23 s.68(2) or MFMA s.65(2)(e)) and, in England, the
   * PR24 reg 38 figures for this reporting period and the last, over sums paid under public contracts.
   */
  compliance: permittedProcedure("contracts:read").query(async ({ ctx }) => {
    const { contracts, invoices, compliance, council } = await complianceOf(ctx);
    const { jurisdiction } = council;
    const on = today();
    const reported = new Set(
      contracts
        .filter((contract) => jurisdiction !== "GB-ENG" || contract.publicContract)
        .map((contract) => contract.id),
    );
    const live = new Set(contracts.map((contract) => contract.id));
    const periodInvoices = invoices.filter((invoice) => reported.has(invoice.contractId));
    const current = reportingPeriodOf(on, jurisdiction);
    return {
      ...complianceOverview(contracts, compliance),
      jurisdiction,
      payments: {
        now: paymentFigures(
          invoices.filter((invoice) => live.has(invoice.contractId)),
          { jurisdiction, today: on },
        ),
        /** England: reg 38 covers sums paid under public contracts only. */
        publicContractsOnly: jurisdiction === "GB-ENG",
        current: paymentFigures(periodInvoices, { jurisdiction, today: on, period: current }),
        previous: paymentFigures(periodInvoices, {
          jurisdiction,
          today: on,
          period: previousReportingPeriod(current, jurisdiction),
        }),
      },
    };
  }),
});

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
  if (violatedConstraint(error) === "contracts_tenant_reference_key") {
    throw invalid("A contract with this reference is already in the register.", {
      reference: "This reference is already used: choose another.",
    });
  }
  throw error;
}
