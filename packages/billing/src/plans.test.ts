import { describe, expect, it } from "vitest";
import { findPlan, hasSeatFor, includesModule, modules, plans } from "./plans.ts";

describe("plan catalogue", () => {
  it("has unique ids, each plan includes the register, and larger plans include more", () => {
    expect(new Set(plans.map((plan) => plan.id)).size).toBe(plans.length);
    for (const plan of plans) expect(includesModule(plan, "register")).toBe(true);
    const sizes = plans.map((plan) => plan.modules.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(findPlan("partnership")?.modules).toEqual([...modules]);
    expect(findPlan("nope")).toBeUndefined();
  });

  it.each([
    ["essentials", 9, true],
    ["essentials", 10, false],
    ["partnership", 10_000, true],
  ] as const)("%s with %i members has a seat for one more: %s", (id, members, expected) => {
    const plan = findPlan(id);
    expect(plan && hasSeatFor(plan, members)).toBe(expected);
  });
});
