import { invalid } from "../errors.ts";

/**
 * RFC 4180 CSV, read the way spreadsheet users produce it.
 *
 * - Fields may be quoted; inside quotes a doubled quote is one quote and commas and line breaks are data.
 * - Records end at CRLF, LF or a lone CR (old Mac exports). Line breaks inside quoted fields are kept as written.
 * - A leading UTF-8 byte-order mark is dropped, and so is one that was itself mis-decoded as Windows-1252 ("ï»¿").
 * - Lenient where Excel is lenient: a quote inside an unquoted field is an ordinary character, and text after a
 *   closing quote is appended to the field. A quoted field that never closes is an error (it would silently
 *   swallow the rest of the file), thrown as a DomainError("invalid") naming the line it opened on.
 * - An empty line is a record with one empty field, so record numbers stay equal to spreadsheet row numbers.
 *   A final line break does not start another record.
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): string[][] {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new Error("The CSV delimiter must be one character other than a quote or a line break.");
  }
  const input = stripByteOrderMark(text);
  const plainText = new RegExp(`[^${delimiter.replace(/[\\\]^-]/g, "\\$&")}\r\n]*`, "y");
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let recordStarted = false;
  let atFieldStart = true;
  let line = 1;
  let index = 0;
  while (index < input.length) {
    const char = input[index];
    if (char === '"' && atFieldStart) {
      // Opening quote: read to the closing quote, treating "" as an escaped quote.
      const openedOnLine = line;
      index += 1;
      for (;;) {
        const close = input.indexOf('"', index);
        if (close === -1) {
          throw invalid(
            `Line ${openedOnLine}: a quoted value is never closed — check that value for a stray double quote (").`,
          );
        }
        const chunk = input.slice(index, close);
        line += countLineBreaks(chunk);
        field += chunk;
        if (input[close + 1] === '"') {
          field += '"';
          index = close + 2;
          continue;
        }
        index = close + 1;
        break;
      }
      recordStarted = true;
      atFieldStart = false;
      continue;
    }
    if (char === delimiter) {
      record.push(field);
      field = "";
      recordStarted = true;
      atFieldStart = true;
      index += 1;
      continue;
    }
    if (char === "\r" || char === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      recordStarted = false;
      atFieldStart = true;
      index += char === "\r" && input[index + 1] === "\n" ? 2 : 1;
      line += 1;
      continue;
    }
    // Plain text: take everything up to the next delimiter or line break in one slice.
    plainText.lastIndex = index;
    plainText.test(input);
    const end = Math.max(plainText.lastIndex, index + 1);
    field += input.slice(index, end);
    recordStarted = true;
    atFieldStart = false;
    index = end;
  }
  if (recordStarted) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function stripByteOrderMark(text: string): string {
  if (text.startsWith("\uFEFF")) return text.slice(1);
  if (text.startsWith("\u00EF\u00BB\u00BF")) return text.slice(3);
  return text;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) count += 1;
  }
  return count;
}

export type CsvCell = string | number | null | undefined;

/**
 * Writes RFC 4180 CSV with CRLF line endings, quoting a cell only when it needs it (a comma, quote, line break,
 * or leading/trailing space that a spreadsheet would otherwise trim).
 *
 * CSV formula injection (OWASP): a text cell that begins with =, +, -, @, a tab or a carriage return would be run
 * as a formula when the file is opened in Excel or LibreOffice, so it is written with a leading single quote
 * ('=SUM(A1) is shown as the text =SUM(A1)). Numbers passed as numbers, and text that is just a signed number
 * such as "-42.50", are left alone: they cannot carry a formula and prefixing them would turn amounts into text.
 * Importing strips that quote again (see cleanText).
 *
 * Pass `byteOrderMark: true` for files meant for Excel, which otherwise reads UTF-8 as Windows-1252 and
 * produces exactly the mojibake that text.ts repairs.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { byteOrderMark?: boolean } = {},
): string {
  const body = rows.map((row) => `${row.map(formatCell).join(",")}\r\n`).join("");
  return options.byteOrderMark ? `\uFEFF${body}` : body;
}

const formulaStart = /^[=+\-@\t\r]/;
const plainSignedNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  let text = typeof cell === "number" ? (Number.isFinite(cell) ? String(cell) : "") : cell;
  if (typeof cell === "string" && formulaStart.test(text) && !plainSignedNumber.test(text)) {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text) || text !== text.trim()) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}
