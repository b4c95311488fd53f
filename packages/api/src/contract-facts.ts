import { type ContractRow, getContract, type listContractFacts } from "@steward/db";
import {
  assessContractTier,
  type ContractInput,
  type ContractTieringFacts,
  complianceScore,
  deriveObligations,
  type Jurisdiction,
  needsRetier,
  notFound,
  type ObligationContract,
  type Role,
} from "@steward/domain";
import type { Council, TenantContext } from "./init.ts";

type Facts = Awaited<ReturnType<typeof listContractFacts>>;

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
 * Obligations and score for each contract, derived on read from the facts that exist today (DESIGN §4).
 * Sources of later features (meetings, KPIs, RAG, training) are left out until their data exists.
 */
export function obligationsFor(
  facts: Facts,
  council: Pick<Council, "jurisdiction" | "settings">,
  on = today(),
) {
  const changesByContract = new Map<string, Facts["changes"]>();
  for (const change of facts.changes) {
    changesByContract.set(change.contractId, [...(changesByContract.get(change.contractId) ?? []), change]);
  }
  return new Map(
    facts.contracts.map((contract) => {
      const obligationContract: ObligationContract = {
        ...contract,
        jurisdiction: council.jurisdiction as Jurisdiction,
      };
      const obligations = deriveObligations(
        obligationContract,
        {
          changes: (changesByContract.get(contract.id) ?? []).map((change) => ({
            status: change.status,
            valueDeltaMinor: change.valueDeltaMinor,
            approvedByRole: change.decidedByRole as Role | null,
          })),
        },
        on,
        council.settings,
      );
      return [contract.id, { obligations, score: complianceScore(obligations) }] as const;
    }),
  );
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
