import {
  type ChangeStatus,
  type ChangeType,
  type ContractStatus,
  contractCategories,
  contractStatuses,
  lifecycleStages,
  type ObligationStatus,
  procurementRoutes,
  serviceRisks,
  type Tier,
  tierLabels,
  tiers,
} from "@steward/domain";
import type { Choice } from "../../components/choice-select.tsx";

/** Words for the register's coded values, as a council officer says them. */
export type Category = (typeof contractCategories)[number];
export type LifecycleStage = (typeof lifecycleStages)[number];
export type ProcurementRoute = (typeof procurementRoutes)[number];
export type ServiceRisk = (typeof serviceRisks)[number];

export const categoryLabels: Record<Category, string> = {
  goods: "Goods",
  services: "Services",
  works: "Works",
};

export const statusLabels: Record<ContractStatus, string> = {
  awarded: "Awarded",
  active: "Active",
  expired: "Expired",
  terminated: "Terminated",
};

export const stageLabels: Record<LifecycleStage, string> = {
  handover: "Handover",
  mobilisation: "Mobilisation",
  delivery: "Delivery",
  change: "Change",
  closing: "Closing",
  closed: "Closed",
  re_procurement: "Re-procurement",
};

export const routeLabels: Record<ProcurementRoute, string> = {
  open: "Open procedure",
  competitive_flexible: "Competitive flexible procedure",
  direct_award: "Direct award",
  framework: "Call-off from a framework",
  dynamic_market: "Dynamic market or purchasing system",
  below_threshold: "Below-threshold procurement",
  other: "Other",
};

export const riskLabels: Record<ServiceRisk, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const obligationStatusLabels: Record<ObligationStatus, string> = {
  met: "Met",
  due_soon: "Due soon",
  overdue: "Overdue",
  not_tracked: "Not yet tracked here",
  not_applicable: "Not applicable",
};

export const changeTypeLabels: Record<ChangeType, string> = {
  value: "Value",
  term: "Term",
  scope: "Scope",
};

export const changeStatusLabels: Record<ChangeStatus, string> = {
  requested: "Awaiting decision",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

const choicesOf = <V extends string>(values: readonly V[], labels: Record<V, string>): Choice<V>[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const categoryChoices = choicesOf(contractCategories, categoryLabels);
export const statusChoices = choicesOf(contractStatuses, statusLabels);
export const stageChoices = choicesOf(lifecycleStages, stageLabels);
export const routeChoices = choicesOf(procurementRoutes, routeLabels);
/** Procedures of the Procurement Act 2023 that a South African council does not use. */
export const englandOnlyRoutes: readonly string[] = [
  "competitive_flexible",
  "dynamic_market",
  "below_threshold",
];
export const riskChoices = choicesOf(serviceRisks, riskLabels);
export const tierChoices = choicesOf<Tier>(tiers, tierLabels);

/** Narrows text from a URL or a stored row to one of a list's values. */
export function oneOf<V extends string>(values: readonly V[], text: string | null | undefined): V | null {
  return values.find((value) => value === text) ?? null;
}
