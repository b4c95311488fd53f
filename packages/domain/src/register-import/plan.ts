import type { ContractInput } from "../contracts/contract-input.ts";
import type { ManagerCheck } from "../training/rules.ts";
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
  /** Contracts the import gives a manager without current required training (issue 10 §6), where it warns. */
  managerWarnings: ManagerWarning[];
}

export interface ManagerWarning {
  rowNumber: number;
  reference: string;
  reason: string;
}

/**
 * The training check of the manager a row would give its contract (issue 10 §6): the contract as it would be,
 * and the stored one it updates (null for a new contract). Null when no check is due (`isManagerCheckDue`).
 */
export type ImportManagerCheck<Row> = (contract: {
  after: Omit<ContractInput, "supplierId">;
  stored: Row | null;
}) => ManagerCheck | null;

/** Stands for a supplier the import creates, until it has an id. */
export const newSupplierId = (key: string) => `new:${key}`;

/**
 * What importing a checked register would do (DESIGN §4, issue 7 §2): each valid row is an addition (a new
 * reference), an update (a stored reference whose mapped fields differ, field by field) or unchanged. Decisions:
 * - A row whose supplier cannot be settled (matchSuppliers' problems) is neither added nor updated.
 * - A row that matches an archived contract is a problem: restore it first, or use another reference.
 * - A manager or SRO the file names but who matched no member keeps the contract's current one.
 * - A row whose manager the council's training setting refuses (issue 10 §6) is a problem; one it warns of is
 *   imported and listed in `managerWarnings`.
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
  managerCheck: ImportManagerCheck<Row>;
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
  const managerWarnings: ManagerWarning[] = [];
  /** False when the council's setting refuses the row's manager: the row is a problem. */
  const managerAllowed = (
    row: { rowNumber: number; reference: string },
    contract: Parameters<ImportManagerCheck<Row>>[0],
  ) => {
    const check = input.managerCheck(contract);
    if (check === null || check.outcome === "ok") return true;
    if (check.outcome === "warn") {
      managerWarnings.push({ rowNumber: row.rowNumber, reference: row.reference, reason: check.reason });
      return true;
    }
    const managerId = contract.after.contractManagerId;
    problems.push({
      rowNumber: row.rowNumber,
      field: "contractManager",
      message: `Row ${row.rowNumber}: ${check.reason} This council refuses contracts to managers without it: name a trained manager, or leave the cell blank.`,
      value: managerId === null ? null : (memberNames.get(managerId) ?? null),
    });
    return false;
  };
  const supplierProblemRows = new Set(suppliers.problems.map((issue) => issue.rowNumber));
  const additions: ImportedRow[] = [];
  const updates: PlannedUpdate<Row>[] = [];
  let unchangedCount = 0;
  for (const row of validation.valid) {
    if (supplierProblemRows.has(row.rowNumber)) continue;
    const match = storedByReference.get(row.reference.toLowerCase());
    if (!match) {
      if (managerAllowed(row, { after: row, stored: null })) additions.push(row);
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
    else if (managerAllowed(row, { after: { ...match.values, ...update.values }, stored: match.row })) {
      updates.push({ ...update, rowNumber: row.rowNumber, reference: match.reference, stored: match.row });
    }
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
    managerWarnings: managerWarnings.sort((a, b) => a.rowNumber - b.rowNumber),
  };
}
