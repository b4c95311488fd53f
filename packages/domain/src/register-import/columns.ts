import {
  type ColumnMapping,
  type ImportableField,
  importableFieldDefinitions,
  importableFields,
} from "./fields.ts";

/** Which column of a register holds which field: the suggested mapping, and what a mapping leaves out. */

/**
 * Columns that real registers carry but Steward does not import. Naming them stops a looser match from
 * mapping, say, "tender_estimated_value" to the contract value or "award_status" to the status.
 */
const knownUnimportedColumns = new Set([
  "tier",
  "award status",
  "review date",
  "irrecoverable vat",
  "vat",
  "tender value",
  "tender estimated value",
  "tender suitable for sme",
  "tender suitable for vcse",
  "suitable for sme",
  "suitable for vcse",
  "supplier party id",
  "party id",
  "ocid",
  "open contracting id",
  "release id",
  "release date",
  "release tag",
  "source file",
  "cpv description",
  "cpv label",
  "cpv uri",
  "extended value",
  "contract value excl variations",
]);

// A looser match (the alias at the start or end of a longer name) is refused when the rest of the name has one of
// these words: "CPV description" is not the description, "Value of previous variations" is not the value.
const looseMatchBlockers = new Set([
  "tender",
  "suitable",
  "buyer",
  "release",
  "party",
  "irrecoverable",
  "review",
  "label",
  "uri",
  "url",
  "link",
  "ocid",
  "cpv",
  "award",
  "previous",
  "variation",
  "variations",
  "paid",
  "spend",
  "contact",
  "job",
  "email",
  "phone",
  "address",
  "postcode",
  "description",
]);

// Single words distinctive enough to match inside a longer name ("Main supplier", "SME?"). Words such as
// "contract", "name", "value", "type" or "status" only match a column named exactly that.
const looseSingleWords = new Set([
  "reference",
  "description",
  "supplier",
  "contractor",
  "vendor",
  "provider",
  "department",
  "directorate",
  "sme",
  "vcse",
  "cpv",
  "currency",
]);

/**
 * Lower case, words split at punctuation, spaces, underscores and camelCase, "&" read as "and", and joined by
 * single spaces: "Contract_Ref.", "contractRef" and "CONTRACT REF" all become "contract ref".
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// "Contract value (£, excl. VAT)" → "contract value"; "Start date [DD/MM/YYYY]" → "start date".
function withoutQualifiers(text: string): string {
  return normaliseHeader(text.replace(/\([^)]*\)|\[[^\]]*\]/g, " ")).replace(
    /\s+(?:(?:excl|excluding|exc|ex|incl|including|inc) vat|gbp|zar|pounds|rand|dd mm yyyy|yyyy mm dd)$/,
    "",
  );
}

interface Candidate {
  column: number;
  field: ImportableField;
  score: number;
  aliasRank: number;
}

/**
 * Suggests, for each column of the header, the field it most likely fills, or null. Each field is suggested at
 * most once. Exact matches of the whole normalised name win, then matches once qualifiers such as "(£)" or
 * "excl. VAT" are dropped, then an alias at the start or end of a longer name ("Contract Start Date (actual)").
 * Ties go to the more specific alias, then to the leftmost column.
 */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const candidates: Candidate[] = [];
  const claimedAsUnimported = new Set<number>();
  header.forEach((cell, column) => {
    const full = normaliseHeader(cell);
    const bare = withoutQualifiers(cell);
    if (full === "") return;
    if (knownUnimportedColumns.has(full) || knownUnimportedColumns.has(bare)) {
      claimedAsUnimported.add(column);
      return;
    }
    for (const field of importableFields) {
      const aliases = importableFieldDefinitions[field].aliases;
      aliases.forEach((alias, aliasRank) => {
        const score = matchScore(full, bare, alias);
        if (score > 0) candidates.push({ column, field, score, aliasRank });
      });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.aliasRank - b.aliasRank || a.column - b.column);

  const mapping: ColumnMapping = header.map(() => null);
  const usedFields = new Set<ImportableField>();
  for (const candidate of candidates) {
    if (usedFields.has(candidate.field) || mapping[candidate.column] !== null) continue;
    if (claimedAsUnimported.has(candidate.column)) continue;
    mapping[candidate.column] = candidate.field;
    usedFields.add(candidate.field);
  }
  return mapping;
}

function matchScore(full: string, bare: string, alias: string): number {
  if (full === alias) return 300;
  if (bare === alias) return 200;
  const words = bare.split(" ");
  const aliasWords = alias.split(" ");
  if (aliasWords.length >= words.length) return 0;
  if (aliasWords.length === 1 && !looseSingleWords.has(alias)) return 0;
  const atStart = aliasWords.every((word, index) => words[index] === word);
  const offset = words.length - aliasWords.length;
  const atEnd = aliasWords.every((word, index) => words[offset + index] === word);
  if (!atStart && !atEnd) return 0;
  const rest = atEnd ? words.slice(0, offset) : words.slice(aliasWords.length);
  if (rest.some((word) => looseMatchBlockers.has(word))) return 0;
  // Longer aliases are more specific; a match at the end ("Contract Start Date") reads more naturally.
  return 100 + aliasWords.length * 10 + (atEnd ? 1 : 0);
}

/** "A", "B", … "Z", "AA": the column letter a spreadsheet shows. */
export function columnLetter(index: number): string {
  let letters = "";
  let remaining = index + 1;
  while (remaining > 0) {
    const digit = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}

export interface ColumnNotImported {
  /** The spreadsheet's column letter. */
  column: string;
  /** The column's heading as the file has it ("" when it has none). */
  name: string;
}

/**
 * The columns a mapping leaves out, as the preview lists them under "will not be imported" before the person
 * confirms: nothing in the file is dropped without being named.
 */
export function columnsNotImported(
  header: readonly string[],
  mapping: readonly (ImportableField | null)[],
): ColumnNotImported[] {
  return header.flatMap((name, column) =>
    mapping[column] ? [] : [{ column: columnLetter(column), name: name.trim() }],
  );
}
