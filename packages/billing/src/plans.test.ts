import { modules, planIds } from "@steward/domain";
import { describe, expect, it } from "vitest";
import { findPlan, planOfPrice, plans, priceIdFor } from "./plans.ts";

describe("plan catalogue (issue 11 §1)", () => {
  it("has a plan for each id; each includes the register and tracker, and each larger plan all of the smaller", () => {
    expect(plans.map((plan) => plan.id)).toEqual([...planIds]);
    for (const plan of plans) expect(plan.modules).toEqual(expect.arrayContaining(["register", "tracker"]));
    for (const [smaller, larger] of [
      [plans[0], plans[1]],
      [plans[1], plans[2]],
    ]) {
      expect(larger?.modules).toEqual(expect.arrayContaining([...(smaller?.modules ?? [])]));
    }
    expect(findPlan("partnership")?.modules).toEqual(expect.arrayContaining([...modules]));
    expect(findPlan("nope")).toBeUndefined();
  });

  it.each([
    ["essentials", ["register", "tracker"]],
    ["professional", ["register", "tracker", "training", "public_portal"]],
    ["partnership", ["register", "tracker", "training", "public_portal", "benchmarking", "advisor_access"]],
  ] as const)("%s includes %o", (id, included) => {
    expect([...(findPlan(id)?.modules ?? [])].sort()).toEqual([...included].sort());
  });

  it("maps plans and intervals to configured Stripe prices and back", () => {
    const prices = { essentials_year: "price_ess_y", partnership_month: "price_par_m" };
    expect(priceIdFor(prices, "essentials", "year")).toBe("price_ess_y");
    expect(priceIdFor(prices, "essentials", "month")).toBeNull();
    expect(planOfPrice(prices, "price_par_m")).toEqual({ plan: "partnership", interval: "month" });
    expect(planOfPrice(prices, "price_unknown")).toBeNull();
  });
});
