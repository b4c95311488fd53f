import { describe, expect, test } from "vitest";
import type { ContractInput } from "../contracts/contract-input.ts";
import { importUpdate, updatableFieldsOf } from "./updates.ts";

const stored = {
  title: "Grounds maintenance",
  description: null,
  category: "services",
  cpvCode: null,
  serviceArea: "Environment",
  supplierId: "s-1",
  contractManagerId: "u-1",
  sroId: null,
  awardDate: null,
  signedDate: null,
  startDate: "2025-04-01",
  endDate: "2028-03-31",
  maxExtensionDate: null,
  noticeDate: null,
  annualValueMinor: null,
  totalValueMinor: 15_000_000,
  capitalValueMinor: null,
  currency: "GBP",
  procurementRoute: "open",
  lightTouch: false,
  publicContract: false,
  corporatePriority: false,
  keyPublicService: false,
  serviceRisk: "low",
  status: "active",
  lifecycleStage: "delivery",
} satisfies Omit<ContractInput, "reference">;
const describe_ = {
  currency: "GBP",
  locale: "en-GB",
  supplierName: (id: string) => ({ "s-1": "Green Spaces Ltd", "s-2": "Parks plc" })[id] ?? id,
  memberName: (id: string) => ({ "u-1": "Fiona Reid", "u-2": "Sam Patel" })[id] ?? id,
};
const all = updatableFieldsOf([
  "reference",
  "title",
  "supplierName",
  "contractManager",
  "endDate",
  "totalValueMinor",
  "procurementRoute",
]);

describe("importUpdate: re-importing a register updates what changed, field by field", () => {
  test("an identical row changes nothing", () => {
    expect(importUpdate(stored, stored, all, describe_)).toEqual({ values: {}, changes: [] });
  });

  test("each change is shown before → after in the register's words", () => {
    const update = importUpdate(
      stored,
      {
        ...stored,
        supplierId: "s-2",
        contractManagerId: "u-2",
        totalValueMinor: 16_000_000,
        procurementRoute: "framework",
      },
      all,
      describe_,
    );
    expect(update.values).toEqual({
      supplierId: "s-2",
      contractManagerId: "u-2",
      totalValueMinor: 16_000_000,
      procurementRoute: "framework",
    });
    expect(update.changes.map(({ label, before, after }) => `${label}: ${before} → ${after}`)).toEqual([
      "Supplier: Green Spaces Ltd → Parks plc",
      "Contract manager: Fiona Reid → Sam Patel",
      "Total value: £150,000.00 → £160,000.00",
      "Procurement route: Open procedure → Call-off from a framework",
    ]);
  });

  test("fields the file does not map are never changed", () => {
    const update = importUpdate(
      stored,
      { ...stored, serviceRisk: "high", description: "New" },
      all,
      describe_,
    );
    expect(update.changes).toEqual([]);
  });

  test("an unmatched person keeps the contract's current one", () => {
    const update = importUpdate(
      stored,
      { ...stored, contractManagerId: null },
      all,
      describe_,
      new Set(["contractManagerId"]),
    );
    expect(update.changes).toEqual([]);
    expect(
      importUpdate(stored, { ...stored, contractManagerId: null }, all, describe_).changes[0],
    ).toMatchObject({
      before: "Fiona Reid",
      after: "blank",
    });
  });

  test("an end date that has passed expires the contract even without a status column", () => {
    const update = importUpdate(
      stored,
      { ...stored, endDate: "2025-03-31", status: "expired" },
      all,
      describe_,
    );
    expect(update.changes.map(({ label, before, after }) => `${label}: ${before} → ${after}`)).toEqual([
      "End date: 31/03/2028 → 31/03/2025",
      "Status: Active → Expired",
    ]);
    // Without a status column, the default status of a row is not a change.
    expect(importUpdate({ ...stored, status: "terminated" }, stored, all, describe_).changes).toEqual([]);
  });
});
