import type { ContractInput } from "../contracts/contract-input.ts";
import type { ImportedRow, ImportIssue } from "./check-row.ts";
import type { ColumnMapping } from "./fields.ts";
import type { Member } from "./people.ts";
import type { ImportValidation } from "./rows.ts";
import { type KnownSupplier, matchSuppliers, type SupplierPlan } from "./suppliers.ts";
import { type ImportUpdate, importUpdate, type UpdatableField, updatableFieldsOf } from "./updates.ts";

/** A contract already in the register that a row of the file may match by reference. */
export interface StoredContract<Row> {
  reference: string;
  archived: boolean;
  values: ContractInput;
  /** The stored record itself, handed back with its update so the caller can write it. */
  row: Row;
}

/** A contract the file matches by reference, and what the import would change on it. */
export interface PlannedUpdate<Row> extends ImportUpdate {
  rowNumber: number;
  reference: string;
  stored: Row;
}

export interface ImportPlan<Row> {
  additions: ImportedRow[];
  updates: PlannedUpdate<Row>[];
  unchangedCount: number;
  suppliers: SupplierPlan;
  /** The supplier a row's contract gets: an existing supplier's id, `newSupplierId(key)` for one to create, or null. */
  supplierIdOf: (rowNumber: number) => string | null;
  problems: ImportIssue[];
  /** Problems on the header (the mapping itself) cannot be skipped: they concern every row. */
  mappingProblems: ImportIssue[];
  problemRowCount: number;
}

/** Stands for a supplier the import creates, until it has an id. */
export const newSupplierId = (key: string) => `new:${key}`;

/**
 * What importing a checked register would do (DESIGN §4, issue 7 §2): each valid row is an addition (a new
 * reference), an update (a stored reference whose mapped fields differ, field by field) or unchanged. Decisions:
 * - A row whose supplier cannot be settled (matchSuppliers' problems) is neither added nor updated.
 * - A row that matches an archived contract is a problem: restore it first, or use another reference.
 * - A manager or SRO the file names but who matched no member keeps the contract's current one.
 * - Problems are in row order; those on the header are the mapping's and cannot be skipped.
 */
export function planRegisterImport<Row>(input: {
  validation: ImportValidation;
  mapping: ColumnMapping;
  headerRowNumber: number;
  stored: readonly StoredContract<Row>[];
  knownSuppliers: readonly KnownSupplier[];
  members: readonly Member[];
  council: { currency: string; locale: string };
}): ImportPlan<Row> {
  const { validation } = input;
  const storedByReference = new Map(
    input.stored.map((contract) => [contract.reference.toLowerCase(), contract]),
  );
  const suppliers = matchSuppliers(validation.valid, input.knownSuppliers);
  const supplierNames = new Map(input.knownSuppliers.map((supplier) => [supplier.id, supplier.name]));
  for (const created of suppliers.toCreate) {
    supplierNames.set(newSupplierId(created.key), `${created.name} (new supplier)`);
  }
  const memberNames = new Map(input.members.map((member) => [member.userId, member.name]));
  const supplierIdOf = (rowNumber: number): string | null => {
    const match = suppliers.matches.get(rowNumber);
    if (!match || match.kind === "none") return null;
    return match.kind === "existing" ? match.supplierId : newSupplierId(match.key);
  };

  const fields = updatableFieldsOf(input.mapping);
  const keptPeople = new Map<number, Set<UpdatableField>>();
  for (const person of validation.unmatchedPeople) {
    for (const rowNumber of person.rowNumbers) {
      const kept = keptPeople.get(rowNumber) ?? new Set<UpdatableField>();
      kept.add(person.field === "contractManager" ? "contractManagerId" : "sroId");
      keptPeople.set(rowNumber, kept);
    }
  }
  const problems: ImportIssue[] = [...validation.problems, ...suppliers.problems];
  const supplierProblemRows = new Set(suppliers.problems.map((issue) => issue.rowNumber));
  const additions: ImportedRow[] = [];
  const updates: PlannedUpdate<Row>[] = [];
  let unchangedCount = 0;
  for (const row of validation.valid) {
    if (supplierProblemRows.has(row.rowNumber)) continue;
    const match = storedByReference.get(row.reference.toLowerCase());
    if (!match) {
      additions.push(row);
      continue;
    }
    if (match.archived) {
      problems.push({
        rowNumber: row.rowNumber,
        field: "reference",
        message: `Row ${row.rowNumber}: contract ${match.reference} is archived — restore it before importing changes to it, or give this row another reference.`,
        value: row.reference,
      });
      continue;
    }
    const update = importUpdate(
      match.values,
      { ...row, supplierId: supplierIdOf(row.rowNumber) },
      fields,
      {
        currency: input.council.currency,
        locale: input.council.locale,
        supplierName: (id) => supplierNames.get(id) ?? "another supplier",
        memberName: (id) => memberNames.get(id) ?? "a former member",
      },
      keptPeople.get(row.rowNumber),
    );
    if (update.changes.length === 0) unchangedCount += 1;
    else updates.push({ ...update, rowNumber: row.rowNumber, reference: match.reference, stored: match.row });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  const problemRows = new Set(
    problems.map((issue) => issue.rowNumber).filter((row) => row > input.headerRowNumber),
  );
  return {
    additions,
    updates,
    unchangedCount,
    suppliers,
    supplierIdOf,
    problems,
    mappingProblems: problems.filter((issue) => issue.rowNumber <= input.headerRowNumber),
    problemRowCount: problemRows.size,
  };
}
