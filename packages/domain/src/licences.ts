import { z } from "zod";
import { addDays } from "./contracts/iso-dates.ts";
import { emailInput, integerInput, isoDate, optionalTextInput, textInput, textLimits } from "./input.ts";
import { defaultGraceDays, jurisdictions } from "./tenant-settings.ts";

/**
 * A council's licence and what it entitles the council to (issue 11, DESIGN §7). Pure: the plan's terms, the
 * licence's seats, state and dates, and today's date in; what the council may do out. The tenant rung of the
 * procedure ladder asks this for every mutation and every gated procedure, so pages never decide it.
 */

/** What a plan can include. Every plan includes the register and the performance tracker. */
export const modules = [
  "register",
  "tracker",
  "training",
  "public_portal",
  "benchmarking",
  "advisor_access",
] as const;
export type Module = (typeof modules)[number];

export const moduleLabels: Record<Module, string> = {
  register: "The contract register",
  tracker: "The performance tracker",
  training: "Training",
  public_portal: "The public portal",
  benchmarking: "Benchmarking",
  advisor_access: "Advisor access",
};

export const planIds = ["essentials", "professional", "partnership"] as const;
export type PlanId = (typeof planIds)[number];

/** What the entitlements read of a plan (the catalogue in packages/billing holds the rest: prices, Stripe). */
export interface PlanTerms {
  id: PlanId;
  name: string;
  modules: readonly Module[];
}

/**
 * `active`: paid up. `past_due`: a payment failed; the council works as usual, with a banner, until its grace
 * period ends. `lapsed`: the grace period ended, the subscription was cancelled or a fixed-term licence
 * expired; read-only.
 */
export const licenceStates = ["active", "past_due", "lapsed"] as const;
export type LicenceState = (typeof licenceStates)[number];

/** `offline`: assigned by hand by the platform operator (no Stripe key). `stripe`: kept by Stripe's webhooks. */
export const licenceSources = ["offline", "stripe"] as const;
export type LicenceSource = (typeof licenceSources)[number];

export const billingIntervals = ["month", "year"] as const;
export type BillingInterval = (typeof billingIntervals)[number];

/** The licence as entitlements read it. Dates are ISO (YYYY-MM-DD). */
export interface LicenceTerms {
  plan: PlanTerms;
  seats: number;
  state: LicenceState;
  /**
   * The last day of a fixed-term licence (assigned by hand); null: open-ended, as a Stripe subscription is
   * (Stripe says when it ends, by webhook).
   */
  endsOn: string | null;
  /** The day the council's payment first failed (state past_due). */
  pastDueSince: string | null;
  /** Set while the platform operator has suspended the council. */
  suspended: boolean;
}

export type Standing =
  /** Everything the plan includes, read and write. */
  | { kind: "good" }
  /** A payment failed: everything works until `graceEndsOn` (inclusive), with a banner. */
  | { kind: "grace"; graceEndsOn: string }
  /** Reads and exports only: every mutation is refused with `reason`. Nothing is deleted. */
  | { kind: "read_only"; reason: string };

export interface Entitlements {
  plan: PlanTerms;
  /** Seats the licence pays for: members in a council role (advisors excepted) plus open invitations. */
  seats: number;
  modules: readonly Module[];
  standing: Standing;
  /** Whether mutations are allowed. */
  writable: boolean;
}

/**
 * What a council may do today under its licence; `null` for a council with no licence yet (read-only until
 * the platform operator assigns one). Dates decide as well as the stored state, so a council turns read-only
 * on the day its grace or term ends even before the licence job records the change (issue 11 §4).
 */
export function entitlements(
  licence: LicenceTerms | null,
  { today, graceDays = defaultGraceDays }: { today: string; graceDays?: number },
): Entitlements | null {
  if (!licence) return null;
  const standing = standingOf(licence, today, graceDays);
  return {
    plan: licence.plan,
    seats: licence.seats,
    modules: licence.plan.modules,
    standing,
    writable: standing.kind !== "read_only",
  };
}

