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

describe("invoices", () => {
  it("records invoices, days to pay, 30-day compliance and a warning when they pass the contract value", async () => {
    const { caller } = await callerFor(test, { userId: council.users.finance, tenantId: council.tenantId });
    const manager = (
      await callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId })
    ).caller;
    const { id: contractId } = await manager.contracts.create({
      reference: "INV-1",
      title: "Catering",
      category: "services",
      currency: "GBP",
      totalValueMinor: 1_000_000,
    });
    await caller.invoices.create({
      contractId,
      invoice: { invoiceNumber: "A1", amountMinor: 600_000, receivedOn: "2026-01-01", paidOn: "2026-01-31" },
    });
    const late = await caller.invoices.create({
      contractId,
      invoice: { invoiceNumber: "A2", amountMinor: 500_000, receivedOn: "2026-02-01" },
    });
    expect(
      (
        await refusal(
          caller.invoices.create({
            contractId,
            invoice: { invoiceNumber: "A1", amountMinor: 1, receivedOn: "2026-03-01" },
          }),
        )
      ).fieldErrors,
    ).toEqual({
      invoiceNumber: "Already recorded for this contract: check the number.",
    });
    // Renumbering an invoice to one the contract already has breaks the same unique key, with the same answer.
    expect(
      (
        await refusal(
          caller.invoices.update({
            invoiceId: late.id,
            version: 1,
            invoice: { invoiceNumber: "A1", amountMinor: 500_000, receivedOn: "2026-02-01" },
          }),
        )
      ).fieldErrors,
    ).toEqual({
      invoiceNumber: "Already recorded for this contract: check the number.",
    });
    await caller.invoices.update({
      invoiceId: late.id,
      version: 1,
      invoice: { invoiceNumber: "A2", amountMinor: 500_000, receivedOn: "2026-02-01", paidOn: "2026-04-02" },
    });
    const result = await caller.invoices.list({ contractId });
    expect(result.invoices.map((invoice) => [invoice.invoiceNumber, invoice.daysToPay])).toEqual([
      ["A2", 60],
      ["A1", 30],
    ]);
    // PA23 s.68(2): received 1 January, paid 31 January is day 31 of the 30 days beginning with receipt: late.
    expect(
      result.invoices.map((invoice) => [invoice.invoiceNumber, invoice.deadline, invoice.standing]),
    ).toEqual([
      ["A2", "2026-03-02", "paid_late"],
      ["A1", "2026-01-30", "paid_late"],
    ]);
    expect(result.compliance).toMatchObject({
      paidCount: 2,
      paidOnTimeCount: 0,
      paidLateCount: 2,
      percentPaidOnTime: 0,
      bands: { upToDay30: 50, day31to60: 50, day61OrLater: 0 },
    });
    expect(result.spend).toMatchObject({ spentMinor: 1_100_000, overValue: true });
    expect(result.spend.warning).toBeTruthy();
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect(
      (
        await refusal(
          viewer.invoices.create({
            contractId,
            invoice: { invoiceNumber: "V", amountMinor: 1, receivedOn: "2026-01-01" },
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("marks an invoice disputed and clears it, audited, leaving it out of lateness while disputed", async () => {
    const { caller } = await callerFor(test, { userId: council.users.finance, tenantId: council.tenantId });
    const manager = (
      await callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId })
    ).caller;
    const { id: contractId } = await manager.contracts.create({
      reference: "INV-DISPUTE",
      title: "Fleet hire",
      category: "services",
      currency: "GBP",
    });
    const { id: invoiceId } = await caller.invoices.create({
      contractId,
      invoice: { invoiceNumber: "D1", amountMinor: 10_000, receivedOn: "2026-01-01" },
    });
    const standing = async () => (await caller.invoices.list({ contractId })).invoices[0]?.standing;
    expect(await standing()).toBe("unpaid_late");
    expect(
      (
        await refusal(
          caller.invoices.setDispute({
            invoiceId,
            version: 1,
            dispute: { disputedOn: "2025-12-31", reason: "Wrong rate" },
          }),
        )
      ).fieldErrors,
    ).toEqual({ "dispute.disputedOn": "Give a date on or after the day the invoice was received." });
    const { version } = await caller.invoices.setDispute({
      invoiceId,
      version: 1,
      dispute: { disputedOn: "2026-01-05", reason: "Wrong rate" },
    });
    const listed = await caller.invoices.list({ contractId });
    expect(listed.invoices[0]).toMatchObject({
      standing: "disputed",
      disputedOn: "2026-01-05",
      disputeReason: "Wrong rate",
    });
    expect(listed.compliance).toMatchObject({ unpaidLateCount: 0, disputedCount: 1 });
    const detail = await caller.contracts.get({ contractId });
    expect(detail.obligations.find((o) => o.key === "invoices_paid_on_time")?.status).toBe("met");
    expect((await refusal(caller.invoices.setDispute({ invoiceId, version: 1, dispute: null }))).code).toBe(
      "CONFLICT",
    );
    await caller.invoices.setDispute({ invoiceId, version, dispute: null });
    expect(await standing()).toBe("unpaid_late");
    const history = await caller.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toEqual(
      expect.arrayContaining(["invoice.disputed", "invoice.dispute_cleared"]),
    );
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await refusal(viewer.invoices.setDispute({ invoiceId, version: 3, dispute: null }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("applies MFMA s.65(2)(e) for a South African council: 30 days after receipt, no due-date extension", async () => {
    const za = await createTenantFixture(test, { jurisdiction: "ZA" });
    const { caller } = await callerFor(test, { userId: za.users.finance, tenantId: za.tenantId });
    const manager = (await callerFor(test, { userId: za.users.contract_manager, tenantId: za.tenantId }))
      .caller;
    const { id: contractId } = await manager.contracts.create({
      reference: "ZA-INV",
      title: "Water meters",
      category: "goods",
      currency: "ZAR",
    });
    await caller.invoices.create({
      contractId,
      invoice: { invoiceNumber: "Z1", amountMinor: 10_000, receivedOn: "2026-01-01", paidOn: "2026-01-31" },
    });
    await caller.invoices.create({
      contractId,
      invoice: {
        invoiceNumber: "Z2",
        amountMinor: 10_000,
        receivedOn: "2026-01-01",
        dueOn: "2026-01-20",
        paidOn: "2026-02-01",
      },
    });
    const listed = await caller.invoices.list({ contractId });
    expect(
      listed.invoices.map((invoice) => [invoice.invoiceNumber, invoice.deadline, invoice.standing]),
    ).toEqual(
      expect.arrayContaining([
        ["Z1", "2026-01-31", "paid_on_time"],
        ["Z2", "2026-01-31", "paid_late"],
      ]),
    );
    expect(listed.compliance.rule).toMatchObject({ source: "MFMA s.65(2)(e)", reg38: false });
  });
});
