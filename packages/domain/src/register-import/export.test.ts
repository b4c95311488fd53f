import { describe, expect, test } from "vitest";
import { suggestMapping } from "./columns.ts";
import { parseCsv } from "./csv.ts";
import { type ExportedContract, maxExportRows, registerExportColumns, registerExportCsv } from "./export.ts";

const row: ExportedContract = {
  contract: {
    reference: '=HYPERLINK("http://evil")',
    title: "Grounds maintenance – parks",
    description: "+44 line\nsecond line",
    category: "services",
    cpvCode: "77310000",
    serviceArea: "@Environment",
    awardDate: "2025-03-01",
    signedDate: null,
    startDate: "2025-04-01",
    endDate: "2028-03-31",
    maxExtensionDate: null,
    noticeDate: null,
    annualValueMinor: null,
    totalValueMinor: 15_000_050,
    capitalValueMinor: null,
    currency: "GBP",
    procurementRoute: "framework",
    lightTouch: false,
    publicContract: false,
    corporatePriority: true,
    keyPublicService: false,
    serviceRisk: "medium",
    status: "active",
    lifecycleStage: "re_procurement",
    tier: "high",
  },
  supplier: { name: "-Minus Ltd", registrationNumber: "01234567", isSme: true, isVcse: false },
  contractManagerName: "Fiona Reid",
  sroName: null,
};

describe("registerExportCsv: the register a council sends its auditors", () => {
  const csv = registerExportCsv([row]);
  const [header, cells] = parseCsv(csv.slice(1));

  test("starts with a UTF-8 byte-order mark and ends lines with CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  test("every heading maps back to its field, and the tier is listed as not imported", () => {
    expect(suggestMapping(header ?? [])).toEqual(registerExportColumns.map((column) => column.field));
  });

  test("human labels, not codes", () => {
    const cell = (heading: string) => cells?.[header?.indexOf(heading) ?? -1];
    expect(cell("Category")).toBe("Services");
    expect(cell("Procurement route")).toBe("Call-off from a framework");
    expect(cell("Service risk")).toBe("Medium");
    expect(cell("Lifecycle stage")).toBe("Re-procurement");
    expect(cell("Tier")).toBe("High");
    expect(cell("Corporate priority")).toBe("Yes");
    expect(cell("Supplier is an SME")).toBe("Yes");
    expect(cell("Supplier is a VCSE")).toBe("No");
    expect(cell("Supplier registration number")).toBe("01234567");
    expect(cell("Contract manager")).toBe("Fiona Reid");
    expect(cell("SRO")).toBe("");
    expect(cell("Total value")).toBe("150000.50");
    expect(cell("Title")).toBe("Grounds maintenance – parks");
  });

  test.each([
    ["Reference", '\'=HYPERLINK("http://evil")'],
    ["Description", "'+44 line\nsecond line"],
    ["Service area", "'@Environment"],
    ["Supplier name", "'-Minus Ltd"],
  ])("a %s that would run as a formula is neutralised", (heading, written) => {
    expect(cells?.[header?.indexOf(heading) ?? -1]).toBe(written);
  });
});

describe("registerExportCsv: size", () => {
  test("writes as many contracts as an export holds, and refuses one more with what to do", () => {
    const rows = Array.from({ length: maxExportRows }, () => row);
    expect(registerExportCsv(rows.slice(0, 2)).split("\r\n").length).toBeGreaterThan(2);
    expect(() => registerExportCsv([...rows, row])).toThrow(
      "An export holds at most 100,000 contracts. Narrow the register's filters",
    );
  });
});
