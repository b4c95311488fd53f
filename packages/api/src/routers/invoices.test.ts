import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
  council = await createTenantFixture(test);
});
afterAll(() => test.close());

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
    expect(result.compliance).toMatchObject({ paidCount: 2, paidWithin30Count: 1, percentWithin30: 50 });
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
});
