import { suggestMapping } from "./columns.ts";
import { parseCsv } from "./csv.ts";
import type { ColumnMapping } from "./fields.ts";

export interface ParsedRegister {
  header: string[];
  /** The data rows below the header. */
  rows: string[][];
  /** The suggested field for each column (null: not imported); the user confirms or changes it. */
  mapping: ColumnMapping;
  /** The spreadsheet row the header was found on (1 unless title rows sit above it). */
  headerRowNumber: number;
}

/** How far down to look for the header: councils put a title, a date and a blank row above it. */
const headerSearchRows = 10;

/**
 * Parses a register CSV and suggests a column mapping, in one call for the API's preview step. The header is
 * the row among the first ten that matches the most importable fields (at least two); without one, row 1.
 * Pass header, rows, mapping and headerRowNumber on to validateImport.
 */
export function parseRegisterCsv(text: string): ParsedRegister {
  const records = parseCsv(text);
  let headerIndex = 0;
  let best = 1;
  records.slice(0, headerSearchRows).forEach((record, index) => {
    const matched = suggestMapping(record).filter((field) => field !== null).length;
    if (matched > best) {
      best = matched;
      headerIndex = index;
    }
  });
  const header = (records[headerIndex] ?? []).map((cell) => cell.trim());
  return {
    header,
    rows: records.slice(headerIndex + 1),
    mapping: suggestMapping(header),
    headerRowNumber: headerIndex + 1,
  };
}
