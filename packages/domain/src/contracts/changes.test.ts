import { describe, expect, test } from "vitest";
import { DomainError } from "../errors.ts";
import type { Role } from "../roles.ts";
import { tenantSettings } from "../tenant-settings.ts";
import {
  applyChange,
  approverFor,
  type ChangeTestInput,
  canApprove,
  canWithdraw,
  changeReasonLabels,
  changeReasons,
  changeRequestInput,
  changeTest,
  decisionCheck,
  maxTermOnAwardDays,
  type RelatedChange,
  section116Outstanding,
  section116StepsInput,
} from "./changes.ts";

const none = { valueDeltaMinor: 0, termDeltaDays: 0 };

// £100,000 and 1,000 days make the percentages easy to read; a public contract unless a case says otherwise.
const publicServices = {
  category: "services",
  lightTouch: false,
  publicContract: true,
  totalValueMinor: 10_000_000,
  maxTermOnAwardDays: 1_000,
} as const;

function test75(
  change: Partial<ChangeTestInput["proposed"]>,
  contract: Partial<ChangeTestInput["contract"]> = {},
  related: RelatedChange[] = [],
) {
  return changeTest({
    jurisdiction: "GB-ENG",
    contract: { ...publicServices, ...contract },
    proposed: { type: "value", ...none, ...change },
    related,
    today: "2026-06-01",
  });
}

describe("changeTest, PA23 s.75(2)(a): the value on its own", () => {
  test.each([
    { category: "goods", delta: 999_999, exempt: true },
    { category: "goods", delta: 1_000_000, exempt: true },
    { category: "goods", delta: 1_000_001, exempt: false },
    { category: "goods", delta: -1_000_000, exempt: true },
    { category: "goods", delta: -1_000_001, exempt: false },
    { category: "services", delta: 1_000_000, exempt: true },
    { category: "services", delta: 1_000_001, exempt: false },
    { category: "services", delta: -1_000_000, exempt: true },
    { category: "services", delta: -1_000_001, exempt: false },
    { category: "works", delta: 1_499_999, exempt: true },
    { category: "works", delta: 1_500_000, exempt: true },
    { category: "works", delta: 1_500_001, exempt: false },
    { category: "works", delta: -1_500_000, exempt: true },
    { category: "works", delta: -1_500_001, exempt: false },
  ] as const)("$category, $delta pence of £100,000 → exempt $exempt", ({ category, delta, exempt }) => {
    const result = test75({ valueDeltaMinor: delta }, { category });
    expect(result.noticeRequired).toBe(!exempt);
    expect(result).toMatchObject(
      exempt
        ? { outcome: "exempt", rule: "s.75(2)(a)", headline: "No Contract Change Notice needed: s.75(2)(a)" }
        : {
            outcome: "notice_required",
            rule: "s.75(1)",
            because: "over_limits",
            headline: "Contract Change Notice needed before the change: s.75(1)",
          },
    );
  });

  test("measures against the estimated value before the change, and says so", () => {
    const result = test75({ valueDeltaMinor: 1_250_000 });
    expect(result).toMatchObject({
      value: { status: "measured", movedPercent: 12.5, limitPercent: 10, within: false },
    });
    expect(result.reasons).toEqual([
      "The change on its own moves the estimated value by 12.5%, over the 10% of s.75(2)(a) for a services contract.",
      "Neither exemption in s.75(2) covers it.",
    ]);
  });
});

