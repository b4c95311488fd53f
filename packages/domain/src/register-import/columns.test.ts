import { describe, expect, test } from "vitest";
import { columnLetter, normaliseHeader, suggestMapping } from "./columns.ts";

const suggest = (name: string) => suggestMapping([name])[0];

describe("normaliseHeader", () => {
  test.each([
    ["Contract_Ref.", "contract ref"],
    ["contractRef", "contract ref"],
    ["  CONTRACT   REF ", "contract ref"],
    ["Description of goods/services", "description of goods services"],
    ["Goods & Services", "goods and services"],
    ["\uFEFFReference", "reference"],
  ])("%j → %j", (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });
});

describe("suggestMapping", () => {
  test.each([
    // Local Government Transparency Code fields and their common names
    ["Reference Number", "reference"],
    ["Contract Reference", "reference"],
    ["Ref", "reference"],
    ["Ref. No.", "reference"],
    ["contract_number", "reference"],
    ["Contract Id", "reference"],
    ["Title of agreement", "title"],
    ["Contract Title", "title"],
    ["Department", "serviceArea"],
    ["Directorate", "serviceArea"],
    ["Local authority department responsible", "serviceArea"],
    ["Description of goods and/or services", "description"],
    ["Contract description", "description"],
    ["SHORT_DESCRIPTION", "description"],
    ["Supplier Name", "supplierName"],
    ["Contractor", "supplierName"],
    ["Vendor", "supplierName"],
    ["Value of contract", "totalValueMinor"],
    ["Total Value", "totalValueMinor"],
    ["Contract Value", "totalValueMinor"],
    ["Contract value (£, excl. VAT)", "totalValueMinor"],
    ["CONTRACT_AWARD_VALUE", "totalValueMinor"],
    ["original_value", "totalValueMinor"],
    ["Annual contract value", "annualValueMinor"],
    ["Estimated annual spend/budget", "annualValueMinor"],
    ["Capital value", "capitalValueMinor"],
    ["Start Date", "startDate"],
    ["CONTRACT_START_DATE", "startDate"],
    ["validity_start", "startDate"],
    ["Start date (DD/MM/YYYY)", "startDate"],
    ["Actual start date", "startDate"],
    ["End Date", "endDate"],
    ["CONTRACT_CURRENT_END_DATE", "endDate"],
    ["Expiry date", "endDate"],
    ["MAXIMUM_CONTRACT_END_DATE", "maxExtensionDate"],
    ["End date (including extensions)", "maxExtensionDate"],
    ["Award date", "awardDate"],
    ["Date signed", "signedDate"],
    ["Procurement route", "procurementRoute"],
    ["Procurement process", "procurementRoute"],
    ["SME (Y/N)", "supplierIsSme"],
    ["VCSE (Y/N)", "supplierIsVcse"],
    ["VCSE supplier type", "supplierIsVcse"],
    ["Companies House no.", "supplierRegistrationNumber"],
    ["Charity no", "supplierRegistrationNumber"],
    ["CPV code", "cpvCode"],
    ["Main CPV code", "cpvCode"],
    ["PRIMARY_PROCUREMENT_CATEGORY", "category"],
    ["Contract type", "category"],
    ["Contract status", "status"],
    ["Currency", "currency"],
    ["Light touch", "lightTouch"],
    ["Service risk", "serviceRisk"],
  ])("%j → %s", (header, field) => {
    expect(suggest(header)).toBe(field);
  });

  test.each([
    "Irrecoverable VAT",
    "Review date",
    "Contract manager job title",
    "Award status",
    "CPV description",
    "Tender estimated value",
    "Tender suitable for SME",
    "Value of previous variations",
    "Supplier address",
    "Notes",
    "",
  ])("%j is not suggested", (header) => {
    expect(suggest(header)).toBeNull();
  });

  test("each field is suggested once: the exact name beats a looser one, then the leftmost column", () => {
    expect(suggestMapping(["Value", "Contract Value", "Start", "Start date", "Start date"])).toEqual([
      null,
      "totalValueMinor",
      null,
      "startDate",
      null,
    ]);
  });

  test("Leicester's layout", () => {
    expect(
      suggestMapping([
        "contract_number",
        "title_of_agreement",
        "contract_description",
        "department",
        "contract_value",
        "annual_contract_value",
        "contract_value_excl_variations",
        "start_date",
      ]),
    ).toEqual([
      "reference",
      "title",
      "description",
      "serviceArea",
      "totalValueMinor",
      "annualValueMinor",
      null,
      "startDate",
    ]);
  });

  test("Birmingham's layout", () => {
    expect(
      suggestMapping([
        "contract_id",
        "contract_description",
        "vendor",
        "product_category",
        "directorate",
        "validity_start",
        "validity_end",
        "contract_status",
        "original_value",
        "extended_value",
      ]),
    ).toEqual([
      "reference",
      "description",
      "supplierName",
      null,
      "serviceArea",
      "startDate",
      "endDate",
      "status",
      "totalValueMinor",
      null,
    ]);
  });
});

test("columnLetter", () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
    "A",
    "B",
    "Z",
    "AA",
    "AB",
    "AZ",
    "BA",
    "ZZ",
    "AAA",
  ]);
});