function standingOf(licence: LicenceTerms, today: string, graceDays: number): Standing {
  if (licence.suspended) {
    return {
      kind: "read_only",
      reason:
        "The platform operator has suspended this council's licence: you can read and export, but not change anything. Ask your council's admin.",
    };
  }
  if (licence.state === "lapsed") return lapsed();
  if (licence.endsOn !== null && licence.endsOn < today) return lapsed();
  if (licence.state === "past_due") {
    const graceEndsOn = addDays(licence.pastDueSince ?? today, graceDays);
    return graceEndsOn < today ? lapsed() : { kind: "grace", graceEndsOn };
  }
  return { kind: "good" };
}

const lapsed = (): Standing => ({
  kind: "read_only",
  reason:
    "This council's licence has lapsed, so Steward is read-only: you can read and export everything, but not change anything. An admin can renew it on the Billing page.",
});

/** The state the licence job records for today (issue 11 §4: grace ends, a fixed-term licence expires). */
export function licenceStateOn(
  licence: Pick<LicenceTerms, "state" | "endsOn" | "pastDueSince">,
  { today, graceDays = defaultGraceDays }: { today: string; graceDays?: number },
): LicenceState {
  if (licence.state !== "lapsed" && licence.endsOn !== null && licence.endsOn < today) return "lapsed";
  if (licence.state === "past_due" && addDays(licence.pastDueSince ?? today, graceDays) < today)
    return "lapsed";
  return licence.state;
}

/**
 * Why a procedure of a module the council's plan does not include is refused: the sentence names the plans
 * that include it (issue 11 §4 "a message that names the plan that includes the feature").
 */
export function moduleRefusal(
  module: Module,
  current: Entitlements | null,
  catalogue: readonly PlanTerms[],
): string | null {
  if (current?.modules.includes(module)) return null;
  const including = catalogue.filter((plan) => plan.modules.includes(module)).map((plan) => plan.name);
  const plans =
    including.length > 1
      ? `the ${including.slice(0, -1).join(", ")} and ${including.at(-1)} plans`
      : `the ${including[0] ?? "—"} plan`;
  const now = current
    ? `This council is on the ${current.plan.name} plan.`
    : "This council has no licence yet.";
  return `${moduleLabels[module]} is included in ${plans}. ${now} An admin can change the plan on the Billing page.`;
}

/**
 * Whether one more seat (an invitation, a re-activated member) fits: `used` counts the members in a council
 * role other than advisor and the open invitations.
 */
export function hasSeatFor(current: Entitlements, used: number): boolean {
  return used < current.seats;
}

export function seatRefusal(current: Entitlements): string {
  return `Your licence has ${current.seats} ${current.seats === 1 ? "seat" : "seats"} and all are taken (members and open invitations). Deactivate a member, revoke an invitation, or add seats on the Billing page.`;
}

/** What the platform operator enters to set up a council (issue 11 §6). */
export const councilSetupInput = z.object({
  name: textInput({ max: textLimits.short, min: 1, required: "Enter the council's name." }),
  slug: textInput({ max: 60, min: 3, required: "Enter the council's web address name." }).pipe(
    z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        "Use lower-case letters, digits and single hyphens, like oadby-wigston.",
      ),
  ),
  jurisdiction: z.enum(jurisdictions, { error: "Choose England or South Africa." }),
  currency: z.enum(["GBP", "ZAR"], { error: "Choose pounds or rand." }),
  locale: z.enum(["en-GB", "en-ZA"], { error: "Choose English (UK) or English (South Africa)." }),
  adminEmail: emailInput("Enter the first admin's email address, like name@council.gov.uk."),
});
export type CouncilSetupInput = z.infer<typeof councilSetupInput>;

/** A licence assigned by hand (offline mode, issue 11 §5). */
export const licenceAssignmentInput = z
  .object({
    plan: z.enum(planIds, { error: "Choose a plan." }),
    seats: integerInput({ min: 1, max: 100_000, message: "Enter a number of seats from 1 to 100,000." }),
    interval: z.enum(billingIntervals, { error: "Choose monthly or yearly." }).default("year"),
    startsOn: isoDate,
    endsOn: isoDate.nullable().default(null),
    poNumber: optionalTextInput(100),
  })
  .refine((licence) => licence.endsOn === null || licence.endsOn >= licence.startsOn, {
    path: ["endsOn"],
    message: "The end date must be on or after the start date.",
  });
export type LicenceAssignment = z.infer<typeof licenceAssignmentInput>;