describe("changeTest, PA23 s.75(2)(b): the term, against the maximum term on award", () => {
  test.each([
    { days: 99, exempt: true },
    { days: 100, exempt: true },
    { days: 101, exempt: false },
    { days: -100, exempt: true },
    { days: -101, exempt: false },
  ])("$days days of 1,000 → exempt $exempt", ({ days, exempt }) => {
    const result = test75({ type: "term", termDeltaDays: days });
    expect(result.noticeRequired).toBe(!exempt);
    if (exempt) expect(result).toMatchObject({ outcome: "exempt", rule: "s.75(2)(b)" });
  });

  test.each([
    {
      name: "value within, term over: limb (a) decides",
      change: { valueDeltaMinor: 500_000, termDeltaDays: 150 },
      rule: "s.75(2)(a)",
    },
    {
      name: "value over, term within: limb (b) decides",
      change: { valueDeltaMinor: 5_000_000, termDeltaDays: 50 },
      rule: "s.75(2)(b)",
    },
  ])("either limb exempts (the Act's 'or'): $name", ({ change, rule }) => {
    expect(test75(change)).toMatchObject({ outcome: "exempt", noticeRequired: false, rule });
  });

  test("a limb measures only what the change moves: a large value change is not exempt by an unchanged term", () => {
    expect(test75({ valueDeltaMinor: 5_000_000 })).toMatchObject({
      outcome: "notice_required",
      term: { status: "not_moved" },
    });
  });

  test("a cost-neutral change of scope moves the value by 0%: s.75(2)(a)", () => {
    const result = test75({ type: "scope" });
    expect(result).toMatchObject({ outcome: "exempt", rule: "s.75(2)(a)" });
    expect(result.reasons).toEqual([
      "The change on its own moves neither the estimated value nor the term: 0%, within s.75(2)(a).",
    ]);
  });
});

describe("maxTermOnAwardDays (PA23 s.75(2)(b): the maximum term provided for on award)", () => {
  const awarded = { startDate: "2025-01-01", maxExtensionDate: null, originalEndDate: null, endDate: null };
  test.each([
    [
      "the latest extension date first",
      { maxExtensionDate: "2027-01-01", originalEndDate: "2026-01-01", endDate: "2026-07-01" },
      730,
    ],
    ["else the end date as awarded", { originalEndDate: "2026-01-01", endDate: "2026-07-01" }, 365],
    ["else the end date now", { endDate: "2025-01-31" }, 30],
    ["unknown without an end", {}, null],
    ["unknown without a start", { startDate: null, endDate: "2026-01-01" }, null],
  ])("%s", (_, dates, days) => {
    expect(maxTermOnAwardDays({ ...awarded, ...dates })).toBe(days);
  });
});

describe("changeTest, when the register lacks what s.75(2) measures", () => {
  test.each([
    { name: "no value", change: { valueDeltaMinor: 100 }, contract: { totalValueMinor: null } },
    { name: "no term", change: { termDeltaDays: 1 }, contract: { maxTermOnAwardDays: null } },
  ])("$name: a notice is presumed, as an outcome rather than an error", ({ change, contract }) => {
    expect(test75(change, contract)).toMatchObject({
      outcome: "notice_required",
      noticeRequired: true,
      because: "not_measured",
      headline: "Contract Change Notice presumed needed: s.75(1), the register lacks what s.75(2) measures",
    });
  });

  test("a limb that can be measured still exempts", () => {
    expect(test75({ valueDeltaMinor: 100, termDeltaDays: 10 }, { totalValueMinor: null })).toMatchObject({
      outcome: "exempt",
      rule: "s.75(2)(b)",
      value: { status: "not_measured" },
    });
  });
});

describe("changeTest, novation (PA23 s.75(2), Schedule 8 para 9)", () => {
  test.each([none, { valueDeltaMinor: 1, termDeltaDays: 0 }])(
    "always needs a notice, however small ($valueDeltaMinor)",
    (change) => {
      expect(test75({ type: "novation", ...change })).toMatchObject({
        outcome: "notice_required",
        rule: "s.75(2) and Schedule 8 para 9",
        because: "novation",
      });
    },
  );
});

