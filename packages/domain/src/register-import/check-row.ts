import { type ContractInput, contractInput } from "../contracts/contract-input.ts";
import { statusLabels } from "../contracts/labels.ts";
import { statusAfterEndDate } from "../contracts/status.ts";
import { formatMoney } from "../money.ts";
import { readMoney } from "./amounts.ts";
import { isSameCouncil } from "./buyer.ts";
import { type DateReading, readDate } from "./dates.ts";
import { type ImportableField, importableFieldDefinitions, importableFields } from "./fields.ts";
import { longDate, show, ukDate } from "./messages.ts";
import { type Member, matchMember } from "./people.ts";
import { isPlaceholder } from "./placeholders.ts";
import { cleanTextReport } from "./text.ts";
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
  readSmeVcse,
  readStatus,
  readVcse,
  readYesNo,
} from "./values.ts";

/** One row of a register, read and checked on its own; the file-level checks are validateImport's (rows.ts). */

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

/**
 * A contract ready for the caller to resolve its supplier (matchSuppliers) and write. The manager and SRO are
 * members already matched; null when the column is blank, or when the name matched no member (a warning).
 */
export type ImportedRow = Omit<ContractInput, "supplierId"> & SupplierDetails & { rowNumber: number };

export interface ImportDefaults {
  /** The tenant's currency, used when the file has no currency column or the cell is blank. */
  currency: string;
  /** Used when a row has no category and no CPV code to infer one from. Default: services. */
  category?: ContractCategory;
  /** The council importing: a row whose buying council is another is a problem. */
  councilName?: string;
  /** The council's members, for the contract manager and SRO columns. */
  members?: readonly Member[];
  /** The council's today (YYYY-MM-DD): a contract whose end date has passed is imported as expired. */
  today?: string;
}

type ContractFields = Omit<ContractInput, "supplierId">;
/** Parsed values; a field left out takes contractInput's default. */
type Draft = { [K in keyof ContractFields]?: ContractFields[K] } & Partial<SupplierDetails>;

export interface RowContext {
  rowNumber: number;
  cells: readonly string[];
  header: readonly string[];
  columnOf: ReadonlyMap<ImportableField, number>;
  defaults: ImportDefaults;
  registrationIsCompanyNumber: boolean;
}

export interface UnmatchedPerson {
  field: "contractManager" | "sro";
  /** The cell as cleaned. */
  text: string;
  reason: "unmatched" | "ambiguous";
}

export interface CheckedRow {
  row: ImportedRow | null;
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** Contract managers and SROs the row names that are not (or not only one of) the council's members. */
  unmatchedPeople: UnmatchedPerson[];
}

/**
 * Reads and checks one row. Decisions:
 * - Text is cleaned (mojibake, HTML, lost line breaks: see cleanTextReport); repairs of garbled characters and
 *   removed HTML are warnings, restored line breaks and whitespace are not (they would flag most real rows).
 * - A value of 0 is a warning and imported as blank: real registers write 0 where the value is unknown.
 *   "TBC", "N/A" and "-" in a date or value cell are blank too, with a warning. Values written as "£1.2m" are
 *   read (with a warning that the register holds a rounded figure).
 * - Dates are read day first, never month first (see readDate).
 * - Category: from the category cell; if that is blank or unclear, from the CPV division; otherwise
 *   defaults.category or services, each fallback a warning.
 * - A Companies House number that lost its leading zero in a spreadsheet (4142000) gets it back (04142000)
 *   with a warning, when the column is named as a company number (and not also as a charity number).
 * - A buying council other than the importing one is a problem naming it: the row is another council's.
 * - A contract whose end date has passed is expired, as the register's form records it; a file that says it is
 *   active or awarded gets a warning saying so.
 * - An unknown procurement route is left blank with a warning naming it, never guessed.
 * - Contract manager and SRO are matched to members by e-mail, then name; an unmatched or ambiguous name is a
 *   warning and the field is left blank.
 */
