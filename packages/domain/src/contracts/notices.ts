import { z } from "zod";
import { idInput, isoDate, optionalTextInput, textLimits } from "../input.ts";
import type { Jurisdiction } from "../tenant-settings.ts";

/**
 * The notices an English council publishes about a public contract's performance and end on the Central Digital
 * Platform, recorded here once published so the duties that ask for them are tracked:
 * - a Contract Performance Notice (PA23 s.71; its content PR24 reg 39): the assessment of the supplier against
 *   the KPIs set under s.52, at least once in every twelve months and when the contract ends;
 * - a Contract Termination Notice (PA23 s.80): within 30 days beginning with the day the contract ends, however
 *   it ends.
 */
export const contractNoticeKinds = ["contract_performance", "contract_termination"] as const;
export type ContractNoticeKind = (typeof contractNoticeKinds)[number];

export const contractNoticeLabels: Record<ContractNoticeKind, string> = {
  contract_performance: "Contract Performance Notice (PA23 s.71)",
  contract_termination: "Contract Termination Notice (PA23 s.80)",
};

export const contractNoticeInput = z.object({
  contractId: idInput,
  kind: z.enum(contractNoticeKinds, { error: "Choose which notice was published." }),
  publishedOn: isoDate,
  /** The notice's identifier on the Central Digital Platform, when the officer has it. */
  reference: optionalTextInput(textLimits.short),
});
export type ContractNoticeInput = z.infer<typeof contractNoticeInput>;

/** Why a notice cannot be recorded for the contract (with the field to fix), or null. */
export function contractNoticeRefusal(
  notice: Pick<ContractNoticeInput, "publishedOn">,
  contract: { jurisdiction: Jurisdiction; publicContract: boolean },
  today: string,
): { field: "kind" | "publishedOn"; message: string } | null {
  if (contract.jurisdiction !== "GB-ENG") {
    return {
      field: "kind",
      message: "These are Procurement Act 2023 notices: a South African contract does not publish them.",
    };
  }
  if (!contract.publicContract) {
    return {
      field: "kind",
      message: "Only a public (above-threshold) contract publishes these notices (PA23 s.71, s.80).",
    };
  }
  if (notice.publishedOn > today) {
    return {
      field: "publishedOn",
      message: "Record a notice once it is published: give today's date or an earlier one.",
    };
  }
  return null;
}

/** The latest day a notice of `kind` was published, of those recorded (null: none). */
export function latestNotice(
  notices: readonly { kind: ContractNoticeKind; publishedOn: string }[],
  kind: ContractNoticeKind,
): string | null {
  let latest: string | null = null;
  for (const notice of notices) {
    if (notice.kind === kind && (latest === null || notice.publishedOn > latest)) latest = notice.publishedOn;
  }
  return latest;
}
