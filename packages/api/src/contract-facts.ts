import {
  type ContractRow,
  getContract,
  listCloseOutFacts,
  listContractFacts,
  listHeldMeetings,
  listInvoiceDates,
  listKpiFacts,
  listManagementPlanFacts,
  listManagerTrainingFacts,
  listMonitoringReportFacts,
  listNoticeFacts,
  listRagMonths,
  listRiskFacts,
} from "@steward/db";
import {
  type ContractInput,
  contractsCompliance,
  firstOfMonth,
  isPublicContractByValue,
  notFound,
  ragDueMonth,
  type TierPolicy,
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
    procurementRoute: row.procurementRoute,
    lightTouch: row.lightTouch,
    publicContract: row.publicContract,
    corporatePriority: row.corporatePriority,
    keyPublicService: row.keyPublicService,
    serviceRisk: row.serviceRisk,
    status: row.status,
    lifecycleStage: row.lifecycleStage,
  };
}

/**
 * Obligations and score of the council's live contracts (or of `contractIds`), derived on read from the
 * register, its changes, its invoices, its RAG months, its held meetings and its risks (DESIGN §4; the rules
 * are in @steward/domain). The council's row is read with the facts, in the same round trip, unless the
 * request has read it already.
 */
export async function complianceOf(
  ctx: Pick<TenantContext, "tx" | "tenantId" | "council">,
  contractIds?: string[],
) {
  const on = today();
  const scope = { tenantId: ctx.tenantId, contractIds };
  const [
    facts,
    invoices,
    ragMonths,
    meetings,
    risks,
    council,
    kpis,
    managementPlans,
    monitoringReports,
    closeOuts,
    training,
    notices,
  ] = await Promise.all([
    listContractFacts(ctx.tx, scope),
    listInvoiceDates(ctx.tx, scope),
    // 004 §12.3: the monthly RAG rule reads last month only.
    listRagMonths(ctx.tx, { ...scope, since: ragDueMonth(on) }),
    listHeldMeetings(ctx.tx, scope),
    listRiskFacts(ctx.tx, scope),
    ctx.council(),
    listKpiFacts(ctx.tx, { ...scope, lastMonth: firstOfMonth(on, -1), today: on }),
    listManagementPlanFacts(ctx.tx, scope),
    listMonitoringReportFacts(ctx.tx, scope),
    listCloseOutFacts(ctx.tx, scope),
    listManagerTrainingFacts(ctx.tx, scope),
    listNoticeFacts(ctx.tx, scope),
  ]);
  const compliance = contractsCompliance(
    {
      ...facts,
      invoices,
      ragMonths,
      kpis,
      managementPlans,
      monitoringReports,
      closeOuts,
      meetings,
      risks,
      training,
      notices,
    },
    { jurisdiction: council.jurisdiction, settings: council.settings },
    on,
  );
  return { contracts: facts.contracts, invoices, compliance, council };
}

/** PA23 s.3: whether the contract is a public contract, as the officer said or by default from its value. */
export function publicContractOf(
  values: Pick<
    ContractInput,
    "publicContract" | "category" | "lightTouch" | "totalValueMinor" | "awardDate" | "startDate"
  >,
  council: Pick<Council, "jurisdiction">,
): boolean {
  return (
    values.publicContract ??
    isPublicContractByValue({ ...values, jurisdiction: council.jurisdiction }, today())
  );
}

/** The council's tiering policy (004 §4) as the domain's tier rules take it, assessed now. */
export function tierPolicyOf(council: Pick<Council, "settings" | "currency" | "locale">): TierPolicy {
  return {
    thresholds: council.settings.tiering,
    money: { currency: council.currency, locale: council.locale },
    assessedAt: new Date(),
  };
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
