import {
  type BillingInterval,
  type LicenceTerms,
  type Module,
  type PlanId,
  type PlanTerms,
  planIds,
} from "@steward/domain";

/**
 * The plan catalogue (issue 11 §1, DESIGN §7). A council buys a plan for a number of seats, monthly or
 * yearly; each plan and interval maps to a Stripe price (per seat) from configuration (apps/api/src/env.ts).
 * Without Stripe the platform operator assigns plans by hand (offline mode) and the same entitlements apply
 * (packages/domain/src/licences.ts).
 */
export interface Plan extends PlanTerms {
  summary: string;
  /** Seats a new licence starts with (the operator or the council's admin changes them). */
  defaultSeats: number;
  /** Price per seat, in pence before VAT, for each interval. */
  pricePerSeatMinor: Record<BillingInterval, number>;
}

const core: readonly Module[] = ["register", "tracker"];

export const plans: readonly Plan[] = [
  {
    id: "essentials",
    name: "Essentials",
    summary: "The contract register and the performance tracker.",
    modules: core,
    defaultSeats: 10,
    pricePerSeatMinor: { month: 4_000, year: 40_000 },
  },
  {
    id: "professional",
    name: "Professional",
    summary: "Essentials, with training and the public portal.",
    modules: [...core, "training", "public_portal"],
    defaultSeats: 25,
    pricePerSeatMinor: { month: 6_000, year: 60_000 },
  },
  {
    id: "partnership",
    name: "Partnership",
    summary: "Professional, with benchmarking and advisor access.",
    modules: [...core, "training", "public_portal", "benchmarking", "advisor_access"],
    defaultSeats: 50,
    pricePerSeatMinor: { month: 9_000, year: 90_000 },
  },
];

export function findPlan(id: string): Plan | undefined {
  return plans.find((plan) => plan.id === id);
}

export function planOf(id: PlanId): Plan {
  const plan = findPlan(id);
  if (!plan) throw new Error(`No plan ${id}`);
  return plan;
}

/** Stripe price ids per plan and interval, from configuration; null for a plan not sold through Stripe. */
export type StripePrices = Partial<Record<`${PlanId}_${BillingInterval}`, string>>;

export function priceIdFor(prices: StripePrices, plan: PlanId, interval: BillingInterval): string | null {
  return prices[`${plan}_${interval}`] ?? null;
}

/** The plan and interval a Stripe price id stands for (a subscription changed in Stripe's portal). */
export function planOfPrice(
  prices: StripePrices,
  priceId: string,
): { plan: PlanId; interval: BillingInterval } | null {
  for (const plan of planIds) {
    for (const interval of ["month", "year"] as const) {
      if (prices[`${plan}_${interval}`] === priceId) return { plan, interval };
    }
  }
  return null;
}

/** The licence as the entitlements read it, from its stored row. */
export function termsOf(licence: {
  plan: PlanId;
  seats: number;
  state: LicenceTerms["state"];
  endsOn: string | null;
  pastDueSince: string | null;
  suspendedAt: Date | null;
}): LicenceTerms {
  return {
    plan: planOf(licence.plan),
    seats: licence.seats,
    state: licence.state,
    endsOn: licence.endsOn,
    pastDueSince: licence.pastDueSince,
    suspended: licence.suspendedAt !== null,
  };
}
