import { describe, expect, test } from "vitest";
import { parseRegisterCsv } from "./parse-register.ts";

describe("parseRegisterCsv", () => {
  test("parses and suggests a mapping for the header on row 1", () => {
    const parsed = parseRegisterCsv(
      '\uFEFFContract Reference,Contract Title,Supplier Name,Value of contract,Notes\r\nC-1,Meals,Acme,"£1,000",\r\n',
    );
    expect(parsed).toEqual({
      header: ["Contract Reference", "Contract Title", "Supplier Name", "Value of contract", "Notes"],
      rows: [["C-1", "Meals", "Acme", "£1,000", ""]],
      mapping: ["reference", "title", "supplierName", "totalValueMinor", null],
      headerRowNumber: 1,
    });
  });

  test("finds a header below title rows", () => {
    const parsed = parseRegisterCsv(
      [
        "Anytown Borough Council contracts register,,",
        "Published 1 April 2025,,",
        ",,",
        "Reference, Title ,End date",
        "C-1,Meals,31/03/2026",
      ].join("\n"),
    );
    expect(parsed.headerRowNumber).toBe(4);
    expect(parsed.header).toEqual(["Reference", "Title", "End date"]);
    expect(parsed.mapping).toEqual(["reference", "title", "endDate"]);
    expect(parsed.rows).toEqual([["C-1", "Meals", "31/03/2026"]]);
  });

  test("a file with no recognisable header still uses row 1", () => {
    const parsed = parseRegisterCsv("a,b\n1,2\n");
    expect(parsed).toEqual({
      header: ["a", "b"],
      rows: [["1", "2"]],
      mapping: [null, null],
      headerRowNumber: 1,
    });
  });

  test("an empty file", () => {
    expect(parseRegisterCsv("")).toEqual({ header: [], rows: [], mapping: [], headerRowNumber: 1 });
  });
});
