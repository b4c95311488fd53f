import type { Jurisdiction } from "../tenant-settings.ts";
import type { ContractCategory } from "./changes.ts";

/**
 * PA23 s.3 and Schedule 1: a council's contract is a "public contract" when its estimated value is not less
 * than the threshold amount. A council is a sub-central government authority, so the rows that apply are
 * 8 (light touch), 10 (works) and 12 (goods or services to a sub-central government authority). Amounts
 * include VAT, in pence. Utilities, defence and concession rows are not rows a council's register uses.
 */
export type ThresholdTable = {
  inForceFrom: string;
  source: string;
  goodsOrServicesMinor: number;
  worksMinor: number;
  lightTouchMinor: number;
};

export const publicContractThresholds: readonly ThresholdTable[] = [
  {
    inForceFrom: "2024-01-01",
    source:
      "PA23 Schedule 1 rows 8, 10 and 12, as amended by reg 3 of the Procurement Act 2023 (Consequential and Other Amendments) Regulations 2025 (S.I. 2025/163): the GPA thresholds in force from 1 January 2024",
    goodsOrServicesMinor: 21_490_400,
    worksMinor: 537_260_900,
    lightTouchMinor: 66_354_000,
  },
  {
    inForceFrom: "2026-01-01",
    source:
      "PA23 Schedule 1 rows 8, 10 and 12, as amended by the Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025 (S.I. 2025/1200), in force from 1 January 2026",
    goodsOrServicesMinor: 20_772_000,
    worksMinor: 519_300_000,
    lightTouchMinor: 66_354_000,
  },
];

export type ThresholdContract = { category: ContractCategory; lightTouch: boolean };

/** The threshold amount for a contract on a date (the latest table in force then), with where it comes from. */
export function publicContractThreshold(
  contract: ThresholdContract,
  on: string,
): { amountMinor: number; inForceFrom: string; source: string } {
  const table =
    [...publicContractThresholds].reverse().find((entry) => entry.inForceFrom <= on) ??
    (publicContractThresholds[0] as ThresholdTable);
  const amountMinor = contract.lightTouch
    ? table.lightTouchMinor
    : contract.category === "works"
      ? table.worksMinor
      : table.goodsOrServicesMinor;
  return { amountMinor, inForceFrom: table.inForceFrom, source: table.source };
}

/**
 * The register's default for "public contract": an English council's contract whose recorded total value is
 * not less than the threshold in force on its award date (or start date, or today). A South African council
 * has no PA23 public contracts. The officer can change the answer; the field, not this default, is the record.
 */
export function isPublicContractByValue(
  contract: ThresholdContract & {
    jurisdiction: Jurisdiction;
    totalValueMinor: number | null;
    awardDate: string | null;
    startDate: string | null;
  },
  today: string,
): boolean {
  if (contract.jurisdiction !== "GB-ENG" || contract.totalValueMinor === null) return false;
  const on = contract.awardDate ?? contract.startDate ?? today;
  return contract.totalValueMinor >= publicContractThreshold(contract, on).amountMinor;
}
