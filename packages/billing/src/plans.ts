/**
 * The plan catalogue (DESIGN §7). Stripe prices are attached when billing is configured; until then the
 * platform operator assigns plans by hand (offline mode). Seat limits and module gates are enforced
 * server-side in the procedure ladder by the subscription work that builds on this.
 */
export const modules = ["register", "benchmarking", "advisor_access", "training", "public_portal"] as const;
export type Module = (typeof modules)[number];

export interface Plan {
  id: "essentials" | "professional" | "partnership";
  name: string;
  /** Members who can sign in; null is unlimited. */
  seats: number | null;
  modules: readonly Module[];
  /** Yearly price in pence, before VAT. */
  annualPriceMinor: number;
}

export const plans: readonly Plan[] = [
  { id: "essentials", name: "Essentials", seats: 10, modules: ["register"], annualPriceMinor: 450_000 },
  {
    id: "professional",
    name: "Professional",
    seats: 40,
    modules: ["register", "benchmarking", "training"],
    annualPriceMinor: 1_200_000,
  },
  { id: "partnership", name: "Partnership", seats: null, modules: [...modules], annualPriceMinor: 2_400_000 },
];

export function findPlan(id: string): Plan | undefined {
  return plans.find((plan) => plan.id === id);
}

export function includesModule(plan: Plan, module: Module): boolean {
  return plan.modules.includes(module);
}

/** Whether one more member fits the plan's seats. */
export function hasSeatFor(plan: Plan, activeMembers: number): boolean {
  return plan.seats === null || activeMembers < plan.seats;
}
