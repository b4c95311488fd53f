import type { ContractInput } from "../contracts/contract-input.ts";

/** Fields used to find or create the supplier; the caller resolves them to a supplierId. */
export type SupplierImportField =
  | "supplierName"
  | "supplierRegistrationNumber"
  | "supplierIsSme"
  | "supplierIsVcse";

/** ContractInput fields a register can carry. People (manager, SRO) and the supplier id are resolved by the caller. */
export type ContractImportField = Exclude<keyof ContractInput, "supplierId" | "contractManagerId" | "sroId">;

export const importableFields = [
  "reference",
  "title",
  "description",
  "category",
  "cpvCode",
  "serviceArea",
  "supplierName",
  "supplierRegistrationNumber",
  "supplierIsSme",
  "supplierIsVcse",
  "awardDate",
  "signedDate",
  "startDate",
  "endDate",
  "maxExtensionDate",
  "noticeDate",
  "annualValueMinor",
  "totalValueMinor",
  "capitalValueMinor",
  "currency",
  "procurementRoute",
  "lightTouch",
  "corporatePriority",
  "keyPublicService",
  "serviceRisk",
  "status",
  "lifecycleStage",
] as const satisfies readonly (ContractImportField | SupplierImportField)[];
export type ImportableField = (typeof importableFields)[number];

/** One entry per column of the file: the field it fills, or null to ignore the column. */
export type ColumnMapping = (ImportableField | null)[];

/** How a cell is read; the preview can show the expected format from it. */
export type FieldKind =
  | "text"
  | "long-text"
  | "category"
  | "cpv"
  | "registration-number"
  | "date"
  | "money"
  | "currency"
  | "procurement-route"
  | "yes-no"
  | "sme"
  | "vcse"
  | "service-risk"
  | "status"
  | "lifecycle-stage";

export interface ImportableFieldDefinition {
  /** Shown in the column picker. */
  label: string;
  /** Used inside sentences ("Row 4: total value is 0 — left blank"). */
  name: string;
  kind: FieldKind;
  /** Every contract needs it; a file without the column cannot be imported. */
  required: boolean;
  /**
   * Column names that mean this field, most specific first, already normalised (see normaliseHeader). Sources:
   * Local Government Transparency Code 2015 fields and the real layouts in reference/contract-register-formats.md
   * (Norfolk/LGA esd, Leicester, Birmingham, LLDC, Ashford, Scotland, NHS/CCS, Contracts Finder/OCDS).
   */
  aliases: readonly string[];
}

