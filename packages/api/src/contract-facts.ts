import { type ContractRow, getContract, listContractFacts, listInvoiceDates } from "@steward/db";
import {
  assessContractTier,
  type ContractInput,
  type ContractTieringFacts,
  contractsCompliance,
  needsRetier,
  notFound,
} from "@steward/domain";
import type { Council, TenantContext } from "./init.ts";

export const today = () => new Date().toISOString().slice(0, 10);

/** The register fields of a stored contract, as the domain rules read them. */
export function contractInputOf(row: ContractRow): ContractInput {
  return {
    reference: row.reference,
    title: row.title,
    description: row.description,
    category: row.category,
    cpvCode: row.cpvCode,
    serviceArea: row.serviceArea,
    supplierId: row.supplierId,
    contractManagerId: row.contractManagerId,
    sroId: row.sroId,
    awardDate: row.awardDate,
    signedDate: row.signedDate,
    startDate: row.startDate,
    endDate: row.endDate,
    maxExtensionDate: row.maxExtensionDate,
    noticeDate: row.noticeDate,
    annualValueMinor: row.annualValueMinor,
    totalValueMinor: row.totalValueMinor,
    capitalValueMinor: row.capitalValueMinor,
    currency: row.currency,
    procurementRoute: row.procurementRoute as ContractInput["procurementRoute"],
    lightTouch: row.lightTouch,
    corporatePriority: row.corporatePriority,
    keyPublicService: row.keyPublicService,
    serviceRisk: row.serviceRisk,
    status: row.status,
    lifecycleStage: row.lifecycleStage as ContractInput["lifecycleStage"],
  };
}

/**
 * Obligations and score of the council's live contracts (or of `contractIds`), derived on read from the
 * register, its changes and its invoices (DESIGN §4; the rules are in @steward/domain).
 */
export async function complianceOf(
  ctx: Pick<TenantContext, "tx" | "tenantId">,
  council: Pick<Council, "jurisdiction" | "settings">,
  contractIds?: string[],
) {
  const [facts, invoices] = await Promise.all([
    listContractFacts(ctx.tx, { tenantId: ctx.tenantId, contractIds }),
    listInvoiceDates(ctx.tx, { tenantId: ctx.tenantId, contractIds }),
  ]);
  const compliance = contractsCompliance(
    { ...facts, invoices },
    { jurisdiction: council.jurisdiction, settings: council.settings },
    today(),
  );
  return { contracts: facts.contracts, invoices, compliance };
}

/** A fresh assessment of the tier from the register fields (004 §4), with its reasons. */
export function assessedTierFields(input: ContractTieringFacts, council: Council) {
  const assessed = assessContractTier(input, council.settings.tiering, {
    currency: council.currency,
    locale: council.locale,
  });
  return {
    tier: assessed.tier,
    assessedTier: assessed.tier,
    tierReasons: assessed.reasons,
    tierAssessedAt: new Date(),
  };
}

/**
 * 004 §4: a change of value or nature re-tiers. The assessment follows the facts; a manual override stays
 * but the contract is flagged so someone reviews it. The same rule for an edit and an approved change.
 */
export function retierFields(before: ContractRow, after: ContractInput, council: Council) {
  if (!needsRetier(contractInputOf(before), after)) return { retierRequested: before.retierRequested };
  if (before.tierOverrideReason !== null) return { retierRequested: true };
  return { ...assessedTierFields(after, council), retierRequested: before.retierRequested };
}

/** The council's contract, or NOT_FOUND — as for any id of another council. */
export async function loadContract(
  ctx: Pick<TenantContext, "tx" | "tenantId">,
  contractId: string,
): Promise<ContractRow> {
  const contract = await getContract(ctx.tx, { tenantId: ctx.tenantId, contractId });
  if (!contract) throw notFound("That contract");
  return contract;
}