describe("changeTest, earlier changes that could reasonably have been made together (s.75(4)–(5))", () => {
  const earlier = (valueDeltaMinor: number, termDeltaDays = 0, type: RelatedChange["type"] = "value") => ({
    type,
    valueDeltaMinor,
    termDeltaDays,
    valueBeforeMinor: 10_000_000,
  });
  test.each([
    {
      name: "counted only when named: +8% after an earlier +8% is exempt on its own",
      related: [],
      change: { valueDeltaMinor: 800_000 },
      outcome: "exempt",
    },
    {
      name: "named, +6% and +4% make 10%: still exempt",
      related: [earlier(600_000)],
      change: { valueDeltaMinor: 400_000 },
      outcome: "exempt",
    },
    {
      name: "named, +6% and +4.0001% go over: s.75(5)",
      related: [earlier(600_000)],
      change: { valueDeltaMinor: 400_001 },
      outcome: "notice_required",
    },
    {
      name: "named, +8% then −8% are one change of 0%, not 16%: exempt",
      related: [earlier(800_000)],
      change: { valueDeltaMinor: -800_000 },
      outcome: "exempt",
    },
    {
      name: "named, +8% then +8% are one change of 16%: s.75(5)",
      related: [earlier(800_000)],
      change: { valueDeltaMinor: 800_000 },
      outcome: "notice_required",
    },
    {
      name: "named, two extensions of 60 and 30 days and one of 11 go over 10% of 1,000 days",
      related: [earlier(0, 60, "term"), earlier(0, 30, "term")],
      change: { type: "term" as const, termDeltaDays: 11 },
      outcome: "notice_required",
    },
    {
      name: "named with an earlier novation: the single change would have needed a notice",
      related: [earlier(0, 0, "novation")],
      change: { valueDeltaMinor: 100 },
      outcome: "notice_required",
    },
  ])("$name", ({ related, change, outcome }) => {
    const result = test75(change, {}, related);
    expect(result.outcome).toBe(outcome);
    if (outcome === "notice_required" && related.length > 0) {
      expect(result).toMatchObject({ rule: "s.75(4)–(5)", because: "related_changes" });
    }
  });

  test("says what the changes named together come to", () => {
    const result = test75({ valueDeltaMinor: 800_000 }, {}, [earlier(800_000)]);
    expect(result.reasons).toEqual([
      "The change on its own moves the estimated value by 8%, within the 10% of s.75(2)(a) for a services contract.",
      "This change and the earlier change named with it, as one change, moves the estimated value by 16%, over the 10% of s.75(2)(a) for a services contract.",
      "It could reasonably have been made together with the earlier changes named, and that single change would have needed a notice.",
    ]);
  });

  test("measured from the value just before the earliest change named", () => {
    // £200,000 before the earlier +£10,000; now £210,000 and +£10,001 more: 10.0005% of £200,000.
    const result = test75({ valueDeltaMinor: 1_000_100 }, { totalValueMinor: 21_000_000 }, [
      { ...earlier(1_000_000), valueBeforeMinor: 20_000_000 },
    ]);
    expect(result).toMatchObject({
      outcome: "notice_required",
      together: { value: { movedPercent: 10, within: false } },
    });
  });
});

