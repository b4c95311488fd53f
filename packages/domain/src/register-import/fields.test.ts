import { describe, expect, test } from "vitest";
import { contractInput } from "../contracts/contract-input.ts";
import { normaliseHeader } from "./columns.ts";
import { importableFieldDefinitions, importableFields } from "./fields.ts";

describe("importable fields", () => {
  test("every ContractInput field except the resolved ids, plus the supplier fields", () => {
    const contractFields = Object.keys(contractInput.shape).filter(
      (field) => !["supplierId", "contractManagerId", "sroId"].includes(field),
    );
    expect([...importableFields].sort()).toEqual(
      [
        ...contractFields,
        "supplierName",
        "supplierRegistrationNumber",
        "supplierIsSme",
        "supplierIsVcse",
        "supplierSmeVcse",
        "buyer",
        "contractManager",
        "sro",
      ].sort(),
    );
  });

  test("aliases are stored normalised and no alias belongs to two fields", () => {
    const owners = new Map<string, string>();
    for (const field of importableFields) {
      for (const alias of importableFieldDefinitions[field].aliases) {
        expect(normaliseHeader(alias)).toBe(alias);
        expect(owners.get(alias), `${alias} is claimed by ${owners.get(alias)} and ${field}`).toBeUndefined();
        owners.set(alias, field);
      }
    }
  });
});
