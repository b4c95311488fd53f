import type { contractStatuses } from "./contract-input.ts";

type ContractStatus = (typeof contractStatuses)[number];

/**
 * A contract whose end date has passed has expired (DESIGN §4's statuses; PA23 s.80 counts expiry as an end):
 * an awarded or active contract ending before `today` is expired. A terminated one stays terminated, and an
 * expired one is not revived by a later end date (an extension is recorded as a change). The register's form and
 * the import both set the status by this rule.
 */
export function statusAfterEndDate(
  status: ContractStatus,
  endDate: string | null,
  today: string,
): ContractStatus {
  if (endDate && endDate < today && (status === "active" || status === "awarded")) return "expired";
  return status;
}
