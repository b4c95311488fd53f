import {
  checkRow,
  type ImportDefaults,
  type ImportedRow,
  type ImportIssue,
  type UnmatchedPerson,
} from "./check-row.ts";
import { columnLetter, normaliseHeader } from "./columns.ts";
import {
  type ColumnMapping,
  type ImportableField,
  importableFieldDefinitions,
  importableFields,
} from "./fields.ts";
import { joinWords, listRows, show } from "./messages.ts";
import { cleanTextReport } from "./text.ts";

export type {
  ImportDefaults,
  ImportedRow,
  ImportIssue,
  SupplierDetails,
  UnmatchedPerson,
} from "./check-row.ts";

export interface ValidateImportInput {
  header: readonly string[];
  /** The data rows, without the header. */
  rows: readonly (readonly string[])[];
  mapping: readonly (ImportableField | null)[];
  defaults: ImportDefaults;
  /** The spreadsheet row the header is on, when title rows sit above it. Default 1. */
  headerRowNumber?: number;
}

export interface ImportValidation {
  valid: ImportedRow[];
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** Each name or e-mail in the manager and SRO columns that matched no single member, with its rows. */
  unmatchedPeople: (UnmatchedPerson & { rowNumbers: number[] })[];
}

/**
 * Checks every row of a mapped register (checkRow) and the file as a whole, and returns the contracts that can
 * be imported, the problems that must be fixed first, and warnings. File-level decisions:
 * - Reference and title must be mapped; two columns mapped to one field is a problem.
 * - With no category column, one warning on the header says how categories are chosen.
 * - References must be unique in the file (compared ignoring case and spacing). Every row that shares one is a
 *   problem, since a register often repeats a tender reference for each supplier or lot; the fix is a suffix.
 * - A row equal in every imported column to an earlier one is a problem: "repeats row N".
 */
export function validateImport(input: ValidateImportInput): ImportValidation {
  const headerRowNumber = input.headerRowNumber ?? 1;
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const columnOf = new Map<ImportableField, number>();
  const mapping: ColumnMapping = input.header.map((_, column) => input.mapping[column] ?? null);

  const describeColumn = (column: number) => {
    const name = input.header[column]?.trim();
    return name ? `${columnLetter(column)} (${name})` : columnLetter(column);
  };
  for (const field of importableFields) {
    const columns = mapping.flatMap((mapped, column) => (mapped === field ? [column] : []));
    const first = columns[0];
    if (first === undefined) continue;
    columnOf.set(field, first);
    if (columns.length > 1) {
      problems.push({
        rowNumber: headerRowNumber,
        field,
        message: `Columns ${joinWords(columns.map(describeColumn))} are ${columns.length === 2 ? "both" : "all"} mapped to ${importableFieldDefinitions[field].label} — keep one.`,
        value: null,
      });
    }
  }
  for (const field of importableFields) {
    const definition = importableFieldDefinitions[field];
    if (definition.required && !columnOf.has(field)) {
      problems.push({
        rowNumber: headerRowNumber,
        field,
        message: `No column is mapped to ${definition.label} — choose the column that holds each contract's ${definition.name}.`,
        value: null,
      });
    }
  }
  if (!columnOf.has("category")) {
    warnings.push({
      rowNumber: headerRowNumber,
      field: "category",
      message: columnOf.has("cpvCode")
        ? "No column is mapped to Category: each contract's category is taken from its CPV code (division 45 works; 03–44 and 48 goods; 50–98 services), or services where there is none. Check them in the preview."
        : `No column is mapped to Category or CPV code: every contract will be imported as ${input.defaults.category ?? "services"}. Change goods and works contracts after the import.`,
      value: null,
    });
  }

  const registrationIsCompanyNumber = (() => {
    const column = columnOf.get("supplierRegistrationNumber");
    if (column === undefined) return false;
    const name = normaliseHeader(input.header[column] ?? "");
    // Charity numbers are 6–7 digits with no leading zero: a column for both kinds is never padded.
    return /compan|\bcrn\b|\bcoh\b/.test(name) && !/charit/.test(name);
  })();

  const candidates: { row: ImportedRow; referenceKey: string }[] = [];
  const unmatched = new Map<string, UnmatchedPerson & { rowNumbers: number[] }>();
  input.rows.forEach((cells, index) => {
    const rowNumber = headerRowNumber + 1 + index;
    if (cells.every((cell) => cell.trim() === "")) return; // blank line in the spreadsheet
    const checked = checkRow({
      rowNumber,
      cells,
      header: input.header,
      columnOf,
      defaults: input.defaults,
      registrationIsCompanyNumber,
    });
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    for (const person of checked.unmatchedPeople) {
      const key = `${person.field}\u0000${person.text.toLowerCase()}`;
      const seen = unmatched.get(key);
      if (seen) seen.rowNumbers.push(rowNumber);
      else unmatched.set(key, { ...person, rowNumbers: [rowNumber] });
    }
    if (checked.row) candidates.push({ row: checked.row, referenceKey: referenceKey(checked.row.reference) });
  });

  // Duplicate references: every row sharing a reference is a problem, naming the others.
  const rowsByReference = new Map<string, number[]>();
  input.rows.forEach((cells, index) => {
    const column = columnOf.get("reference");
    if (column === undefined) return;
    const reference = cleanTextReport(cells[column] ?? "", { multiline: false }).text;
    if (reference === "") return;
    const key = referenceKey(reference);
    const rowNumbers = rowsByReference.get(key);
    if (rowNumbers) rowNumbers.push(headerRowNumber + 1 + index);
    else rowsByReference.set(key, [headerRowNumber + 1 + index]);
  });
  const duplicated = new Set<string>();
  // Rows equal in every imported column are copies (registers built from notices repeat updated releases).
  const importedColumns = [...columnOf.values()];
  const rowKey = (rowNumber: number) => {
    const cells = input.rows[rowNumber - headerRowNumber - 1] ?? [];
    return JSON.stringify(importedColumns.map((column) => (cells[column] ?? "").trim()));
  };
  const referenceColumn = columnOf.get("reference") ?? 0;
  for (const [key, rowNumbers] of rowsByReference) {
    if (rowNumbers.length < 2) continue;
    duplicated.add(key);
    for (const rowNumber of rowNumbers) {
      const raw = input.rows[rowNumber - headerRowNumber - 1]?.[referenceColumn] ?? "";
      const original = rowNumbers.find((other) => other < rowNumber && rowKey(other) === rowKey(rowNumber));
      if (original !== undefined) {
        problems.push({
          rowNumber,
          field: "reference",
          message: `Row ${rowNumber}: this row repeats row ${original} in every imported column — delete one of them.`,
          value: raw,
        });
        continue;
      }
      const others = rowNumbers.filter((other) => other !== rowNumber);
      problems.push({
        rowNumber,
        field: "reference",
        message: `Row ${rowNumber}: reference ${show(raw)} is also used on ${others.length === 1 ? "row" : "rows"} ${listRows(others)} — give each contract its own reference (for example add the lot or the supplier to it).`,
        value: raw,
      });
    }
  }

  const byRow = (a: ImportIssue, b: ImportIssue) => a.rowNumber - b.rowNumber;
  return {
    valid: candidates.filter((candidate) => !duplicated.has(candidate.referenceKey)).map(({ row }) => row),
    problems: problems.sort(byRow),
    warnings: warnings.sort(byRow),
    unmatchedPeople: [...unmatched.values()],
  };
}

function referenceKey(reference: string): string {
  return reference.replace(/\s+/g, " ").trim().toLowerCase();
}