export const importableFieldDefinitions: Record<ImportableField, ImportableFieldDefinition> = {
  reference: {
    label: "Reference",
    name: "reference",
    kind: "text",
    required: true,
    aliases: [
      "reference",
      "reference number",
      "reference no",
      "contract reference",
      "contract reference number",
      "contract reference no",
      "contract ref",
      "contract ref no",
      "contract number",
      "contract no",
      "contract id",
      "contract identifier",
      "ref",
      "ref no",
      "ref number",
      "our ref",
      "our reference",
      "internal reference",
      "unique reference",
      "purchase order number",
      "po number",
    ],
  },
  title: {
    label: "Title",
    name: "title",
    kind: "text",
    required: true,
    aliases: [
      "title",
      "title of agreement",
      "contract title",
      "title of contract",
      "agreement title",
      "contract name",
      "name of contract",
      "project title",
      "project name",
      "subject matter",
      "subject",
      "contract",
      "name",
    ],
  },
  description: {
    label: "Description",
    name: "description",
    kind: "long-text",
    required: false,
    aliases: [
      "description",
      "contract description",
      "description of goods services",
      "description of goods and services",
      "description of goods or services",
      "description of services",
      "description of contract",
      "service description",
      "short description",
      "long description",
      "contract details",
      "details",
      "summary",
      "scope",
    ],
  },
  category: {
    label: "Category (goods, services or works)",
    name: "category",
    kind: "category",
    required: false,
    aliases: [
      "category",
      "contract category",
      "main procurement category",
      "primary procurement category",
      "procurement category",
      "goods services works",
      "goods services or works",
      "contract type",
      "type of contract",
      "nature of contract",
      "type",
    ],
  },
  cpvCode: {
    label: "CPV code",
    name: "CPV code",
    kind: "cpv",
    required: false,
    aliases: [
      "cpv code",
      "cpv",
      "cpv codes",
      "main cpv code",
      "primary cpv code",
      "common procurement vocabulary",
    ],
  },
  serviceArea: {
    label: "Service area",
    name: "service area",
    kind: "text",
    required: false,
    aliases: [
      "service area",
      "department",
      "directorate",
      "local authority department responsible",
      "department responsible",
      "responsible department",
      "service department",
      "business unit",
      "division",
      "portfolio",
      "service",
      "team",
    ],
  },
  supplierName: {
    label: "Supplier name",
    name: "supplier name",
    kind: "text",
    required: false,
    aliases: [
      "supplier name",
      "supplier",
      "name of supplier",
      "supplier names",
      "suppliers",
      "contractor",
      "contractor name",
      "contractors",
      "vendor",
      "vendor name",
      "provider",
      "provider name",
      "awarded to",
      "successful supplier",
      "supplier details",
      "other parties",
    ],
  },
  supplierRegistrationNumber: {
    label: "Supplier registration number (Companies House or charity)",
    name: "supplier registration number",
    kind: "registration-number",
    required: false,
    aliases: [
      "supplier registration number",
      "supplier companies house number",
      "supplier company number",
      "supplier registered company number",
      "companies house number",
      "companies house no",
      "company number",
      "company no",
      "company registration number",
      "company reg no",
      "registered company number",
      "registration number",
      "crn",
      "charity number",
      "charity no",
      "registered charity number",
      "charity registration number",
    ],
  },
  supplierIsSme: {
    label: "Supplier is an SME",
    name: "SME flag",
    kind: "sme",
    required: false,
    aliases: [
      "sme",
      "supplier sme",
      "sme supplier",
      "supplier is sme",
      "is sme",
      "sme y n",
      "sme status",
      "sme flag",
      "supplier scale",
      "supplier size",
      "small or medium enterprise",
      "small medium enterprise",
    ],
  },
  supplierIsVcse: {
    label: "Supplier is a VCSE",
    name: "VCSE flag",
    kind: "vcse",
    required: false,
    aliases: [
      "vcse",
      "supplier vcse",
      "vcse supplier",
      "supplier is vcse",
      "is vcse",
      "vcse y n",
      "vcse status",
      "vcse supplier type",
      "vcs",
      "voluntary community social enterprise",
      "voluntary community or social enterprise",
    ],
  },
  awardDate: {
    label: "Award date",
    name: "award date",
    kind: "date",
    required: false,
    aliases: [
      "award date",
      "contract award date",
      "date awarded",
      "date of award",
      "awarded date",
      "awarded",
    ],
  },
  signedDate: {
    label: "Signed date",
    name: "signed date",
    kind: "date",
    required: false,
    aliases: ["signed date", "date signed", "signature date", "date of signature", "contract signed date"],
  },
  startDate: {
    label: "Start date",
    name: "start date",
    kind: "date",
    required: false,
    aliases: [
      "start date",
      "contract start date",
      "contract start",
      "start",
      "commencement date",
      "date of commencement",
      "start of contract",
      "validity start",
      "effective date",
      "from",
    ],
  },
  endDate: {
    label: "End date",
    name: "end date",
    kind: "date",
    required: false,
    aliases: [
      "end date",
      "contract end date",
      "contract current end date",
      "current end date",
      "end date excluding extensions",
      "end date without extensions",
      "contract end",
      "end",
      "expiry date",
      "contract expiry date",
      "expiry",
      "expiration date",
      "end of contract",
      "finish date",
      "validity end",
      "to",
    ],
  },
  maxExtensionDate: {
    label: "Latest end date with all extensions",
    name: "latest extension date",
    kind: "date",
    required: false,
    aliases: [
      "maximum contract end date",
      "max extension date",
      "maximum extension date",
      "max end date",
      "maximum end date",
      "end date including extensions",
      "end date incl extensions",
      "end date with extensions",
      "end date if extended",
      "extended end date",
      "extension end date",
      "final end date",
      "latest end date",
      "extension date",
    ],
  },
  noticeDate: {
    label: "Notice date",
    name: "notice date",
    kind: "date",
    required: false,
    aliases: ["notice date", "notice period date", "break date", "break clause date"],
  },
  annualValueMinor: {
    label: "Annual value",
    name: "annual value",
    kind: "money",
    required: false,
    aliases: [
      "annual value",
      "annual contract value",
      "estimated annual value",
      "estimated annual spend",
      "annual spend",
      "annual budget",
      "estimated annual budget",
      "contract value per annum",
      "value per annum",
      "value per year",
      "annual cost",
      "average annual value",
      "yearly value",
    ],
  },
  totalValueMinor: {
    label: "Total value",
    name: "total value",
    kind: "money",
    required: false,
    aliases: [
      "total value",
      "contract value",
      "value of contract",
      "total contract value",
      "estimated contract value",
      "estimated total value",
      "contract award value",
      "award value",
      "awarded value",
      "original value",
      "whole life value",
      "lifetime value",
      "sum to be paid",
      "total amount",
      "contract amount",
      "value of agreement",
      "estimated value",
      "total cost",
      "amount",
      "value",
    ],
  },
  capitalValueMinor: {
    label: "Capital value",
    name: "capital value",
    kind: "money",
    required: false,
    aliases: [
      "capital value",
      "capital contract value",
      "capital amount",
      "capital budget",
      "capital spend",
      "capital",
    ],
  },
  currency: {
    label: "Currency",
    name: "currency",
    kind: "currency",
    required: false,
    aliases: ["currency", "currency code", "ccy"],
  },
  procurementRoute: {
    // The detailed procedure ("Call-off from a framework agreement") is preferred to OCDS's procurementMethod
    // code (open / selective / limited / direct), which cannot tell a framework call-off from a restricted tender.
    label: "Procurement route",
    name: "procurement route",
    kind: "procurement-route",
    required: false,
    aliases: [
      "procurement route",
      "route to market",
      "procurement procedure",
      "procurement method details",
      "procurement method",
      "procurement process",
      "method of procurement",
      "procurement type",
      "tender route",
      "invitation to quote or tender",
    ],
  },
  lightTouch: {
    label: "Light-touch regime",
    name: "light-touch flag",
    kind: "yes-no",
    required: false,
    aliases: ["light touch", "light touch regime", "light touch contract", "ltr"],
  },
  corporatePriority: {
    label: "Corporate priority",
    name: "corporate priority flag",
    kind: "yes-no",
    required: false,
    aliases: ["corporate priority", "corporate priorities", "key corporate priority", "council priority"],
  },
  keyPublicService: {
    label: "Key public service",
    name: "key public service flag",
    kind: "yes-no",
    required: false,
    aliases: ["key public service", "critical service", "business critical"],
  },
  serviceRisk: {
    label: "Service risk",
    name: "service risk",
    kind: "service-risk",
    required: false,
    aliases: ["service risk", "risk rating", "risk level", "contract risk", "risk category", "risk"],
  },
  status: {
    label: "Status",
    name: "status",
    kind: "status",
    required: false,
    aliases: ["contract status", "status", "current status"],
  },
  lifecycleStage: {
    label: "Lifecycle stage",
    name: "lifecycle stage",
    kind: "lifecycle-stage",
    required: false,
    aliases: ["lifecycle stage", "life cycle stage", "contract stage", "lifecycle", "stage", "phase"],
  },
};

/**
 * Columns that real registers carry but Steward does not import. Naming them stops a looser match from
 * mapping, say, "tender_estimated_value" to the contract value or "award_status" to the status.
 */
const knownUnimportedColumns = new Set([
  "buyer",
  "buyer name",
  "buyer local authority",
  "local authority",
  "authority",
  "council",
  "entity",
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
