import { describe, expect, it } from "vitest";
import {
  type Entitlements,
  entitlements,
  hasSeatFor,
  type LicenceTerms,
  licenceStateOn,
  moduleRefusal,
  type PlanTerms,
  seatRefusal,
} from "./licences.ts";

const essentials: PlanTerms = { id: "essentials", name: "Essentials", modules: ["register", "tracker"] };
const professional: PlanTerms = {
  id: "professional",
  name: "Professional",
  modules: ["register", "tracker", "training", "public_portal"],
};
const partnership: PlanTerms = {
  id: "partnership",
  name: "Partnership",
  modules: ["register", "tracker", "training", "public_portal", "benchmarking", "advisor_access"],
};
const catalogue = [essentials, professional, partnership];

const licence = (terms: Partial<LicenceTerms> = {}): LicenceTerms => ({
  plan: essentials,
  seats: 10,
  state: "active",
  endsOn: null,
  pastDueSince: null,
  suspended: false,
  ...terms,
});
const today = "2026-03-15";

describe("entitlements (issue 11 §1, §4)", () => {
  it.each([
    ["active, open-ended", licence(), 14, "good"],
    ["active, term ends today", licence({ endsOn: "2026-03-15" }), 14, "good"],
    ["active, term ended yesterday", licence({ endsOn: "2026-03-14" }), 14, "read_only"],
    [
      "past due for 14 days: the last day of grace",
      licence({ state: "past_due", pastDueSince: "2026-03-01" }),
      14,
      "grace",
    ],
    [
      "past due for 15 days: grace over",
      licence({ state: "past_due", pastDueSince: "2026-02-28" }),
      14,
      "read_only",
    ],
    [
      "past due, a council's 30-day grace",
      licence({ state: "past_due", pastDueSince: "2026-02-28" }),
      30,
      "grace",
    ],
    ["past due since today", licence({ state: "past_due", pastDueSince: "2026-03-15" }), 14, "grace"],
    [
      "past due, and its term ended",
      licence({ state: "past_due", pastDueSince: "2026-03-10", endsOn: "2026-03-01" }),
      14,
      "read_only",
    ],
    ["lapsed", licence({ state: "lapsed" }), 14, "read_only"],
    ["suspended while active", licence({ suspended: true }), 14, "read_only"],
    [
      "suspended while past due",
      licence({ state: "past_due", pastDueSince: today, suspended: true }),
      14,
      "read_only",
    ],
  ] as const)("%s → %s", (_case, terms, graceDays, standing) => {
    const result = entitlements(terms, { today, graceDays });
    expect(result?.standing.kind).toBe(standing);
    expect(result?.writable).toBe(standing !== "read_only");
  });

  it("ends the grace period on the day the council's setting says, and keeps the plan's modules and seats", () => {
    const result = entitlements(
      licence({ plan: professional, seats: 25, state: "past_due", pastDueSince: "2026-03-10" }),
      {
        today,
        graceDays: 14,
      },
    );
    expect(result).toEqual({
      plan: professional,
      seats: 25,
      modules: professional.modules,
      standing: { kind: "grace", graceEndsOn: "2026-03-24" },
      writable: true,
    });
  });

  it("keeps the plan's modules readable when read-only, and says why", () => {
    const result = entitlements(licence({ plan: partnership, state: "lapsed" }), { today });
    expect(result?.modules).toContain("benchmarking");
    expect(result?.standing).toMatchObject({
      kind: "read_only",
      reason: expect.stringContaining("read-only"),
    });
    const suspended = entitlements(licence({ suspended: true }), { today });
    expect(suspended?.standing).toMatchObject({ reason: expect.stringContaining("suspended") });
  });

  it("gives a council with no licence nothing", () => {
    expect(entitlements(null, { today })).toBeNull();
  });
});

describe("the state the licence job records", () => {
  it.each([
    [licence(), "active"],
    [licence({ endsOn: "2026-03-14" }), "lapsed"],
    [licence({ endsOn: "2026-03-15" }), "active"],
    [licence({ state: "past_due", pastDueSince: "2026-03-01" }), "past_due"],
    [licence({ state: "past_due", pastDueSince: "2026-02-28" }), "lapsed"],
    [licence({ state: "lapsed" }), "lapsed"],
  ] as const)("%o → %s", (terms, state) => {
    expect(licenceStateOn(terms, { today, graceDays: 14 })).toBe(state);
  });
});

describe("module gates and seats", () => {
  const on = (plan: PlanTerms) => entitlements(licence({ plan }), { today }) as Entitlements;

  it.each([
    [
      "training",
      essentials,
      "Training is included in the Professional and Partnership plans. This council is on the Essentials plan.",
    ],
    [
      "benchmarking",
      professional,
      "Benchmarking is included in the Partnership plan. This council is on the Professional plan.",
    ],
    [
      "advisor_access",
      essentials,
      "Advisor access is included in the Partnership plan. This council is on the Essentials plan.",
    ],
  ] as const)("refuses %s on %s, naming the plans that include it", (module, plan, sentence) => {
    expect(moduleRefusal(module, on(plan), catalogue)).toContain(sentence);
  });

  it.each([
    ["training", professional],
    ["public_portal", professional],
    ["benchmarking", partnership],
    ["advisor_access", partnership],
    ["register", essentials],
  ] as const)("allows %s on %s", (module, plan) => {
    expect(moduleRefusal(module, on(plan), catalogue)).toBeNull();
  });

  it("refuses every module without a licence", () => {
    expect(moduleRefusal("training", null, catalogue)).toContain("This council has no licence yet.");
  });

  it.each([
    [10, 9, true],
    [10, 10, false],
    [10, 11, false],
    [1, 0, true],
  ] as const)("%i seats with %i taken: one more fits = %s", (seats, used, fits) => {
    const current = entitlements(licence({ seats }), { today }) as Entitlements;
    expect(hasSeatFor(current, used)).toBe(fits);
    expect(seatRefusal(current)).toContain(`${seats} seat`);
  });
});
