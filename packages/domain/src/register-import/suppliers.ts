import type { ImportedRow, ImportIssue } from "./check-row.ts";
import { show } from "./messages.ts";

/** A supplier already in the council's register, as matching reads it. */
export interface KnownSupplier {
  id: string;
  name: string;
  registrationNumber: string | null;
}

/** A supplier the import will create, once, for every row that names it. */
export interface NewSupplier {
  key: string;
  name: string;
  registrationNumber: string | null;
  isSme: boolean;
  isVcse: boolean;
}

export type SupplierMatch =
  | { kind: "none" }
  | { kind: "existing"; supplierId: string }
  | { kind: "new"; key: string };

export interface SupplierPlan {
  /** By row number, for every row without a problem here. */
  matches: Map<number, SupplierMatch>;
  toCreate: NewSupplier[];
  /** Rows whose supplier cannot be settled without the person: each keeps its row out. */
  problems: ImportIssue[];
}

/**
 * A name as matching compares it: case, punctuation, "&"/"and", "Limited"/"Ltd", "Public Limited
 * Company"/"PLC" and a leading "The" make no difference ("The Acme Co. Limited" is "acme co ltd").
 */
export function supplierNameKey(name: string): string {
  return ` ${name.toLowerCase().replace(/&/g, " and ")} `
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/ public limited company /g, " plc ")
    .replace(/ limited /g, " ltd ")
    .replace(/^ the /, " ")
    .trim();
}

/** Companies House and charity numbers as the import stores them: no spaces, upper case. */
export function registrationKey(number: string): string {
  return number.replace(/\s+/g, "").toUpperCase();
}

/**
 * DESIGN §5: suppliers are matched by registration number first, then by name. Decisions:
 * - A number the register holds for a supplier of another name is a problem naming both: one of them is wrong,
 *   and linking the contract to either silently would file it under the wrong company.
 * - A name the register holds with a different number is a problem for the same reason. A supplier recorded
 *   without a number is matched by name.
 * - A row with a number but no name never borrows the name of the supplier the number belongs to: it is a
 *   problem that names that supplier, so the person fills the name in.
 * - Rows of the file that name one new supplier create it once; two rows giving one number different names (or
 *   one name different numbers) are a problem on the later row.
 * - A new supplier takes the SME and VCSE flags of the first row that names it (unknown is no).
 */
export function matchSuppliers(rows: readonly ImportedRow[], known: readonly KnownSupplier[]): SupplierPlan {
  const knownByNumber = new Map<string, KnownSupplier>();
  const knownByName = new Map<string, KnownSupplier>();
  for (const supplier of known) {
    if (supplier.registrationNumber) {
      const number = registrationKey(supplier.registrationNumber);
      if (!knownByNumber.has(number)) knownByNumber.set(number, supplier);
    }
    const name = supplierNameKey(supplier.name);
    if (!knownByName.has(name)) knownByName.set(name, supplier);
  }
  const newByNumber = new Map<string, NewSupplier & { rowNumber: number }>();
  const newByName = new Map<string, NewSupplier & { rowNumber: number }>();
  const plan: SupplierPlan = { matches: new Map(), toCreate: [], problems: [] };
  const problem = (row: ImportedRow, message: string) =>
    plan.problems.push({
      rowNumber: row.rowNumber,
      field: "supplierName",
      message: `Row ${row.rowNumber}: ${message}`,
      value: row.supplierName ?? row.supplierRegistrationNumber ?? "",
    });

  for (const row of rows) {
    const name = row.supplierName?.trim() || null;
    const number = row.supplierRegistrationNumber ? registrationKey(row.supplierRegistrationNumber) : null;
    if (!name && !number) {
      plan.matches.set(row.rowNumber, { kind: "none" });
      continue;
    }
    const holder = number ? knownByNumber.get(number) : undefined;
    if (!name) {
      problem(
        row,
        holder
          ? `supplier name is blank, but registration number ${number} is ${show(holder.name)} in your register — enter the supplier's name (${show(holder.name)} if that is who it is).`
          : `supplier name is blank, but registration number ${number} is given — enter the supplier's name, or clear the number.`,
      );
      continue;
    }
    const nameKey = supplierNameKey(name);
    if (holder) {
      if (supplierNameKey(holder.name) === nameKey) {
        plan.matches.set(row.rowNumber, { kind: "existing", supplierId: holder.id });
      } else {
        problem(
          row,
          `supplier ${show(name)} has registration number ${number}, which your register holds for ${show(holder.name)} — correct the name or the number (or rename the supplier in Steward if it has changed its name).`,
        );
      }
      continue;
    }
    const namesake = knownByName.get(nameKey);
    if (namesake) {
      const theirs = namesake.registrationNumber ? registrationKey(namesake.registrationNumber) : null;
      if (number && theirs && theirs !== number) {
        problem(
          row,
          `supplier ${show(name)} is in your register with registration number ${theirs}, not ${number} — correct the number (or the name, if this is another company).`,
        );
      } else {
        plan.matches.set(row.rowNumber, { kind: "existing", supplierId: namesake.id });
      }
      continue;
    }
    // A supplier new to the register: once per number, or per name when there is no number.
    const pending = (number ? newByNumber.get(number) : undefined) ?? newByName.get(nameKey);
    if (pending) {
      if (supplierNameKey(pending.name) !== nameKey) {
        problem(
          row,
          `registration number ${number} is given for ${show(pending.name)} on row ${pending.rowNumber} and for ${show(name)} here — one number is one supplier; correct one of them.`,
        );
        continue;
      }
      if (number && pending.registrationNumber && pending.registrationNumber !== number) {
        problem(
          row,
          `supplier ${show(name)} has registration number ${pending.registrationNumber} on row ${pending.rowNumber} and ${number} here — correct one of them.`,
        );
        continue;
      }
      if (number && !pending.registrationNumber) {
        pending.registrationNumber = number;
        newByNumber.set(number, pending);
      }
      plan.matches.set(row.rowNumber, { kind: "new", key: pending.key });
      continue;
    }
    const created = {
      key: number ? `number:${number}` : `name:${nameKey}`,
      name,
      registrationNumber: number,
      isSme: row.supplierIsSme ?? false,
      isVcse: row.supplierIsVcse ?? false,
      rowNumber: row.rowNumber,
    };
    if (number) newByNumber.set(number, created);
    newByName.set(nameKey, created);
    plan.toCreate.push(created);
    plan.matches.set(row.rowNumber, { kind: "new", key: created.key });
  }
  plan.toCreate = plan.toCreate.map(({ key, name, registrationNumber, isSme, isVcse }) => ({
    key,
    name,
    registrationNumber,
    isSme,
    isVcse,
  }));
  return plan;
}
