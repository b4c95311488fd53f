import { describe, expect, test } from "vitest";
import { suggestMapping } from "./columns.ts";
import type { ColumnMapping } from "./fields.ts";
import { type ImportDefaults, validateImport } from "./rows.ts";

const header = [
  "Contract Reference",
  "Title",
  "Description",
  "Category",
  "CPV code",
  "Department",
  "Supplier Name",
  "Companies House number",
  "SME",
  "VCSE",
  "Start Date",
  "End Date",
  "Contract Value",
  "Procurement route",
];
type Cells = Record<(typeof header)[number], string>;
const base: Cells = {
  "Contract Reference": "C-001",
  Title: "Grounds maintenance",
  Description: "Parks and open spaces",
  Category: "Services",
  "CPV code": "77310000",
  Department: "Environment",
  "Supplier Name": "Green Spaces Ltd",
  "Companies House number": "01234567",
  SME: "Y",
  VCSE: "N",
  "Start Date": "01/04/2025",
  "End Date": "31/03/2028",
  "Contract Value": "£150,000.00",
  "Procurement route": "Open procedure",
};
const row = (changes: Partial<Cells> = {}) => header.map((column) => ({ ...base, ...changes })[column] ?? "");
const defaults: ImportDefaults = { currency: "GBP" };
const check = (rows: string[][], mapping: ColumnMapping = suggestMapping(header), headerRow = header) =>
  validateImport({ header: headerRow, rows, mapping, defaults });

describe("validateImport: a clean row", () => {
  test("becomes a contract with supplier details and its spreadsheet row number", () => {
    const result = check([row()]);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toEqual([
      {
        rowNumber: 2,
        reference: "C-001",
        title: "Grounds maintenance",
        description: "Parks and open spaces",
        category: "services",
        cpvCode: "77310000",
        serviceArea: "Environment",
        contractManagerId: null,
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
        publicContract: null,
        corporatePriority: false,
        keyPublicService: false,
        serviceRisk: "low",
        status: "active",
        lifecycleStage: "delivery",
        supplierName: "Green Spaces Ltd",
        supplierRegistrationNumber: "01234567",
        supplierIsSme: true,
        supplierIsVcse: false,
      },
    ]);
  });

  test("blank lines are skipped but still counted, like spreadsheet rows", () => {
    const result = check([row(), header.map(() => ""), row({ "Contract Reference": "C-002" })]);
    expect(result.valid.map((contract) => contract.rowNumber)).toEqual([2, 4]);
  });
});

