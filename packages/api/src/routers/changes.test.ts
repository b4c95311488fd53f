import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;
let southAfrican: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
// One fresh council per test: no test depends on rows another made.
beforeEach(async () => {
  council = await createTenantFixture(test);
  southAfrican = await createTenantFixture(test, { jurisdiction: "ZA" });
});

type Role = keyof TenantFixture["users"];
const asMember = (fixture: TenantFixture, role: Role) =>
  callerFor(test, { userId: fixture.users[role], tenantId: fixture.tenantId }).then(({ caller }) => caller);
const as = (role: Role) => asMember(council, role);

async function createContract(
  reference: string,
  options: {
    category?: "goods" | "services" | "works";
    publicContract?: boolean;
    sro?: boolean;
    fixture?: TenantFixture;
  } = {},
) {
  const fixture = options.fixture ?? council;
  const caller = await asMember(fixture, "contract_manager");
  const { id } = await caller.contracts.create({
    reference,
    title: `Contract ${reference}`,
    category: options.category ?? "services",
    currency: fixture === council ? "GBP" : "ZAR",
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    // Two years; no extension: the maximum term is 729 days.
    totalValueMinor: 10_000_000,
    publicContract: options.publicContract ?? true,
    sroId: options.sro === false ? null : fixture.users.sro,
  });
  return id;
}

const valueChange = (valueDeltaMinor: number) => ({
  type: "value" as const,
  reason: "other" as const,
  description: "Additional sites added",
  valueDeltaMinor,
  termDeltaDays: 0,
});

describe("the PA23 change test (s.74–75)", () => {
  it("names the limb that exempts a change, and counts earlier changes only when they are named", async () => {
    const contractId = await createContract("CH-001");
    const manager = await as("contract_manager");
    const first = await manager.changes.preview({ contractId, valueDeltaMinor: 1_000_000, termDeltaDays: 0 });
    expect(first.test).toMatchObject({
      outcome: "exempt",
      noticeRequired: false,
      rule: "s.75(2)(a)",
      headline: "No Contract Change Notice needed: s.75(2)(a)",
    });
    const { id } = await manager.changes.request({ contractId, change: valueChange(600_000) });
    await (await as("sro")).changes.approve({ changeId: id, version: 1 });
    // +5% on its own is exempt, though an earlier +6% was approved (s.75(2) tests the change on its own).
    const alone = await manager.changes.request({ contractId, change: valueChange(500_000) });
    expect(alone.test).toMatchObject({ outcome: "exempt", rule: "s.75(2)(a)" });
    // Named as one that could reasonably have been made with it, 6% + 5% = 11% > 10% (s.75(4)–(5)).
    const together = await manager.changes.request({
      contractId,
      change: {
        ...valueChange(500_000),
        relatedChangeIds: [id],
        relatedChangesReason: "The same new estates, added in two steps",
      },
    });
    expect(together.test).toMatchObject({
      outcome: "notice_required",
      rule: "s.75(4)–(5)",
      because: "related_changes",
    });
    const [, second, third] = await manager.changes.list({ contractId });
    expect(second).toMatchObject({ changeNoticeRequired: false, relatedChangeIds: [] });
    expect(third).toMatchObject({ changeNoticeRequired: true, relatedChangeIds: [id] });
  });

  it("refuses to count a change that is not one of this contract's approved changes", async () => {
    const contractId = await createContract("CH-REL");
    const manager = await as("contract_manager");
    const { id } = await manager.changes.request({ contractId, change: valueChange(100_000) });
    const refused = await refusal(
      manager.changes.request({
        contractId,
        change: { ...valueChange(100_000), relatedChangeIds: [id], relatedChangesReason: "Same works" },
      }),
    );
    expect(refused.fieldErrors).toEqual({
      "change.relatedChangeIds": "Name only this contract's approved changes.",
    });
  });

  it("allows 15% for works, and says a light touch or below-threshold contract needs no notice", async () => {
    const manager = await as("contract_manager");
    const works = await createContract("CH-WORKS", { category: "works" });
    expect(
      (await manager.changes.preview({ contractId: works, valueDeltaMinor: 1_400_000, termDeltaDays: 0 }))
        .test,
    ).toMatchObject({ outcome: "exempt", rule: "s.75(2)(a)" });
    // £100,000 of services is under the threshold: by default not a public contract.
    const { id: below } = await manager.contracts.create({
      reference: "CH-BELOW",
      title: "Below threshold",
      category: "services",
      currency: "GBP",
      totalValueMinor: 10_000_000,
    });
    expect((await manager.contracts.get({ contractId: below })).contract.publicContract).toBe(false);
    expect(
      (await manager.changes.preview({ contractId: below, valueDeltaMinor: 5_000_000, termDeltaDays: 0 }))
        .test,
    ).toMatchObject({ outcome: "not_public_contract", noticeRequired: false, rule: "s.74(1)" });
    const { id: lightTouch } = await manager.contracts.create({
      reference: "CH-LTR",
      title: "Light touch",
      category: "services",
      currency: "GBP",
      totalValueMinor: 90_000_000,
      lightTouch: true,
    });
    expect((await manager.contracts.get({ contractId: lightTouch })).contract.publicContract).toBe(true);
    expect(
      (
        await manager.changes.preview({
          contractId: lightTouch,
          valueDeltaMinor: 50_000_000,
          termDeltaDays: 0,
        })
      ).test,
    ).toMatchObject({ outcome: "light_touch", rule: "s.75(6)(b)" });
  });

  it("presumes a notice, as an outcome, when the register lacks the value", async () => {
    const manager = await as("contract_manager");
    const { id } = await manager.contracts.create({
      reference: "CH-NOVAL",
      title: "No value",
      category: "goods",
      currency: "GBP",
      publicContract: true,
    });
    const preview = await manager.changes.preview({ contractId: id, valueDeltaMinor: 100, termDeltaDays: 0 });
    expect(preview.test).toMatchObject({
      outcome: "notice_required",
      because: "not_measured",
      value: { status: "not_measured", missing: "the contract's estimated value" },
    });
  });

  it("a novation always needs a notice and, approved, moves the contract to the new supplier", async () => {
    const contractId = await createContract("CH-NOV");
    const manager = await as("contract_manager");
    const { id: supplierId } = await manager.suppliers.create({ name: "Successor Holdings Ltd" });
    const { id, test: result } = await manager.changes.request({
      contractId,
      change: {
        type: "novation",
        reason: "other",
        description: "The supplier's business transferred to its parent on a restructuring",
        newSupplierId: supplierId,
      },
    });
    expect(result).toMatchObject({ outcome: "notice_required", because: "novation" });
    await (await as("sro")).changes.approve({ changeId: id, version: 1 });
    expect((await manager.contracts.get({ contractId })).contract.supplierId).toBe(supplierId);
  });
});