describe("changeTest, contracts s.75 does not govern", () => {
  test.each([
    { publicContract: true, delta: 50_000_000 },
    { publicContract: false, delta: 50_000_000 },
  ])("a light touch contract (public $publicContract): s.75(6)(b)", ({ publicContract, delta }) => {
    expect(test75({ valueDeltaMinor: delta }, { lightTouch: true, publicContract })).toMatchObject({
      outcome: "light_touch",
      noticeRequired: false,
      rule: "s.75(6)(b)",
      headline: "No Contract Change Notice needed: s.75(6)(b), a light touch contract",
    });
  });

  // Services threshold from 1 January 2026: £207,720 (S.I. 2025/1200). The contract is £100,000.
  test.each([
    { delta: 10_771_999, outcome: "not_public_contract" },
    { delta: 10_772_000, outcome: "notice_required" },
  ])("a contract below the threshold: +$delta pence → $outcome", ({ delta, outcome }) => {
    const result = test75({ valueDeltaMinor: delta }, { publicContract: false });
    expect(result.outcome).toBe(outcome);
    if (outcome === "notice_required") {
      // It becomes a convertible contract (s.74(1)), and +107.72% is far over s.75(2)(a)'s 10%.
      expect(result).toMatchObject({ convertible: true, rule: "s.75(1)" });
      expect(result.reasons[0]).toMatch(/becomes a convertible contract \(s\.74\(1\)\)/);
    } else {
      expect(result).toMatchObject({ rule: "s.74(1)", noticeRequired: false, thresholdMinor: 20_772_000 });
    }
  });

  test("a convertible contract is still tested by s.75(2): +5% that crosses the threshold is exempt", () => {
    expect(
      test75({ valueDeltaMinor: 1_000_000 }, { publicContract: false, totalValueMinor: 20_000_000 }),
    ).toMatchObject({ outcome: "exempt", convertible: true, rule: "s.75(2)(a)" });
  });

  test("a below-threshold contract with no value recorded stays below threshold", () => {
    expect(
      test75({ valueDeltaMinor: 1_000_000 }, { publicContract: false, totalValueMinor: null }),
    ).toMatchObject({ outcome: "not_public_contract" });
  });

  test("a South African council's change is tested by MFMA s.116(3), with no PA23 words", () => {
    const result = changeTest({
      jurisdiction: "ZA",
      contract: publicServices,
      proposed: { type: "novation", ...none },
      related: [],
      today: "2026-06-01",
    });
    expect(result).toMatchObject({ rulePack: "MFMA", rule: "MFMA s.116(3)", noticeRequired: false });
    expect(JSON.stringify(result)).not.toMatch(/Contract Change Notice|s\.75|light touch/);
  });
});

describe("section116Outstanding (MFMA s.116(3))", () => {
  const done = {
    councilTabledOn: "2026-05-01",
    councilResolutionReference: "C12/2026",
    communityNoticeOn: "2026-05-04",
    representationsCloseOn: "2026-05-18",
  };
  test.each([
    { name: "nothing recorded", steps: {}, today: "2026-06-01", outstanding: 2 },
    {
      name: "tabled only",
      steps: { ...done, communityNoticeOn: null, representationsCloseOn: null },
      today: "2026-06-01",
      outstanding: 1,
    },
    {
      name: "notice only",
      steps: { ...done, councilTabledOn: null, councilResolutionReference: null },
      today: "2026-06-01",
      outstanding: 1,
    },
    { name: "the day before representations close", steps: done, today: "2026-05-17", outstanding: 1 },
    { name: "the day representations close", steps: done, today: "2026-05-18", outstanding: 0 },
    { name: "after", steps: done, today: "2026-06-01", outstanding: 0 },
    {
      name: "tabling dated after today",
      steps: { ...done, councilTabledOn: "2026-05-19" },
      today: "2026-05-18",
      outstanding: 1,
    },
  ])("$name → $outstanding outstanding", ({ steps, today, outstanding }) => {
    const blank = {
      councilTabledOn: null,
      councilResolutionReference: null,
      communityNoticeOn: null,
      representationsCloseOn: null,
    };
    expect(section116Outstanding({ ...blank, ...steps }, today)).toHaveLength(outstanding);
  });

  test.each([
    {
      name: "a date without a resolution",
      steps: { councilTabledOn: "2026-05-01" },
      error: ["councilResolutionReference", "Enter the council's resolution or item reference."],
    },
    {
      name: "a notice without a closing date",
      steps: { communityNoticeOn: "2026-05-04" },
      error: ["representationsCloseOn", "Enter the date representations close."],
    },
    {
      name: "representations closing on the day of the notice",
      steps: { communityNoticeOn: "2026-05-04", representationsCloseOn: "2026-05-04" },
      error: ["representationsCloseOn", "Representations must close after the notice is given."],
    },
  ])("refuses $name", ({ steps, error }) => {
    const result = section116StepsInput.safeParse(steps);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(error);
  });
});

