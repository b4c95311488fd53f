import { type ContractInput, contractInput } from "../contracts/contract-input.ts";
import { formatMoney } from "../money.ts";
import { cleanTextReport, type DateReading, isPlaceholder, readDate, readMoney } from "./clean.ts";
import {
  type ColumnMapping,
  columnLetter,
  type ImportableField,
  importableFieldDefinitions,
  importableFields,
  normaliseHeader,
} from "./columns.ts";
import {
  type ContractCategory,
  categoryFromCpv,
  readCategory,
  readCpvCode,
  readCurrency,
  readLifecycleStage,
  readProcurementRoute,
  readServiceRisk,
  readSme,
  readStatus,
  readVcse,
  readYesNo,
} from "./values.ts";

/**
 * A problem blocks the import (DESIGN §4: no partial writes); a warning is shown in the preview and does not.
 * rowNumber is the row a user sees in a spreadsheet: the header is row 1 (or headerRowNumber), so the first
 * contract is row 2. Issues about the mapping itself carry the header's row number.
 */
export interface ImportIssue {
  rowNumber: number;
  field: ImportableField | null;
  message: string;
  /** The cell as the file has it, or null for issues about the header or a whole row. */
  value: string | null;
}

export interface SupplierDetails {
  supplierName: string | null;
  supplierRegistrationNumber: string | null;
  supplierIsSme: boolean | null;
  supplierIsVcse: boolean | null;
}

/** A contract ready for the caller to resolve its supplier (and later its people) and write. */
export type ImportedRow = Omit<ContractInput, "supplierId" | "contractManagerId" | "sroId"> &
  SupplierDetails & { rowNumber: number };

export interface ImportDefaults {
  /** The tenant's currency, used when the file has no currency column or the cell is blank. */
  currency: string;
  /** Used when a row has no category and no CPV code to infer one from. Default: services. */
  category?: ContractCategory;
}

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
}

type ContractFields = Omit<ContractInput, "supplierId" | "contractManagerId" | "sroId">;
/** Parsed values; a field left out takes contractInput's default. */
type Draft = { [K in keyof ContractFields]?: ContractFields[K] } & Partial<SupplierDetails>;

