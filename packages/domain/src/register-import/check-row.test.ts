import { describe, expect, test } from "vitest";
import { suggestMapping } from "./columns.ts";
import type { Member } from "./people.ts";
import { type ImportDefaults, validateImport } from "./rows.ts";

// Issue 7 §2: what real registers carry beyond the register's own fields.
const header = [
  "Buyer",
  "Reference",
  "Title",
  "Supplier name",
  "SME/VCSE",
  "Contract manager",
  "SRO",
  "End date",
  "Status",
  "Procurement route",
];
const members: Member[] = [
  {
    userId: "01890000-0000-7000-8000-000000000001",
    name: "Fiona Reid",
    email: "fiona.reid@oadby-wigston.gov.uk",
  },
  {
    userId: "01890000-0000-7000-8000-000000000002",
    name: "Sam Patel",
    email: "sam.patel@oadby-wigston.gov.uk",
  },
  {
    userId: "01890000-0000-7000-8000-000000000003",
    name: "Sam Patel",
    email: "s.patel2@oadby-wigston.gov.uk",
  },
];
const defaults: ImportDefaults = {
  currency: "GBP",
  councilName: "Oadby and Wigston Borough Council",
  members,
  today: "2026-12-01",
};
type Cells = Partial<Record<(typeof header)[number], string>>;
const base: Cells = { Reference: "OW-1", Title: "Leisure centre management", "End date": "31/03/2029" };
const rowOf = (cells: Cells) => header.map((column) => ({ ...base, ...cells })[column] ?? "");
const check = (...rows: Cells[]) => {
  const result = validateImport({ header, rows: rows.map(rowOf), mapping: suggestMapping(header), defaults });
  // Leave out the header's warning that the file has no category column.
  return { ...result, warnings: result.warnings.filter((warning) => warning.rowNumber > 1) };
};

describe("the buying council", () => {
  test("the column is suggested as the buyer", () => {
    expect(suggestMapping(["buyer_local_authority"])).toEqual(["buyer"]);
    expect(suggestMapping(header)[0]).toBe("buyer");
  });

  test.each(["Oadby and Wigston Borough Council", "Oadby & Wigston BC", "oadby and wigston", ""])(
    "%j is this council: imported",
    (buyer) => {
      expect(check({ Buyer: buyer }).valid).toHaveLength(1);
    },
  );

  test("a row of another council is a problem that names it, and is not imported", () => {
    const result = check({ Buyer: "London Borough of Merton" });
    expect(result.valid).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      `Row 2: this is London Borough of Merton's contract, not Oadby and Wigston Borough Council's — remove the row (import it into London Borough of Merton's register), or set the buying council column to "Not imported" if the file is yours.`,
    ]);
  });
});

describe("SME and VCSE from one column", () => {
  test.each([
    ["SME", true, false],
    ["VCSE", false, true],
    ["SME/VCSE", true, true],
    ["No", false, false],
    ["", null, null],
  ])("%j → SME %s, VCSE %s", (cell, isSme, isVcse) => {
    const [row] = check({ "SME/VCSE": cell }).valid;
    expect(row).toMatchObject({ supplierIsSme: isSme, supplierIsVcse: isVcse });
  });

  test('"Yes" is read as an SME, with a warning that it does not say which', () => {
    const result = check({ "SME/VCSE": "Yes" });
    expect(result.valid[0]).toMatchObject({ supplierIsSme: true, supplierIsVcse: false });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: SME/VCSE status Yes does not say which — read as an SME; mark the supplier as a VCSE if it is one.",
    ]);
  });

  test("an unknown value is a warning naming it, and both flags are left blank", () => {
    const result = check({ "SME/VCSE": "Partnership" });
    expect(result.valid[0]).toMatchObject({ supplierIsSme: null, supplierIsVcse: null });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: SME/VCSE status Partnership is not SME, VCSE, SME/VCSE, yes or no — left blank.",
    ]);
  });
});

describe("contract manager and SRO", () => {
  test("are matched to members by e-mail or by name", () => {
    const [row] = check({
      "Contract manager": "FIONA.REID@oadby-wigston.gov.uk",
      SRO: "s.patel2@oadby-wigston.gov.uk",
    }).valid;
    expect(row).toMatchObject({
      contractManagerId: "01890000-0000-7000-8000-000000000001",
      sroId: "01890000-0000-7000-8000-000000000003",
    });
    expect(check({ "Contract manager": "fiona reid" }).valid[0]?.contractManagerId).toBe(
      "01890000-0000-7000-8000-000000000001",
    );
  });

  test("an unmatched or ambiguous name is left blank, warned about and listed once with its rows", () => {
    const result = check(
      { Reference: "OW-1", "Contract manager": "Jo Bloggs" },
      { Reference: "OW-2", "Contract manager": "jo bloggs", SRO: "Sam Patel" },
    );
    expect(result.valid.map((row) => [row.contractManagerId, row.sroId])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'Row 2: contract manager "Jo Bloggs" is not a member of this council — left blank; invite them, or set it after the import.',
      'Row 3: contract manager "jo bloggs" is not a member of this council — left blank; invite them, or set it after the import.',
      'Row 3: SRO "Sam Patel" matches 2 members — left blank; give their e-mail address to tell them apart, or set it after the import.',
    ]);
    expect(result.unmatchedPeople).toEqual([
      { field: "contractManager", text: "Jo Bloggs", reason: "unmatched", rowNumbers: [2, 3] },
      { field: "sro", text: "Sam Patel", reason: "ambiguous", rowNumbers: [3] },
    ]);
  });
});

describe("a contract whose end date has passed", () => {
  test.each([
    ["30/11/2026", "", "expired"],
    ["01/12/2026", "", "active"],
    ["30/11/2026", "Terminated", "terminated"],
    ["", "", "active"],
  ])("end %j, status %j → %s", (end, status, expected) => {
    expect(check({ "End date": end, Status: status }).valid[0]?.status).toBe(expected);
  });

  test("that the file calls active is imported as expired, with a warning", () => {
    const result = check({ "End date": "31/03/2025", Status: "Live" });
    expect(result.valid[0]?.status).toBe("expired");
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: status is Active but the end date 31/03/2025 has passed — imported as expired; record an extension if it runs on.",
    ]);
  });
});

describe("procurement routes in councils' words", () => {
  test.each([
    ["Restricted", "restricted"],
    ["Waiver", "direct_award"],
    ["Call-off from framework", "framework"],
  ])("%j → %s", (route, expected) => {
    const result = check({ "Procurement route": route });
    expect(result.valid[0]?.procurementRoute).toBe(expected);
    expect(result.warnings).toEqual([]);
  });
});