describe("who decides", () => {
  it("names the person who approved, and applies the change keeping the values as awarded", async () => {
    const contractId = await createContract("CH-APPLY");
    const manager = await as("contract_manager");
    const { id } = await manager.changes.request({
      contractId,
      change: {
        type: "term",
        reason: "other",
        description: "Three-month extension",
        valueDeltaMinor: 0,
        termDeltaDays: 60,
      },
    });
    await (await as("sro")).changes.approve({ changeId: id, version: 1, note: "Agreed at board" });
    const page = await manager.contracts.get({ contractId });
    expect(page.contract).toMatchObject({ endDate: "2027-03-01", originalEndDate: "2026-12-31" });
    const [change] = await manager.changes.list({ contractId });
    expect(change).toMatchObject({
      status: "approved",
      decidedByRole: "sro",
      decidedByName: `sro of ${council.slug}`,
      requestedByName: `contract_manager of ${council.slug}`,
      appliedFrom: { endDate: "2026-12-31" },
    });
    const history = await manager.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toEqual([
      "change.approved",
      "change.requested",
      "contract.created",
    ]);
  });

  it("follows the scheme of delegation: an SRO cannot approve above their limit", async () => {
    const contractId = await createContract("CH-DELEG");
    expect((await (await as("viewer")).contracts.get({ contractId })).contract.tier).toBe("medium");
    const manager = await as("contract_manager");
    // The default delegation: SRO up to £25,000, finance up to £100,000, board above.
    const { id } = await manager.changes.request({ contractId, change: valueChange(5_000_000) });
    const refused = await refusal((await as("sro")).changes.approve({ changeId: id, version: 1 }));
    expect(refused.code).toBe("FORBIDDEN");
    await (await as("finance")).changes.approve({ changeId: id, version: 1 });
    expect((await manager.contracts.get({ contractId })).contract.totalValueMinor).toBe(15_000_000);
    // £150,000 over two years is £75,000 a year: the approved change re-tiers the contract from Medium to High.
    expect((await manager.contracts.get({ contractId })).contract).toMatchObject({
      tier: "high",
      retierRequested: false,
    });
  });

  it("the requester cannot approve their own change (segregation of duties)", async () => {
    const contractId = await createContract("CH-OWN");
    const sro = await as("sro");
    const { id } = await sro.changes.request({ contractId, change: valueChange(100_000) });
    const [listed] = await sro.changes.list({ contractId });
    expect(listed).toMatchObject({
      canApprove: false,
      approvalRefusal: "You requested this change, so someone else must approve it (segregation of duties).",
    });
    expect((await refusal(sro.changes.approve({ changeId: id, version: 1 }))).code).toBe("FORBIDDEN");
    await (await as("board")).changes.approve({ changeId: id, version: 1 });
  });

  it("a change routed to the SRO of a contract with no SRO goes to a role above, never to finance", async () => {
    const contractId = await createContract("CH-NOSRO", { sro: false });
    const manager = await as("contract_manager");
    const { id } = await manager.changes.request({ contractId, change: valueChange(100_000) });
    const refused = await refusal((await as("sro")).changes.approve({ changeId: id, version: 1 }));
    expect(refused.code).toBe("FORBIDDEN");
    // Issue 7 §1.6: finance decides only the changes the table routes to finance.
    const finance = await as("finance");
    expect((await refusal(finance.changes.approve({ changeId: id, version: 1 }))).code).toBe("FORBIDDEN");
    expect((await finance.changes.list({ contractId }))[0]).toMatchObject({
      canApprove: false,
      approvalRefusal:
        "The scheme of delegation routes a change of this value to the Senior responsible officer; finance decides only the changes routed to finance.",
    });
    await (await as("board")).changes.approve({ changeId: id, version: 1 });
  });

  it("refuses to decide a change twice and lets only its requester withdraw it", async () => {
    const contractId = await createContract("CH-TWICE");
    const manager = await as("contract_manager");
    const { id } = await manager.changes.request({ contractId, change: valueChange(100_000) });
    expect((await refusal((await as("sro")).changes.withdraw({ changeId: id, version: 1 }))).code).toBe(
      "FORBIDDEN",
    );
    await manager.changes.withdraw({ changeId: id, version: 1 });
    expect((await refusal((await as("sro")).changes.approve({ changeId: id, version: 2 }))).code).toBe(
      "CONFLICT",
    );
  });

  it("gives field errors for an incomplete change", async () => {
    const contractId = await createContract("CH-FIELDS");
    const refused = await refusal(
      (await as("contract_manager")).changes.request({
        contractId,
        change: { type: "value", reason: "other", description: "", valueDeltaMinor: 0, termDeltaDays: 0 },
      }),
    );
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(["change.description", "change.valueDeltaMinor"]);
  });
});