describe("decisionCheck: who decides (segregation of duties, delegation, the contract's SRO, MFMA)", () => {
  const delegation = tenantSettings({}).delegation; // sro ≤ £25,000, finance ≤ £100,000, board unlimited
  const noSteps = {
    councilTabledOn: null,
    councilResolutionReference: null,
    communityNoticeOn: null,
    representationsCloseOn: null,
  };
  const steps = {
    councilTabledOn: "2026-05-01",
    councilResolutionReference: "C12/2026",
    communityNoticeOn: "2026-05-04",
    representationsCloseOn: "2026-05-18",
  };
  test.each<{
    name: string;
    role: Role;
    userId: string;
    delta: number;
    jurisdiction?: "GB-ENG" | "ZA";
    decision?: "approve" | "reject";
    recorded?: typeof steps;
    because: string | null;
  }>([
    {
      name: "the contract's SRO, within the SRO limit",
      role: "sro",
      userId: "sro-1",
      delta: 2_500_000,
      because: null,
    },
    { name: "another SRO", role: "sro", userId: "sro-2", delta: 2_500_000, because: "not_contract_sro" },
    {
      name: "the contract's SRO, over the SRO limit",
      role: "sro",
      userId: "sro-1",
      delta: 2_500_001,
      because: "outside_delegation",
    },
    {
      name: "finance, on a change the table routes to the SRO (issue 7 §1.6)",
      role: "finance",
      userId: "fin",
      delta: 1_000,
      because: "outside_delegation",
    },
    {
      name: "finance, on a change the table routes to finance",
      role: "finance",
      userId: "fin",
      delta: 2_500_001,
      because: null,
    },
    {
      name: "the board, above the SRO, on a change routed to the SRO",
      role: "board",
      userId: "board",
      delta: 1_000,
      because: null,
    },
    {
      name: "finance, over its limit",
      role: "finance",
      userId: "fin",
      delta: 10_000_001,
      because: "outside_delegation",
    },
    { name: "the board, any amount", role: "board", userId: "board", delta: 999_999_999, because: null },
    {
      name: "a role not in the table",
      role: "contract_manager",
      userId: "cm-2",
      delta: 1,
      because: "outside_delegation",
    },
    { name: "the admin", role: "admin", userId: "admin", delta: 999_999_999, because: null },
    { name: "the requester, though SRO", role: "sro", userId: "requester", delta: 1, because: "own_request" },
    {
      name: "the requester, though admin",
      role: "admin",
      userId: "requester",
      delta: 1,
      because: "own_request",
    },
    {
      name: "the requester rejecting",
      role: "board",
      userId: "requester",
      delta: 1,
      decision: "reject",
      because: "own_request",
    },
    {
      name: "ZA, before the s.116(3) steps",
      role: "sro",
      userId: "sro-1",
      delta: 1,
      jurisdiction: "ZA",
      because: "section_116",
    },
    {
      name: "ZA, the admin before the steps",
      role: "admin",
      userId: "admin",
      delta: 1,
      jurisdiction: "ZA",
      because: "section_116",
    },
    {
      name: "ZA, after the steps",
      role: "sro",
      userId: "sro-1",
      delta: 1,
      jurisdiction: "ZA",
      recorded: steps,
      because: null,
    },
    {
      name: "ZA, rejecting needs no tabling",
      role: "sro",
      userId: "sro-1",
      delta: 1,
      jurisdiction: "ZA",
      decision: "reject",
      because: null,
    },
  ])("$name → $because", ({ role, userId, delta, jurisdiction, decision, recorded, because }) => {
    const result = decisionCheck({
      decision: decision ?? "approve",
      member: { role, userId },
      change: { requestedBy: "requester", valueDeltaMinor: delta, ...(recorded ?? noSteps) },
      contract: { sroId: "sro-1" },
      delegation,
      jurisdiction: jurisdiction ?? "GB-ENG",
      today: "2026-06-01",
    });
    expect(result.allowed ? null : result.because).toBe(because);
  });

  test("says why, in words", () => {
    const result = decisionCheck({
      decision: "approve",
      member: { role: "sro", userId: "requester" },
      change: { requestedBy: "requester", valueDeltaMinor: 1, ...noSteps },
      contract: { sroId: "requester" },
      delegation,
      jurisdiction: "GB-ENG",
      today: "2026-06-01",
    });
    expect(result).toEqual({
      allowed: false,
      because: "own_request",
      message: "You requested this change, so someone else must approve it (segregation of duties).",
    });
  });
});

