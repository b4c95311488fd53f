import {
  type ChangeStatus,
  type ChangeType,
  categoryLabels,
  contractCategories,
  contractStatuses,
  lifecycleStages,
  type ObligationStatus,
  procurementRoutes,
  riskLabels,
  routeLabels,
  serviceRisks,
  stageLabels,
  statusLabels,
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

export { categoryLabels, riskLabels, routeLabels, stageLabels, statusLabels };

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
  novation: "Change of supplier (novation on restructuring)",
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
