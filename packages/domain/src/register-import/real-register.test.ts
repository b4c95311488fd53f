import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readDate } from "./dates.ts";
import { parseRegisterCsv } from "./parse-register.ts";
import { validateImport } from "./rows.ts";
import { cleanText } from "./text.ts";

/**
 * The real extract: 81 Contracts Finder award rows of UK councils (2025, OGL v3) in Transparency Code columns.
 * Every expectation below was read from the file itself.
 */
const file = new URL(
  "../../../../fixtures/registers/uk_la_contracts_contractsfinder_ocds_2025.csv",
  import.meta.url,
);
const text = readFileSync(file, "utf8");
const parsed = parseRegisterCsv(text);
const result = validateImport({ ...parsed, defaults: { currency: "GBP" } });
const column = (name: string) => parsed.header.indexOf(name);
const cellAt = (rowNumber: number, name: string) => parsed.rows[rowNumber - 2]?.[column(name)] ?? "";
const imported = (rowNumber: number) => result.valid.find((contract) => contract.rowNumber === rowNumber);

describe("the real Contracts Finder extract", () => {
  test("its header and the suggested mapping", () => {
    expect(parsed.headerRowNumber).toBe(1);
    expect(Object.fromEntries(parsed.header.map((name, index) => [name, parsed.mapping[index]]))).toEqual({
      buyer_local_authority: "buyer",
      reference_number: "reference",
      title_of_agreement: "title",
      description: "description",
      department: "serviceArea",
      supplier_name: "supplierName",
      supplier_party_id: null,
      supplier_companies_house_number: "supplierRegistrationNumber",
      supplier_scale: "supplierIsSme",
      supplier_vcse: "supplierIsVcse",
      start_date: "startDate",
      end_date: "endDate",
      review_date: null,
      contract_value: "totalValueMinor",
      currency: "currency",
      tender_estimated_value: null,
      tender_suitable_for_sme: null,
      tender_suitable_for_vcse: null,
      procurement_method: null,
      // The detailed procedure names framework call-offs and DPS; the OCDS code says only "selective".
      procurement_method_details: "procurementRoute",
      main_procurement_category: "category",
      cpv_code: "cpvCode",
      cpv_description: null,
      award_date: "awardDate",
      award_status: null,
      release_tag: null,
      ocid: null,
      release_id: null,
      release_date: null,
      source_file: null,
    });
  });

  test("81 data rows of 30 cells; CRLF line ends, no byte-order mark", () => {
    expect(text.startsWith("buyer_local_authority,")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(83); // header + 81 rows + the empty string after the last CRLF
    expect(parsed.rows).toHaveLength(81);
    expect(parsed.rows.every((row) => row.length === 30)).toBe(true);
  });

  test("contract values of 0 are warnings and imported as blank", () => {
    const zeroRows = [4, 11, 12, 13, 14, 15, 29, 30, 31, 32, 33, 45, 46, 47, 48, 49, 81];
    expect(
      parsed.rows.flatMap((row, index) => (row[column("contract_value")] === "0" ? [index + 2] : [])),
    ).toEqual(zeroRows);
    const zeroWarnings = result.warnings.filter((warning) => warning.field === "totalValueMinor");
    expect(zeroWarnings).toEqual(
      zeroRows.map((rowNumber) => ({
        rowNumber,
        field: "totalValueMinor",
        message: `Row ${rowNumber}: total value is 0 — left blank.`,
        value: "0",
      })),
    );
    // Somerset's Ham Hill visitor centre: £0 awarded against a £1.5m estimate; start before the award date.
    expect(cellAt(4, "buyer_local_authority")).toBe("SOMERSET COUNCIL");
    expect(cellAt(4, "tender_estimated_value")).toBe("1500000");
    expect(imported(4)).toMatchObject({
      reference: "6e9d3c6a-53d8-4238-8b93-5a2c3d1954b4",
      title: "Construction project for a new Visitor Centre in Ham Hill Country Park.",
      category: "works",
      cpvCode: "45210000",
      awardDate: "2025-03-11",
      startDate: "2025-01-03",
      endDate: "2025-09-29",
      totalValueMinor: null,
      procurementRoute: null, // "Not specified"
      supplierName: "Skinner Construction Limited",
      supplierIsSme: null,
      supplierIsVcse: null,
    });
    // Hertsmere's insurance lots: also 0, with a £2m estimate.
    expect(imported(81)).toMatchObject({
      title: "HBC0524 2024 INSURANCE LOTS 1-5 - AWARD", // double space collapsed
      totalValueMinor: null,
      startDate: "2024-08-01",
      endDate: "2027-07-31",
      awardDate: "2024-07-23",
    });
  });

  test("mojibake: a narrow no-break space and a pound sign, as written and as repaired", () => {
    const merton = cellAt(2, "description");
    expect(merton).toContain(
      "the ESPO 509_23 framework.â€¯ The initial intention is for a 3-month pilot scheme.â€¯The recommendation",
    );
    expect(cleanText(merton)).toContain(
      "the ESPO 509_23 framework. The initial intention is for a 3-month pilot scheme. The recommendation",
    );
    expect(imported(2)?.description).toBe(cleanText(merton));

    expect(cellAt(50, "description")).toContain("the expected contract value is Â£178,542.");
    expect(imported(50)?.description).toContain("the expected contract value is £178,542.");
    expect(cellAt(53, "description")).toContain("The contract value is Â£100,590.");
    expect(imported(53)?.description).toContain("The contract value is £100,590.");

    expect(
      result.warnings.filter((warning) => warning.field === "description").map((w) => w.message),
    ).toEqual([
      'Row 2: description had garbled characters, repaired ("â€¯" → a space) — check the text.',
      'Row 50: description had garbled characters, repaired ("Â£" → "£") — check the text.',
      'Row 53: description had garbled characters, repaired ("Â£" → "£") — check the text.',
    ]);
  });

  test("lost line breaks written as the letters rn are restored", () => {
    expect(cellAt(3, "description")).toContain(
      "running of the event.rnrnAdditional information: rnThe Council",
    );
    expect(imported(3)?.description).toContain(
      "running of the event.\n\nAdditional information:\nThe Council",
    );
    expect(cellAt(81, "description")).toContain("Lot 1  Liability Insurancern      Lot 2 Property");
    expect(imported(81)?.description).toContain("Lot 1 Liability Insurance\nLot 2 Property");
    expect(
      result.valid.every((contract) => !/rnrn|rn {3}|[.:)]rn[A-Z]/.test(contract.description ?? "")),
    ).toBe(true);
    // Words with rn in them survive.
    expect(imported(78)?.description).toContain("in order to return home");
    expect(imported(81)?.description).toContain("make your return, as Tender submissions");
    expect(imported(74)?.supplierName).toBe("Local Government Association");
  });

  test("dates: ISO with time and zone, read as the calendar date written", () => {
    expect(cellAt(2, "start_date")).toBe("2025-01-23T00:00:00Z");
    expect(cellAt(2, "end_date")).toBe("2025-04-23T23:59:59+01:00");
    expect(cellAt(3, "start_date")).toBe("2025-04-03T00:00:00+01:00");
    expect(imported(2)).toMatchObject({
      awardDate: "2024-12-22",
      startDate: "2025-01-23",
      endDate: "2025-04-23",
    });
    // Converting to UTC would wrongly make this 2 April.
    expect(imported(3)).toMatchObject({ startDate: "2025-04-03", endDate: "2028-04-02" });

    const dateCells = parsed.rows.flatMap((row) =>
      ["start_date", "end_date", "award_date"].map((name) => row[column(name)] ?? ""),
    );
    const shapes = new Set(dateCells.map((cell) => cell.replace(/\d/g, "9")));
    expect(shapes).toEqual(new Set(["9999-99-99T99:99:99Z", "9999-99-99T99:99:99+99:99"]));
    for (const cell of dateCells) {
      expect(readDate(cell)).toEqual({ kind: "date", iso: cell.slice(0, 10), format: "iso-with-time" });
    }
    expect(result.problems.some((problem) => problem.field?.endsWith("Date"))).toBe(false);
  });

  test("duplicate references: multi-supplier awards, repeated releases and two values 100× apart", () => {
    const problemRows = [...new Set(result.problems.map((problem) => problem.rowNumber))];
    expect(problemRows).toEqual([
      11, 12, 13, 14, 15, 19, 22, 29, 30, 31, 32, 33, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 52, 54, 55,
      56, 57, 58, 60, 61, 70, 71,
    ]);
    expect(result.problems.every((problem) => problem.field === "reference")).toBe(true);
    expect(result.valid).toHaveLength(81 - problemRows.length);

    // Cambridgeshire's placements: rows 45–49 repeat 11–14 and 12 (row 15 already repeats row 12).
    expect(
      result.problems
        .filter((problem) => problem.message.includes("repeats"))
        .map((p) => [p.rowNumber, p.message]),
    ).toEqual([
      [15, "Row 15: this row repeats row 12 in every imported column — delete one of them."],
      [45, "Row 45: this row repeats row 11 in every imported column — delete one of them."],
      [46, "Row 46: this row repeats row 12 in every imported column — delete one of them."],
      [47, "Row 47: this row repeats row 13 in every imported column — delete one of them."],
      [48, "Row 48: this row repeats row 14 in every imported column — delete one of them."],
      [49, "Row 49: this row repeats row 12 in every imported column — delete one of them."],
      [52, "Row 52: this row repeats row 51 in every imported column — delete one of them."],
      [71, "Row 71: this row repeats row 70 in every imported column — delete one of them."],
    ]);
    // Five taxi firms on one DPS reference.
    expect(result.problems.find((problem) => problem.rowNumber === 40)?.message).toBe(
      "Row 40: reference RCC-1118-S-DPS is also used on rows 41, 42, 43 and 44 — give each contract its own reference (for example add the lot or the supplier to it).",
    );
    // Same reference and supplier, values 100× apart (one release probably in pence): the user must choose.
    expect([cellAt(19, "contract_value"), cellAt(22, "contract_value")]).toEqual(["188487", "18848731"]);
    expect([cellAt(60, "contract_value"), cellAt(61, "contract_value")]).toEqual(["109320", "10932000"]);
    expect(result.problems.find((problem) => problem.rowNumber === 22)?.message).toBe(
      "Row 22: reference WIRLC001-DN752554-57115035 is also used on row 19 — give each contract its own reference (for example add the lot or the supplier to it).",
    );
  });

  test("Companies House numbers that lost their leading zero", () => {
    expect([
      cellAt(40, "supplier_companies_house_number"),
      cellAt(75, "supplier_companies_house_number"),
    ]).toEqual(["4142000", "4013122"]);
    expect(
      result.warnings
        .filter((warning) => warning.field === "supplierRegistrationNumber")
        .map((w) => w.rowNumber),
    ).toEqual([40, 75, 77]);
    expect(imported(75)?.supplierRegistrationNumber).toBe("04013122");
    expect(imported(21)?.supplierRegistrationNumber).toBe("01323955");
    expect(imported(10)?.supplierRegistrationNumber).toBe("OC325346");
  });

  test("supplier scale, VCSE, values, categories and routes as the register states them", () => {
    expect(imported(2)).toMatchObject({
      reference: "MRTN001-DN756786-01185010",
      title: "Parking Pilot - CEO",
      supplierName: "Marstons holdings plc",
      supplierIsSme: false, // "large"
      supplierIsVcse: false,
      totalValueMinor: 9_300_700, // "93007"
      currency: "GBP",
      category: "services",
      cpvCode: "63712400",
      procurementRoute: "direct_award", // "Direct award"
    });
    expect(imported(3)).toMatchObject({
      supplierIsSme: true, // "sme"
      totalValueMinor: 525_939_296, // "5259392.96"
      procurementRoute: "open", // "Open procedure"
    });
    expect(imported(50)).toMatchObject({
      supplierName: "Stand Against Racism & Inequality (SARI)",
      supplierIsVcse: true,
      totalValueMinor: 17_804_563, // "178045.63" (the description says £178,542)
    });
    const routes = new Map(result.valid.map((contract) => [contract.rowNumber, contract.procurementRoute]));
    expect(cellAt(5, "procurement_method_details")).toBe("Call-off from a framework agreement");
    expect(routes.get(5)).toBe("framework");
    expect(result.warnings.some((warning) => warning.field === "procurementRoute")).toBe(false);
    expect(result.warnings.some((warning) => warning.field === "category")).toBe(false);
  });

  test("every warning, by kind", () => {
    const kinds = result.warnings.map((warning) => warning.field);
    expect(kinds.filter((field) => field === "totalValueMinor")).toHaveLength(17);
    expect(kinds.filter((field) => field === "description")).toHaveLength(3);
    expect(kinds.filter((field) => field === "supplierRegistrationNumber")).toHaveLength(3);
    expect(result.warnings).toHaveLength(23);
  });
});