describe("a South African council's change (MFMA s.116(3))", () => {
  it("is approved only after council tabling and community notice, whoever approves", async () => {
    const contractId = await createContract("ZA-001", { fixture: southAfrican });
    const manager = await asMember(southAfrican, "contract_manager");
    const { id, test: result } = await manager.changes.request({ contractId, change: valueChange(100_000) });
    expect(result).toMatchObject({ rulePack: "MFMA", rule: "MFMA s.116(3)", noticeRequired: false });
    expect(JSON.stringify(result)).not.toMatch(/Contract Change Notice|s\.75/);
    for (const role of ["sro", "admin"] as const) {
      const refused = await refusal(
        (await asMember(southAfrican, role)).changes.approve({ changeId: id, version: 1 }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    const [waiting] = await manager.changes.list({ contractId });
    expect(waiting?.section116Outstanding).toHaveLength(2);

    const tabled = await manager.changes.recordSection116Steps({
      changeId: id,
      version: 1,
      steps: { councilTabledOn: "2026-01-20", councilResolutionReference: "Item 7.3, C45/2026" },
    });
    expect(tabled.outstanding).toHaveLength(1);
    expect(
      (await refusal((await asMember(southAfrican, "sro")).changes.approve({ changeId: id, version: 2 })))
        .code,
    ).toBe("FORBIDDEN");
    const noticed = await manager.changes.recordSection116Steps({
      changeId: id,
      version: 2,
      steps: {
        councilTabledOn: "2026-01-20",
        councilResolutionReference: "Item 7.3, C45/2026",
        communityNoticeOn: "2026-01-22",
        representationsCloseOn: "2026-02-05",
      },
    });
    expect(noticed.outstanding).toEqual([]);
    await (await asMember(southAfrican, "sro")).changes.approve({ changeId: id, version: 3 });
    const history = await manager.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toContain("change.section_116_recorded");
  });

  it("records the steps only for a South African council, with field errors for half a step", async () => {
    const contractId = await createContract("CH-116", {});
    const manager = await as("contract_manager");
    const { id } = await manager.changes.request({ contractId, change: valueChange(100_000) });
    const steps = { councilTabledOn: "2026-01-20", councilResolutionReference: "C1" };
    expect(
      (await refusal(manager.changes.recordSection116Steps({ changeId: id, version: 1, steps }))).code,
    ).toBe("FORBIDDEN");
    const za = await createContract("ZA-002", { fixture: southAfrican });
    const zaManager = await asMember(southAfrican, "contract_manager");
    const { id: zaChange } = await zaManager.changes.request({ contractId: za, change: valueChange(1) });
    const refused = await refusal(
      zaManager.changes.recordSection116Steps({
        changeId: zaChange,
        version: 1,
        steps: { councilTabledOn: "2026-01-20" },
      }),
    );
    expect(refused.fieldErrors).toEqual({
      "steps.councilResolutionReference": "Enter the council's resolution or item reference.",
    });
  });
});