describe("approverFor and canApprove (scheme of delegation)", () => {
  const delegation = tenantSettings({}).delegation; // sro ≤ £25,000, finance ≤ £100,000, board unlimited
  test.each([
    { delta: 0, approver: "sro" },
    { delta: 2_500_000, approver: "sro" },
    { delta: -2_500_000, approver: "sro" },
    { delta: 2_500_001, approver: "finance" },
    { delta: 10_000_000, approver: "finance" },
    { delta: 10_000_001, approver: "board" },
  ] as const)("$delta → $approver", ({ delta, approver }) => {
    expect(approverFor(delta, delegation)).toBe(approver);
  });

  test("reads the table in ascending order of limit, whatever order it is stored in", () => {
    expect(approverFor(1_000, [...delegation].reverse())).toBe("sro");
  });

  test("no entry covers the amount → nobody", () => {
    expect(approverFor(10_000_001, [{ role: "sro", upToMinor: 10_000_000 }])).toBeNull();
  });

  test.each<{ role: Role; delta: number; allowed: boolean }>([
    { role: "sro", delta: 2_500_000, allowed: true },
    { role: "sro", delta: -2_500_001, allowed: false },
    { role: "finance", delta: 1_000, allowed: false },
    { role: "finance", delta: 2_500_001, allowed: true },
    { role: "finance", delta: 10_000_001, allowed: false },
    { role: "board", delta: 999_999_999, allowed: true },
    { role: "admin", delta: 999_999_999, allowed: true },
    { role: "contract_manager", delta: 1, allowed: false },
  ])("$role approving $delta → $allowed", ({ role, delta, allowed }) => {
    expect(canApprove(role, delta, delegation)).toBe(allowed);
  });
});

describe("applyChange", () => {
  const contract = { endDate: "2026-03-31", totalValueMinor: 10_000_000, supplierId: "supplier-1" };
  test.each([
    {
      name: "extends the term",
      change: { ...none, termDeltaDays: 30 },
      endDate: "2026-04-30",
      total: 10_000_000,
    },
    {
      name: "shortens the term",
      change: { ...none, termDeltaDays: -31 },
      endDate: "2026-02-28",
      total: 10_000_000,
    },
    {
      name: "adds value",
      change: { ...none, valueDeltaMinor: 500_000 },
      endDate: "2026-03-31",
      total: 10_500_000,
    },
    {
      name: "both",
      change: { valueDeltaMinor: -500_000, termDeltaDays: 1 },
      endDate: "2026-04-01",
      total: 9_500_000,
    },
  ])("$name", ({ change, endDate, total }) => {
    expect(applyChange(contract, { ...change, newSupplierId: null })).toEqual({
      endDate,
      totalValueMinor: total,
      supplierId: "supplier-1",
    });
  });

  test("a novation moves the contract to the new supplier (Schedule 8 para 9)", () => {
    expect(applyChange(contract, { ...none, newSupplierId: "supplier-2" })).toMatchObject({
      supplierId: "supplier-2",
    });
  });

  test.each([
    {
      name: "a term change with no end date",
      values: { ...contract, endDate: null },
      change: { ...none, termDeltaDays: 1 },
    },
    {
      name: "a value change with no value",
      values: { ...contract, totalValueMinor: null },
      change: { ...none, valueDeltaMinor: 1 },
    },
    { name: "a negative total", values: contract, change: { ...none, valueDeltaMinor: -10_000_001 } },
  ])("refuses $name", ({ values, change }) => {
    expect(() => applyChange(values, { ...change, newSupplierId: null })).toThrow(DomainError);
  });

  test("a scope change with no deltas leaves missing values alone", () => {
    expect(
      applyChange(
        { endDate: null, totalValueMinor: null, supplierId: null },
        { ...none, newSupplierId: null },
      ),
    ).toEqual({ endDate: null, totalValueMinor: null, supplierId: null });
  });
});

