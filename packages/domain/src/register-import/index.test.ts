import { expect, test } from "vitest";
import { parseRegisterCsv, toCsv, validateImport } from "./index.ts";

test("export, re-import: a register written by toCsv reads back, formula guard and all", () => {
  const csv = toCsv(
    [
      ["Reference", "Title", "Description", "Category", "Start date", "Contract value"],
      ["C-1", '=HYPERLINK("http://x")', "Line one\nLine, two", "Works", "2025-04-01", 150_000.5],
      ["C-2", "Meals on wheels", "", "Services", "01/04/2025", "0"],
    ],
    { byteOrderMark: true },
  );
  const parsed = parseRegisterCsv(csv);
  const result = validateImport({ ...parsed, defaults: { currency: "GBP" } });
  expect(result.problems).toEqual([]);
  expect(result.warnings.map((warning) => warning.message)).toEqual([
    "Row 3: total value is 0 — left blank.",
  ]);
  expect(
    result.valid.map(
      ({ rowNumber, reference, title, description, category, startDate, totalValueMinor }) => ({
        rowNumber,
        reference,
        title,
        description,
        category,
        startDate,
        totalValueMinor,
      }),
    ),
  ).toEqual([
    {
      rowNumber: 2,
      reference: "C-1",
      title: '=HYPERLINK("http://x")',
      description: "Line one\nLine, two",
      category: "works",
      startDate: "2025-04-01",
      totalValueMinor: 15_000_050,
    },
    {
      rowNumber: 3,
      reference: "C-2",
      title: "Meals on wheels",
      description: null,
      category: "services",
      startDate: "2025-04-01",
      totalValueMinor: null,
    },
  ]);
});