describe("validateImport: problems say what to fix", () => {
  test("an impossible date", () => {
    const result = check([
      row({ "Contract Reference": "C-002" }),
      row({ "Contract Reference": "C-003" }),
      row({ "Contract Reference": "C-004" }),
      row({ "Contract Reference": "C-005", "End Date": "31/02/2025" }),
    ]);
    expect(result.valid.map((contract) => contract.rowNumber)).toEqual([2, 3, 4]);
    expect(result.problems).toEqual([
      {
        rowNumber: 5,
        field: "endDate",
        message: "Row 5: end date 31/02/2025 is not a real date — use DD/MM/YYYY.",
        value: "31/02/2025",
      },
    ]);
  });

  test("a month-first date is not guessed, but the message offers it", () => {
    const result = check([row({ "Start Date": "04/13/2025", "End Date": "" })]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "Row 2: start date 04/13/2025 is not a real date — dates are read day first (DD/MM/YYYY); if you mean 13 April 2025, write 13/04/2025.",
    ]);
  });

  test("a year alone, words, an end before the start", () => {
    expect(check([row({ "Start Date": "2025" })]).problems[0]?.message).toBe(
      "Row 2: start date 2025 is only a year — give the full date as DD/MM/YYYY.",
    );
    expect(check([row({ "Start Date": "next spring" })]).problems[0]?.message).toBe(
      'Row 2: start date "next spring" is not a date — use DD/MM/YYYY.',
    );
    expect(check([row({ "End Date": "01/01/2025" })]).problems[0]?.message).toBe(
      "Row 2: end date 01/01/2025 is before the start date 01/04/2025 — check both dates.",
    );
  });

  test("blank reference and title, bad amount, negative amount, bad CPV, unknown currency", () => {
    const messages = (changes: Partial<Cells>) =>
      check([row(changes)]).problems.map((problem) => problem.message);
    expect(messages({ "Contract Reference": " " })).toEqual([
      "Row 2: reference is blank — every contract needs its own reference.",
    ]);
    expect(messages({ Title: "" })).toEqual(["Row 2: title is blank — give the contract a title."]);
    expect(messages({ "Contract Value": "about 5k" })).toEqual([
      'Row 2: total value "about 5k" is not an amount — use a number such as 1234.56 or £1,234.56, or leave it blank.',
    ]);
    expect(messages({ "Contract Value": "-500" })).toEqual([
      "Row 2: total value -500 is negative — a contract value cannot be; enter it without a minus sign or brackets.",
    ]);
    expect(messages({ "CPV code": "Parks" })).toEqual([
      "Row 2: CPV code Parks is not a CPV code — use 8 digits such as 90511000.",
    ]);
  });

  test("text longer than the register allows", () => {
    expect(check([row({ Title: "x".repeat(301) })]).problems[0]?.message).toBe(
      "Row 2: title is 301 characters — the most allowed is 300; shorten it.",
    );
  });

  test("duplicate references within the file, ignoring case and spacing", () => {
    const result = check([
      row({ "Contract Reference": "C-001", "Supplier Name": "A Ltd" }),
      row({ "Contract Reference": "C-002" }),
      row({ "Contract Reference": " c-001 ", "Supplier Name": "B Ltd" }),
    ]);
    expect(result.problems).toEqual([
      {
        rowNumber: 2,
        field: "reference",
        message:
          "Row 2: reference C-001 is also used on row 4 — give each contract its own reference (for example add the lot or the supplier to it).",
        value: "C-001",
      },
      {
        rowNumber: 4,
        field: "reference",
        message:
          "Row 4: reference c-001 is also used on row 2 — give each contract its own reference (for example add the lot or the supplier to it).",
        value: " c-001 ",
      },
    ]);
    expect(result.valid.map((contract) => contract.reference)).toEqual(["C-002"]);
  });

  test("a repeated row is named as a copy", () => {
    const result = check([row(), row()]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "Row 2: reference C-001 is also used on row 3 — give each contract its own reference (for example add the lot or the supplier to it).",
      "Row 3: this row repeats row 2 in every imported column — delete one of them.",
    ]);
  });

  test("a row with more cells than the header (an unquoted comma)", () => {
    const result = check([[...row(), "extra"]]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "Row 2: this row has 15 cells but the header has 14 — a value probably contains a comma without quotes around it.",
    ]);
  });

  test("mapping problems are reported once, on the header row", () => {
    const mapping = suggestMapping(header);
    mapping[0] = null; // no reference column
    mapping[12] = "startDate"; // a second start date
    const result = check([row()], mapping);
    expect(result.problems.filter((problem) => problem.rowNumber === 1)).toEqual([
      {
        rowNumber: 1,
        field: "startDate",
        message: "Columns K (Start Date) and M (Contract Value) are both mapped to Start date — keep one.",
        value: null,
      },
      {
        rowNumber: 1,
        field: "reference",
        message: "No column is mapped to Reference — choose the column that holds each contract's reference.",
        value: null,
      },
    ]);
    expect(result.problems.some((problem) => problem.rowNumber === 2 && problem.field === "reference")).toBe(
      false,
    );
    expect(result.valid).toEqual([]);
  });

  test("unrecognised flags and codes that affect tiering are problems", () => {
    const cols = ["Reference", "Title", "Corporate priority", "Service risk", "Status"];
    const result = validateImport({
      header: cols,
      rows: [["C-1", "Meals", "maybe", "severe", "Pipeline"]],
      mapping: suggestMapping(cols),
      defaults,
    });
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "Row 2: corporate priority flag maybe is not yes or no — use Yes or No.",
      "Row 2: service risk severe is not low, medium or high.",
      "Row 2: status Pipeline is not one of awarded, active, expired or terminated — Steward's register holds awarded contracts.",
    ]);
  });
});

