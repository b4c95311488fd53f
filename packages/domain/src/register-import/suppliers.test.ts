import { describe, expect, test } from "vitest";
import type { ImportedRow } from "./check-row.ts";
import { type KnownSupplier, matchSuppliers, supplierNameKey } from "./suppliers.ts";

const known: KnownSupplier[] = [
  { id: "s-acme", name: "Acme Ltd", registrationNumber: "01234567" },
  { id: "s-green", name: "Green Spaces Limited", registrationNumber: null },
  { id: "s-blue", name: "Blue Sky Services", registrationNumber: "07654321" },
];
let nextRow = 2;
const row = (supplierName: string | null, supplierRegistrationNumber: string | null = null) =>
  ({
    rowNumber: nextRow++,
    supplierName,
    supplierRegistrationNumber,
    supplierIsSme: null,
    supplierIsVcse: null,
  }) as ImportedRow;
const matchOne = (name: string | null, number: string | null = null) => {
  const only = row(name, number);
  const plan = matchSuppliers([only], known);
  return { match: plan.matches.get(only.rowNumber), problems: plan.problems.map((p) => p.message), plan };
};

describe("supplierNameKey", () => {
  test.each([
    ["The Acme Co. Limited", "acme co ltd"],
    ["ACME CO LTD", "acme co ltd"],
    ["Smith & Sons Public Limited Company", "smith and sons plc"],
  ])("%j → %j", (name, key) => {
    expect(supplierNameKey(name)).toBe(key);
  });
});

describe("matchSuppliers (DESIGN §5: registration number first, then name)", () => {
  test.each([
    ["by number, the same name written differently", "ACME LIMITED", "0123 4567", "s-acme"],
    ["by name, a supplier recorded without a number", "Green Spaces Ltd", "09999999", "s-green"],
    ["by name alone", "blue sky services", null, "s-blue"],
  ])("%s", (_, name, number, supplierId) => {
    const { match, problems } = matchOne(name, number);
    expect(problems).toEqual([]);
    expect(match).toEqual({ kind: "existing", supplierId });
  });

  test("a row with neither name nor number has no supplier", () => {
    expect(matchOne(null).match).toEqual({ kind: "none" });
  });

  test("a name that conflicts with the number's supplier is a problem naming both", () => {
    const { match, problems } = matchOne("Acme Services Ltd", "01234567");
    expect(match).toBeUndefined();
    expect(problems[0]).toMatch(
      /supplier "Acme Services Ltd" has registration number 01234567, which your register holds for "Acme Ltd"/,
    );
  });

  test("a known name with another number is a problem", () => {
    expect(matchOne("Blue Sky Services", "01111111").problems[0]).toMatch(
      /"Blue Sky Services" is in your register with registration number 07654321, not 01111111/,
    );
  });

  test("a blank name never borrows the name of the number's supplier", () => {
    const { match, problems } = matchOne(null, "01234567");
    expect(match).toBeUndefined();
    expect(problems[0]).toMatch(
      /supplier name is blank, but registration number 01234567 is "Acme Ltd" in your register — enter the supplier's name/,
    );
    expect(matchOne("", "05555555").problems[0]).toMatch(
      /supplier name is blank, but registration number 05555555/,
    );
  });

  test("new suppliers are created once for every row that names them", () => {
    const rows = [
      row("New Co Ltd", "05555555"),
      row("NEW CO LIMITED"),
      row("Other Ltd"),
      row("new co ltd", "05555555"),
    ];
    const plan = matchSuppliers(rows, known);
    expect(plan.problems).toEqual([]);
    expect(plan.toCreate).toEqual([
      {
        key: "number:05555555",
        name: "New Co Ltd",
        registrationNumber: "05555555",
        isSme: false,
        isVcse: false,
      },
      { key: "name:other ltd", name: "Other Ltd", registrationNumber: null, isSme: false, isVcse: false },
    ]);
    expect(rows.map((r) => plan.matches.get(r.rowNumber))).toEqual([
      { kind: "new", key: "number:05555555" },
      { kind: "new", key: "number:05555555" },
      { kind: "new", key: "name:other ltd" },
      { kind: "new", key: "number:05555555" },
    ]);
  });

  test("one new number with two names in the file is a problem on the later row", () => {
    const rows = [row("New Co Ltd", "05555555"), row("Different Ltd", "05555555")];
    const plan = matchSuppliers(rows, known);
    expect(plan.problems.map((problem) => problem.rowNumber)).toEqual([rows[1]?.rowNumber]);
    expect(plan.problems[0]?.message).toMatch(
      /given for "New Co Ltd" on row \d+ and for "Different Ltd" here/,
    );
  });
});