/**
 * Checks every row of a mapped register and returns the contracts that can be imported, the problems that must
 * be fixed first, and warnings. Decisions:
 * - Text is cleaned (mojibake, HTML, lost line breaks: see cleanTextReport); repairs of garbled characters and
 *   removed HTML are warnings, restored line breaks and whitespace are not (they would flag most real rows).
 * - A value of 0 is a warning and imported as blank: real registers write 0 where the value is unknown.
 *   "TBC", "N/A" and "-" in a date or value cell are blank too, with a warning. Values written as "£1.2m" are
 *   read (with a warning that the register holds a rounded figure).
 * - Dates are read day first, never month first (see readDate).
 * - Category: from the category cell ("Services", "Works", "Supplies"…); if that is blank or unclear, from the
 *   CPV division (45 works; 03–44 and 48 goods; 50–98 services); otherwise defaults.category or services.
 *   Each fallback is a warning on the row, or one warning on the header when the file has no category column.
 * - References must be unique in the file (compared ignoring case and spacing). Every row that shares one is a
 *   problem, since a register often repeats a tender reference for each supplier or lot; the fix is a suffix.
 * - A Companies House number that lost its leading zero in a spreadsheet (4142000) gets it back (04142000)
 *   with a warning, when the column is named as a company number.
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
    return /compan|\bcrn\b|\bcoh\b/.test(normaliseHeader(input.header[column] ?? ""));
  })();

  const candidates: { row: ImportedRow; referenceKey: string }[] = [];
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
  };
}

function referenceKey(reference: string): string {
  return reference.replace(/\s+/g, " ").trim().toLowerCase();
}

interface RowContext {
  rowNumber: number;
  cells: readonly string[];
  header: readonly string[];
  columnOf: ReadonlyMap<ImportableField, number>;
  defaults: ImportDefaults;
  registrationIsCompanyNumber: boolean;
}

interface CheckedRow {
  row: ImportedRow | null;
  problems: ImportIssue[];
  warnings: ImportIssue[];
}

function checkRow(context: RowContext): CheckedRow {
  const { rowNumber, cells, columnOf, defaults } = context;
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const fieldsWithProblems = new Set<ImportableField>();
  const prefix = `Row ${rowNumber}:`;
  const problem = (field: ImportableField | null, message: string, value: string | null) => {
    problems.push({ rowNumber, field, message: `${prefix} ${message}`, value });
    if (field) fieldsWithProblems.add(field);
  };
  const warn = (field: ImportableField | null, message: string, value: string | null) => {
    warnings.push({ rowNumber, field, message: `${prefix} ${message}`, value });
  };
  const cell = (field: ImportableField): string | undefined => {
    const column = columnOf.get(field);
    return column === undefined ? undefined : (cells[column] ?? "");
  };
  const name = (field: ImportableField) => importableFieldDefinitions[field].name;

  if (
    cells.length > context.header.length &&
    cells.slice(context.header.length).some((extra) => extra.trim())
  ) {
    problem(
      null,
      `this row has ${cells.length} cells but the header has ${context.header.length} — a value probably contains a comma without quotes around it.`,
      null,
    );
  }

  const draft: Draft = {};

  // Text
  const text = (field: ImportableField, multiline: boolean): string | null | undefined => {
    const raw = cell(field);
    if (raw === undefined) return undefined;
    const cleaned = cleanTextReport(raw, { multiline });
    if (cleaned.encodingRepairs.length > 0) {
      const examples = uniqueRepairs(cleaned.encodingRepairs)
        .slice(0, 3)
        .map(
          ({ garbled, repaired }) => `"${garbled}" → ${repaired.trim() === "" ? "a space" : `"${repaired}"`}`,
        );
      warn(
        field,
        `${name(field)} had garbled characters, repaired (${examples.join(", ")}) — check the text.`,
        raw,
      );
    }
    if (cleaned.removedMarkup) warn(field, `${name(field)} contained HTML — converted to plain text.`, raw);
    return cleaned.text === "" ? null : cleaned.text;
  };

  const reference = text("reference", false);
  if (reference === null)
    problem("reference", "reference is blank — every contract needs its own reference.", "");
  if (reference) draft.reference = reference;
  const title = text("title", false);
  if (title === null) problem("title", "title is blank — give the contract a title.", "");
  if (title) draft.title = title;
  const description = text("description", true);
  if (description !== undefined) draft.description = description;
  const serviceArea = text("serviceArea", false);
  if (serviceArea !== undefined) draft.serviceArea = serviceArea;
  const supplierName = text("supplierName", false);
  draft.supplierName = supplierName ?? null;

  const registration = text("supplierRegistrationNumber", false);
  if (registration) {
    let number = registration.replace(/\s+/g, "").toUpperCase();
    if (context.registrationIsCompanyNumber && /^\d{1,7}$/.test(number)) {
      const padded = number.padStart(8, "0");
      warn(
        "supplierRegistrationNumber",
        `Companies House number ${number} is shorter than 8 digits — read as ${padded} (a spreadsheet drops leading zeros); check it.`,
        cell("supplierRegistrationNumber") ?? null,
      );
      number = padded;
    }
    draft.supplierRegistrationNumber = number;
  } else {
    draft.supplierRegistrationNumber = null;
  }

  // CPV and category
  const rawCpv = cell("cpvCode");
  if (rawCpv !== undefined && rawCpv.trim() !== "" && !isPlaceholder(rawCpv)) {
    const cpv = readCpvCode(rawCpv);
    if (!cpv) {
      problem(
        "cpvCode",
        `CPV code ${show(rawCpv)} is not a CPV code — use 8 digits such as 90511000.`,
        rawCpv,
      );
    } else {
      draft.cpvCode = cpv.code;
      if (cpv.restoredLeadingZero) {
        warn(
          "cpvCode",
          `CPV code ${rawCpv.trim()} has 7 digits — read as ${cpv.code} (leading zero restored).`,
          rawCpv,
        );
      }
      if (cpv.firstOfSeveral)
        warn("cpvCode", `several CPV codes are given — ${cpv.code}, the first, is used.`, rawCpv);
    }
  }

  const rawCategory = cell("category");
  const statedCategory =
    rawCategory === undefined || rawCategory.trim() === ""
      ? undefined
      : readCategory(cleanTextReport(rawCategory).text);
  if (statedCategory) {
    draft.category = statedCategory;
  } else {
    const fromCpv = draft.cpvCode ? categoryFromCpv(draft.cpvCode) : undefined;
    const chosen = fromCpv ?? defaults.category ?? "services";
    draft.category = chosen;
    if (rawCategory !== undefined) {
      const what =
        rawCategory.trim() === ""
          ? "category is blank"
          : `category ${show(rawCategory)} is not one of goods, services or works`;
      const because =
        fromCpv && draft.cpvCode
          ? `from CPV code ${draft.cpvCode} (division ${draft.cpvCode.slice(0, 2)} is ${fromCpv})`
          : "as there is no CPV code to go by";
      warn("category", `${what} — set to ${chosen} ${because}; change it if that is wrong.`, rawCategory);
    }
  }

  // Currency first: value warnings show amounts in it.
  const rawCurrency = cell("currency");
  let currency = defaults.currency;
  if (rawCurrency !== undefined && rawCurrency.trim() !== "") {
    const read = readCurrency(rawCurrency);
    if (read === undefined) {
      problem(
        "currency",
        `currency ${show(rawCurrency)} is not a currency — use a code such as GBP or ZAR.`,
        rawCurrency,
      );
    } else {
      currency = read;
      if (read !== defaults.currency) {
        warn(
          "currency",
          `currency is ${read}, not your council's ${defaults.currency} — check the values are in ${read}.`,
          rawCurrency,
        );
      }
    }
  }
  draft.currency = currency;

  // Dates
  const dateFields = [
    "awardDate",
    "signedDate",
    "startDate",
    "endDate",
    "maxExtensionDate",
    "noticeDate",
  ] as const;
  for (const field of dateFields) {
    const raw = cell(field);
    if (raw === undefined) continue;
    const reading = readDate(raw);
    const outcome = describeDate(reading, name(field), raw);
    if (outcome.problem) problem(field, outcome.problem, raw);
    if (outcome.warning) warn(field, outcome.warning, raw);
    if (reading.kind === "date") draft[field] = reading.iso;
  }
  if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) {
    problem(
      "endDate",
      `end date ${ukDate(draft.endDate)} is before the start date ${ukDate(draft.startDate)} — check both dates.`,
      cell("endDate") ?? null,
    );
  }
  if (draft.endDate && draft.maxExtensionDate && draft.maxExtensionDate < draft.endDate) {
    problem(
      "maxExtensionDate",
      `latest extension date ${ukDate(draft.maxExtensionDate)} is before the end date ${ukDate(draft.endDate)} — check both dates.`,
      cell("maxExtensionDate") ?? null,
    );
  }

  // Money
  const moneyFields = ["annualValueMinor", "totalValueMinor", "capitalValueMinor"] as const;
  for (const field of moneyFields) {
    const raw = cell(field);
    if (raw === undefined) continue;
    const reading = readMoney(raw);
    switch (reading.kind) {
      case "blank":
        break;
      case "placeholder":
        warn(field, `${name(field)} is ${show(reading.text)} — left blank.`, raw);
        break;
      case "invalid":
        problem(
          field,
          reading.reason === "negative"
            ? `${name(field)} ${raw.trim()} is negative — a contract value cannot be; enter it without a minus sign or brackets.`
            : reading.reason === "too-large"
              ? `${name(field)} ${show(raw)} is too large to be a contract value — check it.`
              : `${name(field)} ${show(raw)} is not an amount — use a number such as 1234.56 or £1,234.56, or leave it blank.`,
          raw,
        );
        break;
      case "amount":
        if (reading.minor === 0) {
          // Real registers carry 0 where the value is unknown.
          warn(field, `${name(field)} is 0 — left blank.`, raw);
          break;
        }
        draft[field] = reading.minor;
        if (reading.abbreviated) {
          warn(
            field,
            `${name(field)} ${raw.trim()} read as ${formatMoney(reading.minor, currency, "en-GB")} — the register holds a rounded figure; enter the exact value if you have it.`,
            raw,
          );
        }
        if (reading.rounded) {
          warn(
            field,
            `${name(field)} ${raw.trim()} rounded to ${formatMoney(reading.minor, currency, "en-GB")}.`,
            raw,
          );
        }
        break;
    }
  }

  // Procurement route
  const rawRoute = cell("procurementRoute");
  if (rawRoute !== undefined) {
    const route = readProcurementRoute(cleanTextReport(rawRoute).text);
    draft.procurementRoute = route.route;
    if (!route.recognised) {
      warn(
        "procurementRoute",
        `procurement route ${show(rawRoute)} is not one Steward knows — recorded as other; choose the route after the import.`,
        rawRoute,
      );
    }
  }

  // Flags
  const flagFields = ["lightTouch", "corporatePriority", "keyPublicService"] as const;
  for (const field of flagFields) {
    const raw = cell(field);
    if (raw === undefined || raw.trim() === "") continue;
    const flag = readYesNo(raw);
    if (flag === undefined)
      problem(field, `${name(field)} ${show(raw)} is not yes or no — use Yes or No.`, raw);
    else draft[field] = flag;
  }
  const rawSme = cell("supplierIsSme");
  draft.supplierIsSme = readSupplierFlag(rawSme, readSme, () =>
    warn(
      "supplierIsSme",
      `SME flag ${show(rawSme ?? "")} is not yes, no, SME or large — left blank.`,
      rawSme ?? null,
    ),
  );
  const rawVcse = cell("supplierIsVcse");
  draft.supplierIsVcse = readSupplierFlag(rawVcse, readVcse, () =>
    warn(
      "supplierIsVcse",
      `VCSE flag ${show(rawVcse ?? "")} is not yes or no — left blank.`,
      rawVcse ?? null,
    ),
  );

  // Coded values
  const rawRisk = cell("serviceRisk");
  if (rawRisk !== undefined && rawRisk.trim() !== "") {
    const risk = readServiceRisk(rawRisk);
    if (risk === undefined)
      problem("serviceRisk", `service risk ${show(rawRisk)} is not low, medium or high.`, rawRisk);
    else draft.serviceRisk = risk;
  }
  const rawStatus = cell("status");
  if (rawStatus !== undefined && rawStatus.trim() !== "") {
    const status = readStatus(rawStatus);
    if (status === undefined) {
      problem(
        "status",
        `status ${show(rawStatus)} is not one of awarded, active, expired or terminated — Steward's register holds awarded contracts.`,
        rawStatus,
      );
    } else {
      draft.status = status;
    }
  }
  const rawStage = cell("lifecycleStage");
  if (rawStage !== undefined && rawStage.trim() !== "") {
    const stage = readLifecycleStage(rawStage);
    if (stage === undefined) {
      problem(
        "lifecycleStage",
        `lifecycle stage ${show(rawStage)} is not one of handover, mobilisation, delivery, change, closing, closed or re-procurement.`,
        rawStage,
      );
    } else {
      draft.lifecycleStage = stage;
    }
  }

  // Whatever contractInput still rejects (lengths, formats) is reported in the same words.
  const parsed = contractInput.safeParse({
    ...draft,
    supplierId: null,
    contractManagerId: null,
    sroId: null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = importableFields.find((candidate) => candidate === key) ?? null;
      if (field && (fieldsWithProblems.has(field) || cell(field) === undefined)) continue;
      const raw = field ? (cell(field) ?? null) : null;
      const label = field ? name(field) : "this row";
      problem(
        field,
        issue.code === "too_big" && issue.origin === "string"
          ? `${label} is ${(field ? String(draft[field] ?? "") : "").length} characters — the most allowed is ${issue.maximum}; shorten it.`
          : `${label}: ${issue.message}`,
        raw,
      );
    }
  }
  if (problems.length > 0 || !parsed.success) return { row: null, problems, warnings };

  const contract = parsed.data;
  const row: ImportedRow = {
    rowNumber,
    reference: contract.reference,
    title: contract.title,
    description: contract.description,
    category: contract.category,
    cpvCode: contract.cpvCode,
    serviceArea: contract.serviceArea,
    awardDate: contract.awardDate,
    signedDate: contract.signedDate,
    startDate: contract.startDate,
    endDate: contract.endDate,
    maxExtensionDate: contract.maxExtensionDate,
    noticeDate: contract.noticeDate,
    annualValueMinor: contract.annualValueMinor,
    totalValueMinor: contract.totalValueMinor,
    capitalValueMinor: contract.capitalValueMinor,
    currency: contract.currency,
    procurementRoute: contract.procurementRoute,
    lightTouch: contract.lightTouch,
    corporatePriority: contract.corporatePriority,
    keyPublicService: contract.keyPublicService,
    serviceRisk: contract.serviceRisk,
    status: contract.status,
    lifecycleStage: contract.lifecycleStage,
    supplierName: draft.supplierName ?? null,
    supplierRegistrationNumber: draft.supplierRegistrationNumber ?? null,
    supplierIsSme: draft.supplierIsSme ?? null,
    supplierIsVcse: draft.supplierIsVcse ?? null,
  };
  return { row, problems, warnings };
}

function readSupplierFlag(
  raw: string | undefined,
  read: (text: string) => boolean | undefined,
  onUnrecognised: () => void,
): boolean | null {
  if (raw === undefined || raw.trim() === "" || isPlaceholder(raw)) return null;
  const flag = read(raw);
  if (flag === undefined) onUnrecognised();
  return flag ?? null;
}

function describeDate(
  reading: DateReading,
  name: string,
  raw: string,
): { problem?: string; warning?: string } {
  switch (reading.kind) {
    case "blank":
      return {};
    case "placeholder":
      return { warning: `${name} is ${show(reading.text)} — left blank.` };
    case "date":
      return reading.format === "spreadsheet-serial"
        ? {
            warning: `${name} ${raw.trim()} read as a spreadsheet date number: ${ukDate(reading.iso)} — check it.`,
          }
        : {};
    case "invalid":
      if (reading.reason === "year-only") {
        return { problem: `${name} ${raw.trim()} is only a year — give the full date as DD/MM/YYYY.` };
      }
      if (reading.reason === "not-a-real-date") {
        return {
          problem: reading.monthFirst
            ? `${name} ${show(raw)} is not a real date — dates are read day first (DD/MM/YYYY); if you mean ${longDate(reading.monthFirst)}, write ${ukDate(reading.monthFirst)}.`
            : `${name} ${show(raw)} is not a real date — use DD/MM/YYYY.`,
        };
      }
      return { problem: `${name} ${show(raw)} is not a date — use DD/MM/YYYY.` };
  }
}

function ukDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** A value as it appears in a message: bare when it is one short word, otherwise quoted and shortened. */
function show(value: string): string {
  const trimmed = value.trim();
  const short = trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
  return /^[^\s"]+$/.test(short) ? short : `"${short}"`;
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function listRows(rowNumbers: readonly number[]): string {
  if (rowNumbers.length <= 6) return joinWords(rowNumbers.map(String));
  return `${rowNumbers.slice(0, 5).join(", ")} and ${rowNumbers.length - 5} more`;
}

function uniqueRepairs<T extends { garbled: string }>(repairs: readonly T[]): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const repair of repairs) {
    if (seen.has(repair.garbled)) continue;
    seen.add(repair.garbled);
    unique.push(repair);
  }
  return unique;
}