export function checkRow(context: RowContext): CheckedRow {
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

  // The buying council: a row of another council's register is never imported into this one.
  const buyer = text("buyer", false);
  if (buyer && defaults.councilName && !isSameCouncil(buyer, defaults.councilName)) {
    problem(
      "buyer",
      `this is ${buyer}'s contract, not ${defaults.councilName}'s — remove the row (import it into ${buyer}'s register), or set the buying council column to "Not imported" if the file is yours.`,
      cell("buyer") ?? null,
    );
  }

  // People, matched to the council's members.
  const unmatchedPeople: UnmatchedPerson[] = [];
  for (const [field, idField] of [
    ["contractManager", "contractManagerId"],
    ["sro", "sroId"],
  ] as const) {
    const person = text(field, false);
    if (person === undefined) continue;
    if (person === null || isPlaceholder(person)) {
      draft[idField] = null;
      continue;
    }
    const match = matchMember(person, defaults.members ?? []);
    if (match.kind === "matched") {
      draft[idField] = match.userId;
      continue;
    }
    draft[idField] = null;
    unmatchedPeople.push({ field, text: person, reason: match.kind });
    warn(
      field,
      match.kind === "ambiguous"
        ? `${name(field)} ${show(person)} matches ${match.count} members — left blank; give their e-mail address to tell them apart, or set it after the import.`
        : `${name(field)} ${show(person)} is not a member of this council — left blank; invite them, or set it after the import.`,
      cell(field) ?? null,
    );
  }

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
        `procurement route ${show(rawRoute)} is not one Steward knows — left blank; choose the route after the import.`,
        rawRoute,
      );
    }
  }

  // Flags
  const flagFields = ["lightTouch", "publicContract", "corporatePriority", "keyPublicService"] as const;
  for (const field of flagFields) {
    const raw = cell(field);
    if (raw === undefined || raw.trim() === "") continue;
    const flag = readYesNo(raw);
    if (flag === undefined)
      problem(field, `${name(field)} ${show(raw)} is not yes or no — use Yes or No.`, raw);
    else draft[field] = flag;
  }
  let pendingVcse: boolean | null = null;
  const rawSme = cell("supplierIsSme");
  draft.supplierIsSme = readSupplierFlag(rawSme, readSme, () =>
    warn(
      "supplierIsSme",
      `SME flag ${show(rawSme ?? "")} is not yes, no, SME or large — left blank.`,
      rawSme ?? null,
    ),
  );
  const rawSmeVcse = cell("supplierSmeVcse");
  if (rawSmeVcse !== undefined && rawSmeVcse.trim() !== "") {
    const reading = readSmeVcse(cleanTextReport(rawSmeVcse).text);
    if (reading) {
      // A separate SME or VCSE column, where the file has one, says more than the combined one.
      draft.supplierIsSme = draft.supplierIsSme ?? reading.isSme;
      if (reading.ambiguous) {
        warn(
          "supplierSmeVcse",
          `SME/VCSE status ${show(rawSmeVcse)} does not say which — read as an SME; mark the supplier as a VCSE if it is one.`,
          rawSmeVcse,
        );
      }
      pendingVcse = reading.isVcse;
    } else if (!isPlaceholder(rawSmeVcse)) {
      warn(
        "supplierSmeVcse",
        `SME/VCSE status ${show(rawSmeVcse)} is not SME, VCSE, SME/VCSE, yes or no — left blank.`,
        rawSmeVcse,
      );
    }
  }
  const rawVcse = cell("supplierIsVcse");
  draft.supplierIsVcse = readSupplierFlag(rawVcse, readVcse, () =>
    warn(
      "supplierIsVcse",
      `VCSE flag ${show(rawVcse ?? "")} is not yes or no — left blank.`,
      rawVcse ?? null,
    ),
  );
  draft.supplierIsVcse = draft.supplierIsVcse ?? pendingVcse;

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
  if (defaults.today && draft.endDate) {
    const stated = draft.status;
    const status = statusAfterEndDate(stated ?? "active", draft.endDate, defaults.today);
    if (status !== (stated ?? "active")) {
      draft.status = status;
      if (stated) {
        warn(
          "status",
          `status is ${statusLabels[stated]} but the end date ${ukDate(draft.endDate)} has passed — imported as expired; record an extension if it runs on.`,
          rawStatus ?? null,
        );
      }
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
  const parsed = contractInput.safeParse({ ...draft, supplierId: null });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = importableFields.find((candidate) => candidate === key) ?? null;
      if (field && (fieldsWithProblems.has(field) || cell(field) === undefined)) continue;
      const raw = field ? (cell(field) ?? null) : null;
      const label = field ? name(field) : "this row";
      const drafted = field && field in draft ? draft[field as keyof Draft] : "";
      problem(
        field,
        issue.code === "too_big" && issue.origin === "string"
          ? `${label} is ${String(drafted ?? "").length} characters — the most allowed is ${issue.maximum}; shorten it.`
          : `${label}: ${issue.message}`,
        raw,
      );
    }
  }
  if (problems.length > 0 || !parsed.success) return { row: null, problems, warnings, unmatchedPeople };

  const contract = parsed.data;
  const row: ImportedRow = {
    rowNumber,
    reference: contract.reference,
    title: contract.title,
    description: contract.description,
    category: contract.category,
    cpvCode: contract.cpvCode,
    serviceArea: contract.serviceArea,
    contractManagerId: contract.contractManagerId,
    sroId: contract.sroId,
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
    publicContract: contract.publicContract,
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
  return { row, problems, warnings, unmatchedPeople };
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