describe("validateImport: warnings", () => {
  test("a value of 0 is imported as blank with a warning", () => {
    const result = check([row({ "Contract Value": "0" })]);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      {
        rowNumber: 2,
        field: "totalValueMinor",
        message: "Row 2: total value is 0 — left blank.",
        value: "0",
      },
    ]);
    expect(result.valid[0]?.totalValueMinor).toBeNull();
  });

  test("placeholders, abbreviated amounts, spreadsheet date numbers", () => {
    const result = check([row({ "Contract Value": "£1.2m", "Start Date": "45748", "End Date": "TBC" })]);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: start date 45748 read as a spreadsheet date number: 01/04/2025 — check it.",
      "Row 2: end date is TBC — left blank.",
      "Row 2: total value £1.2m read as £1,200,000.00 — the register holds a rounded figure; enter the exact value if you have it.",
    ]);
    expect(result.valid[0]).toMatchObject({
      startDate: "2025-04-01",
      endDate: null,
      totalValueMinor: 120_000_000,
    });
  });

  test("garbled characters and HTML are repaired with a warning; lost line breaks quietly", () => {
    const result = check([
      row({
        Title: "Parks â€“ grounds",
        Description: "<p>Mowing&nbsp;&amp; hedges</p>rnrnLot 2",
        "Supplier Name": "CafÃ© Ltd",
      }),
    ]);
    expect(result.valid[0]).toMatchObject({
      title: "Parks – grounds",
      description: "Mowing & hedges\n\nLot 2",
      supplierName: "Café Ltd",
    });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'Row 2: title had garbled characters, repaired ("â€“" → "–") — check the text.',
      "Row 2: description contained HTML — converted to plain text.",
      'Row 2: supplier name had garbled characters, repaired ("Ã©" → "é") — check the text.',
    ]);
  });

  test("category: blank or unclear cells fall back to the CPV division, then to services", () => {
    const result = check([
      row({ "Contract Reference": "C-1", Category: "", "CPV code": "45210000" }),
      row({ "Contract Reference": "C-2", Category: "Goods and services", "CPV code": "39000000" }),
      row({ "Contract Reference": "C-3", Category: "", "CPV code": "" }),
    ]);
    expect(result.valid.map((contract) => contract.category)).toEqual(["works", "goods", "services"]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: category is blank — set to works from CPV code 45210000 (division 45 is works); change it if that is wrong.",
      'Row 3: category "Goods and services" is not one of goods, services or works — set to goods from CPV code 39000000 (division 39 is goods); change it if that is wrong.',
      "Row 4: category is blank — set to services as there is no CPV code to go by; change it if that is wrong.",
    ]);
  });

  test("no category column: one warning on the header, and the tenant's default category", () => {
    const cols = ["Reference", "Title"];
    const result = validateImport({
      header: cols,
      rows: [["C-1", "Resurfacing"]],
      mapping: suggestMapping(cols),
      defaults: { currency: "GBP", category: "works" },
    });
    expect(result.warnings).toEqual([
      {
        rowNumber: 1,
        field: "category",
        message:
          "No column is mapped to Category or CPV code: every contract will be imported as works. Change goods and works contracts after the import.",
        value: null,
      },
    ]);
    expect(result.valid[0]?.category).toBe("works");
  });

  test("a Companies House number that lost its leading zero", () => {
    const result = check([row({ "Companies House number": "4142000" })]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: Companies House number 4142000 is shorter than 8 digits — read as 04142000 (a spreadsheet drops leading zeros); check it.",
    ]);
    expect(result.valid[0]?.supplierRegistrationNumber).toBe("04142000");
  });

  test("a charity number in a general registration column is left as it is", () => {
    const cols = ["Reference", "Title", "Registration number"];
    const result = validateImport({
      header: cols,
      rows: [["C-1", "Advice", "1012345"]],
      mapping: suggestMapping(cols),
      defaults,
    });
    expect(result.valid[0]?.supplierRegistrationNumber).toBe("1012345");
  });

  test("a currency other than the council's", () => {
    const cols = ["Reference", "Title", "Category", "Currency", "Value"];
    const result = validateImport({
      header: cols,
      rows: [["C-1", "Licences", "Goods", "usd", "1,000"]],
      mapping: suggestMapping(cols),
      defaults,
    });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Row 2: currency is USD, not your council's GBP — check the values are in USD.",
    ]);
    expect(result.valid[0]).toMatchObject({ currency: "USD", totalValueMinor: 100_000 });
  });

  test("an unknown procurement route is left blank with a warning naming it, never recorded as other", () => {
    const result = check([row({ "Procurement route": "Handshake" })]);
    expect(result.valid[0]?.procurementRoute).toBeNull();
    expect(result.warnings[0]?.message).toBe(
      "Row 2: procurement route Handshake is not one Steward knows — left blank; choose the route after the import.",
    );
  });

  test("a header below title rows keeps spreadsheet row numbers", () => {
    const result = validateImport({
      header,
      rows: [row({ "Contract Value": "0" })],
      mapping: suggestMapping(header),
      defaults,
      headerRowNumber: 4,
    });
    expect(result.valid[0]?.rowNumber).toBe(5);
    expect(result.warnings[0]?.message).toBe("Row 5: total value is 0 — left blank.");
  });
});
