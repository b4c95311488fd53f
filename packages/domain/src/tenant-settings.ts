import { z } from "zod";
import { integerInput, listInput, moneyInput } from "./input.ts";
import { roleSchema } from "./roles.ts";
import { trainingEnforcements } from "./training/vocabulary.ts";

export const jurisdictions = ["GB-ENG", "ZA"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];

/** Where a council's law comes from, in words: "the law of England", "councils in South Africa". */
export const jurisdictionLabels: Record<Jurisdiction, string> = { "GB-ENG": "England", ZA: "South Africa" };

/** Grace after a failed payment (issue 11 §4): the council's setting, 14 days unless it says otherwise. */
export const defaultGraceDays = 14;

const threshold = moneyInput({ positive: true });
/** A scheme has a step per approving role; twenty leaves room to spare. */
const delegationLimit = 20;

/** Tenant settings (tenants.settings jsonb). Defaults are 004's. */
export const tenantSettingsSchema = z.object({
  tiering: z
    .object({
      // 004 §4: High when > £50K per year or capital > £100K; Medium £5K–£50K or capital £10K–£100K.
      highAnnualMinor: threshold.default(5_000_000),
      mediumAnnualMinor: threshold.default(500_000),
      highCapitalMinor: threshold.default(10_000_000),
      mediumCapitalMinor: threshold.default(1_000_000),
    })
    .prefault({})
    .superRefine((tiering, ctx) => {
      if (tiering.mediumAnnualMinor >= tiering.highAnnualMinor) {
        ctx.addIssue({
          code: "custom",
          path: ["mediumAnnualMinor"],
          message: "The Medium threshold must be below the High threshold.",
        });
      }
      if (tiering.mediumCapitalMinor >= tiering.highCapitalMinor) {
        ctx.addIssue({
          code: "custom",
          path: ["mediumCapitalMinor"],
          message: "The Medium capital threshold must be below the High capital threshold.",
        });
      }
    }),
  /** Scheme of delegation: the smallest role limit that covers a change's value approves it. */
  delegation: listInput(
    z.object({ role: roleSchema, upToMinor: threshold.nullable() }),
    delegationLimit,
    `A scheme of delegation has at most ${delegationLimit} steps.`,
  ).default([
    { role: "sro", upToMinor: 2_500_000 },
    { role: "finance", upToMinor: 10_000_000 },
    { role: "board", upToMinor: null },
  ]),
  /** An obligation is "due soon" this many days before its due date. */
  dueSoonDays: integerInput({ min: 1, max: 90, message: "Enter a number of days from 1 to 90." }).default(30),
  /** Last month's RAG status is due by this day of the month (004 §12.3 asks for it monthly, not by when). */
  ragDueDay: integerInput({ min: 1, max: 28, message: "Enter a day of the month from 1 to 28." }).default(10),
  /** Issue 11 §4: after a failed payment the council keeps working this many days, then turns read-only. */
  billingGraceDays: integerInput({
    min: 0,
    max: 90,
    message: "Enter a number of days from 0 to 90.",
  }).default(defaultGraceDays),
  /** Issue 10 §6: what assigning a contract to a manager without current required training does. */
  trainingEnforcement: z.enum(trainingEnforcements).default("warn"),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;
/** Settings as stored (tenants.settings): any field left out takes its default when read. */
export type StoredTenantSettings = z.input<typeof tenantSettingsSchema>;

/**
 * A new council's settings. 004's thresholds are in pounds; a South African council's are in rand, set at
 * roughly the same weight (R1m a year or R2m capital for High, R100k / R200k for Medium — R200k is also the
 * MFMA supply chain threshold for competitive bidding). Councils adjust them in their settings.
 */
export function defaultSettingsFor(jurisdiction: Jurisdiction): TenantSettings {
  if (jurisdiction === "ZA") {
    return tenantSettings({
      tiering: {
        highAnnualMinor: 100_000_000,
        mediumAnnualMinor: 10_000_000,
        highCapitalMinor: 200_000_000,
        mediumCapitalMinor: 20_000_000,
      },
      delegation: [
        { role: "sro", upToMinor: 50_000_000 },
        { role: "finance", upToMinor: 200_000_000 },
        { role: "board", upToMinor: null },
      ],
    });
  }
  return tenantSettings({});
}

export function tenantSettings(raw: unknown): TenantSettings {
  return tenantSettingsSchema.parse(raw ?? {});
}
