import { describe, expect, test } from "vitest";
import type { ContractInput } from "../contracts/contract-input.ts";
import { parseRegisterCsv } from "./parse-register.ts";
import { newSupplierId, planRegisterImport, type StoredContract } from "./plan.ts";
import { validateImport } from "./rows.ts";

const storedValues = (reference: string, title: string, endDate: string): ContractInput => ({
  reference,
  title,
  description: null,
  category: "services",
  cpvCode: null,
  serviceArea: null,
  supplierId: "s-1",
  contractManagerId: null,
  sroId: null,
  awardDate: null,
  signedDate: null,
  startDate: "2025-04-01",
  endDate,
  maxExtensionDate: null,
  noticeDate: null,
  annualValueMinor: null,
  totalValueMinor: 5_000_000,
  capitalValueMinor: null,
  currency: "GBP",
  procurementRoute: null,
  lightTouch: false,
  publicContract: false,
  corporatePriority: false,
  keyPublicService: false,
  serviceRisk: "low",
  status: "active",
  lifecycleStage: "delivery",
});

function plan(csv: string, stored: StoredContract<string>[]) {
  const parsed = parseRegisterCsv(csv);
  const validation = validateImport({
    header: parsed.header,
    rows: parsed.rows,
    mapping: parsed.mapping,
    defaults: { currency: "GBP", councilName: "Test Council", members: [], today: "2026-06-01" },
    headerRowNumber: parsed.headerRowNumber,
  });
  return planRegisterImport({
    validation,
    mapping: parsed.mapping,
    headerRowNumber: parsed.headerRowNumber,
    stored,
    knownSuppliers: [{ id: "s-1", name: "Green Spaces Ltd", registrationNumber: "01234567" }],
    members: [],
    council: { currency: "GBP", locale: "en-GB" },
  });
}

const header = "Reference,Title,Supplier Name,Start Date,End Date,Contract Value,Category\r\n";

describe("planRegisterImport: what an import would add, update and leave", () => {
  test("a new reference is an addition; a stored one with changes an update; an equal one unchanged", () => {
    const result = plan(
      `${header}NEW-1,Street cleansing,Green Spaces Ltd,01/04/2025,31/03/2027,50000,Services\r\n` +
        `OLD-1,Grounds maintenance,Green Spaces Ltd,01/04/2025,31/03/2029,50000,Services\r\n` +
        `OLD-2,Parks,Green Spaces Ltd,01/04/2025,31/03/2028,50000,Services\r\n`,
      [
        {
          reference: "old-1",
          archived: false,
          values: storedValues("OLD-1", "Grounds maintenance", "2028-03-31"),
          row: "first",
        },
        {
          reference: "OLD-2",
          archived: false,
          values: storedValues("OLD-2", "Parks", "2028-03-31"),
          row: "second",
        },
      ],
    );
    expect(result.additions.map((row) => row.reference)).toEqual(["NEW-1"]);
    expect(result.updates).toEqual([
      expect.objectContaining({
        rowNumber: 3,
        reference: "old-1",
        stored: "first",
        values: { endDate: "2029-03-31" },
      }),
    ]);
    expect(result.unchangedCount).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.supplierIdOf(2)).toBe("s-1");
  });

  test("a row matching an archived contract is a problem, not an update", () => {
    const result = plan(`${header}OLD-1,Grounds,Green Spaces Ltd,01/04/2025,31/03/2029,50000,Services\r\n`, [
      {
        reference: "OLD-1",
        archived: true,
        values: storedValues("OLD-1", "Grounds", "2028-03-31"),
        row: "x",
      },
    ]);
    expect(result.updates).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        field: "reference",
        message: expect.stringContaining("is archived"),
      }),
    ]);
    expect(result.problemRowCount).toBe(1);
  });

  test("a supplier the register lacks is created once and stands for itself until it has an id", () => {
    const result = plan(
      `${header}NEW-1,Cleansing,Brand New Ltd,01/04/2025,31/03/2027,50000,Services\r\n` +
        `NEW-2,Litter,Brand New Ltd,01/04/2025,31/03/2027,50000,Services\r\n`,
      [],
    );
    expect(result.suppliers.toCreate.map((supplier) => supplier.name)).toEqual(["Brand New Ltd"]);
    const key = result.suppliers.toCreate[0]?.key ?? "";
    expect(result.supplierIdOf(2)).toBe(newSupplierId(key));
    expect(result.supplierIdOf(3)).toBe(newSupplierId(key));
  });

  test("problems on the header are the mapping's, and count no row", () => {
    const result = plan("Reference,Supplier Name\r\nNEW-1,Green Spaces Ltd\r\n", []);
    expect(result.mappingProblems.length).toBeGreaterThan(0);
    expect(result.mappingProblems.every((issue) => issue.rowNumber <= 1)).toBe(true);
    expect(result.additions).toEqual([]);
  });
});
