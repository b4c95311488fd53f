import { describe, expect, test } from "vitest";
import type { ContractInput } from "../contracts/contract-input.ts";
import { parseRegisterCsv } from "./parse-register.ts";
import { type ImportManagerCheck, newSupplierId, planRegisterImport, type StoredContract } from "./plan.ts";
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

function plan(
  csv: string,
  stored: StoredContract<string>[],
  managerCheck: ImportManagerCheck<string> = () => null,
) {
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
    managerCheck,
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

  test("a manager the council's training setting refuses makes a problem row; one it warns of is listed (issue 10 §6)", () => {
    const asked: { reference: string; stored: string | null }[] = [];
    const result = plan(
      `${header}NEW-1,Street cleansing,Green Spaces Ltd,01/04/2025,31/03/2027,50000,Services\r\n` +
        `NEW-2,Litter,Green Spaces Ltd,01/04/2025,31/03/2027,50000,Services\r\n` +
        `OLD-1,Grounds maintenance,Green Spaces Ltd,01/04/2025,31/03/2029,50000,Services\r\n` +
        `OLD-2,Parks,Green Spaces Ltd,01/04/2025,31/03/2028,50000,Services\r\n`,
      [
        {
          reference: "OLD-1",
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
      ({ after, stored }) => {
        asked.push({ reference: after.reference, stored });
        if (after.reference === "NEW-1")
          return { outcome: "block", reason: "Ann has no current completion." };
        if (after.reference === "OLD-1") return { outcome: "warn", reason: "Bob has no current completion." };
        return { outcome: "ok" };
      },
    );
    // Asked for each addition and each update, with the stored contract an update changes; not for OLD-2,
    // which the file leaves as it is.
    expect(asked).toEqual([
      { reference: "NEW-1", stored: null },
      { reference: "NEW-2", stored: null },
      { reference: "OLD-1", stored: "first" },
    ]);
    expect(result.additions.map((row) => row.reference)).toEqual(["NEW-2"]);
    expect(result.updates.map((row) => row.reference)).toEqual(["OLD-1"]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        field: "contractManager",
        message: expect.stringContaining("Row 2: Ann has no current completion. This council refuses"),
      }),
    ]);
    expect(result.problemRowCount).toBe(1);
    expect(result.managerWarnings).toEqual([
      { rowNumber: 4, reference: "OLD-1", reason: "Bob has no current completion." },
    ]);
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