describe("changeRequestInput", () => {
  const valid = {
    type: "value",
    reason: "legislation",
    description: "New waste regulations",
    valueDeltaMinor: 100,
  };
  test("every reason has a label", () => {
    expect(changeReasons.every((reason) => changeReasonLabels[reason].length > 0)).toBe(true);
  });
  test.each([
    { name: "a value change", input: valid, error: null },
    {
      name: "a scope change with no deltas",
      input: { ...valid, type: "scope", valueDeltaMinor: 0 },
      error: null,
    },
    {
      name: "a novation with its new supplier",
      input: {
        ...valid,
        type: "novation",
        valueDeltaMinor: 0,
        newSupplierId: "0190a1b2-0000-7000-8000-000000000001",
      },
      error: null,
    },
    {
      name: "a novation without the new supplier",
      input: { ...valid, type: "novation", valueDeltaMinor: 0 },
      error: ["newSupplierId", "Choose the supplier that takes the contract over."],
    },
    {
      name: "earlier changes named without a reason (s.75(4))",
      input: { ...valid, relatedChangeIds: ["0190a1b2-0000-7000-8000-000000000001"] },
      error: [
        "relatedChangesReason",
        "Say why these changes could reasonably have been made together with this one.",
      ],
    },
    {
      name: "earlier changes named with a reason",
      input: {
        ...valid,
        relatedChangeIds: ["0190a1b2-0000-7000-8000-000000000001"],
        relatedChangesReason: "Both extend the same rounds",
      },
      error: null,
    },
    {
      name: "a value change of zero",
      input: { ...valid, valueDeltaMinor: 0 },
      error: ["valueDeltaMinor", "Enter how much the total value goes up, or down as a negative amount."],
    },
    {
      name: "a term change of zero days",
      input: { ...valid, type: "term" },
      error: ["termDeltaDays", "Enter how many days the end date moves, negative to shorten the contract."],
    },
    {
      name: "fractional pence",
      input: { ...valid, valueDeltaMinor: 1.5 },
      error: ["valueDeltaMinor", "Enter the change in value as a whole number of pence/cents."],
    },
    {
      name: "no description",
      input: { ...valid, description: "  " },
      error: ["description", "Describe what changes and why."],
    },
    {
      name: "an unknown reason",
      input: { ...valid, reason: "whim" },
      error: ["reason", "Choose the reason for the change."],
    },
  ])("$name", ({ input, error }) => {
    const result = changeRequestInput.safeParse(input);
    if (error === null) {
      expect(result.success).toBe(true);
    } else {
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(
        error,
      );
    }
  });
});

describe("canWithdraw", () => {
  test.each([
    { role: "contract_manager", userId: "u1", requestedBy: "u1", expected: true },
    { role: "sro", userId: "u2", requestedBy: "u1", expected: false },
    { role: "admin", userId: "u3", requestedBy: "u1", expected: true },
  ] as const)(
    "$role $userId on a change by $requestedBy: $expected",
    ({ role, userId, requestedBy, expected }) => {
      expect(canWithdraw({ role, userId }, requestedBy)).toBe(expected);
    },
  );
});
