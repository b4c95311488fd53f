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

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
// One fresh council per test: no test depends on rows another made.
beforeEach(async () => {
  council = await createTenantFixture(test);
});

const as = (role: keyof TenantFixture["users"]) =>
  callerFor(test, { userId: council.users[role], tenantId: council.tenantId }).then(({ caller }) => caller);

async function createContract(reference: string, category: "goods" | "services" | "works" = "services") {
  const caller = await as("contract_manager");
  const { id } = await caller.contracts.create({
    reference,
    title: `Contract ${reference}`,
    category,
    currency: "GBP",
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    // Two years; no extension: the maximum term is 729 days.
    totalValueMinor: 10_000_000,
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

describe("contract changes", () => {
  it("says before the change whether a Contract Change Notice is needed, aggregating earlier changes", async () => {
    const contractId = await createContract("CH-001");
    const manager = await as("contract_manager");
    const first = await manager.changes.preview({ contractId, valueDeltaMinor: 1_000_000, termDeltaDays: 0 });
    expect(first.test).toMatchObject({ withinThreshold: true, changeNoticeRequired: false });
    const { id } = await manager.changes.request({ contractId, change: valueChange(600_000) });
    const sro = await as("sro");
    await sro.changes.approve({ changeId: id, version: 1 });
    // 6% approved + 5% proposed = 11% > 10% for services.
    const second = await manager.changes.preview({ contractId, valueDeltaMinor: 500_000, termDeltaDays: 0 });
    expect(second.test).toMatchObject({ withinThreshold: false, changeNoticeRequired: true });
    const requested = await manager.changes.request({ contractId, change: valueChange(500_000) });
    expect(requested.changeNoticeRequired).toBe(true);
  });

  it("allows 15% for works", async () => {
    const contractId = await createContract("CH-WORKS", "works");
    const manager = await as("contract_manager");
    const preview = await manager.changes.preview({
      contractId,
      valueDeltaMinor: 1_400_000,
      termDeltaDays: 0,
    });
    expect(preview.test).toMatchObject({ withinThreshold: true });
  });

  it("applies an approved change to the contract and keeps the values as awarded", async () => {
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

  it("explains the missing facts when the test cannot be run", async () => {
    const manager = await as("contract_manager");
    const { id } = await manager.contracts.create({
      reference: "CH-NOVAL",
      title: "No value",
      category: "goods",
      currency: "GBP",
    });
    const preview = await manager.changes.preview({ contractId: id, valueDeltaMinor: 100, termDeltaDays: 0 });
    expect(preview.test).toMatchObject({ changeNoticeRequired: true, unavailable: true });
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
