import type { ContractInput, Tier } from "../contracts/contract-input.ts";
import { categoryLabels, riskLabels, routeLabels, stageLabels, statusLabels } from "../contracts/labels.ts";
import { tierLabels } from "../contracts/tiering.ts";
import { invalid } from "../errors.ts";
import { toCsv } from "./csv.ts";
import type { ImportableField } from "./fields.ts";

/** A contract of the register as the export writes it: its fields, its supplier and the people's names. */
export interface ExportedContract {
  contract: Omit<ContractInput, "supplierId" | "contractManagerId" | "sroId"> & { tier: Tier };
  supplier: {
    name: string;
    registrationNumber: string | null;
    isSme: boolean;
    isVcse: boolean;
  } | null;
  contractManagerName: string | null;
  sroName: string | null;
}

type ExportColumn = {
  /** The heading, in the words an auditor reads; the importer maps it back to `field`. */
  heading: string;
  /** The field the importer fills from it; null for columns it lists as "will not be imported" (tier). */
  field: ImportableField | null;
  cell: (row: ExportedContract) => string;
};

const yesNo = (flag: boolean) => (flag ? "Yes" : "No");
/** Major units with two decimals ("12000.00"): a number a spreadsheet can add up, in the currency column's unit. */
const amount = (minor: number | null) => (minor === null ? "" : (minor / 100).toFixed(2));
const text = (value: string | null) => value ?? "";

/**
 * Every register field, in the register's order. Headings are the importer's aliases, so the file maps back
 * without changes, and coded values are written as the labels the pages show.
 */
export const registerExportColumns: readonly ExportColumn[] = [
  { heading: "Reference", field: "reference", cell: ({ contract }) => contract.reference },
  { heading: "Title", field: "title", cell: ({ contract }) => contract.title },
  { heading: "Description", field: "description", cell: ({ contract }) => text(contract.description) },
  { heading: "Category", field: "category", cell: ({ contract }) => categoryLabels[contract.category] },
  { heading: "CPV code", field: "cpvCode", cell: ({ contract }) => text(contract.cpvCode) },
  { heading: "Service area", field: "serviceArea", cell: ({ contract }) => text(contract.serviceArea) },
  { heading: "Supplier name", field: "supplierName", cell: ({ supplier }) => supplier?.name ?? "" },
  {
    heading: "Supplier registration number",
    field: "supplierRegistrationNumber",
    cell: ({ supplier }) => text(supplier?.registrationNumber ?? null),
  },
  {
    heading: "Supplier is an SME",
    field: "supplierIsSme",
    cell: ({ supplier }) => (supplier ? yesNo(supplier.isSme) : ""),
  },
  {
    heading: "Supplier is a VCSE",
    field: "supplierIsVcse",
    cell: ({ supplier }) => (supplier ? yesNo(supplier.isVcse) : ""),
  },
  { heading: "Contract manager", field: "contractManager", cell: (row) => text(row.contractManagerName) },
  { heading: "SRO", field: "sro", cell: (row) => text(row.sroName) },
  { heading: "Award date", field: "awardDate", cell: ({ contract }) => text(contract.awardDate) },
  { heading: "Signed date", field: "signedDate", cell: ({ contract }) => text(contract.signedDate) },
  { heading: "Start date", field: "startDate", cell: ({ contract }) => text(contract.startDate) },
  { heading: "End date", field: "endDate", cell: ({ contract }) => text(contract.endDate) },
  {
    heading: "Latest end date with all extensions",
    field: "maxExtensionDate",
    cell: ({ contract }) => text(contract.maxExtensionDate),
  },
  { heading: "Notice date", field: "noticeDate", cell: ({ contract }) => text(contract.noticeDate) },
  {
    heading: "Annual value",
    field: "annualValueMinor",
    cell: ({ contract }) => amount(contract.annualValueMinor),
  },
  {
    heading: "Total value",
    field: "totalValueMinor",
    cell: ({ contract }) => amount(contract.totalValueMinor),
  },
  {
    heading: "Capital value",
    field: "capitalValueMinor",
    cell: ({ contract }) => amount(contract.capitalValueMinor),
  },
  { heading: "Currency", field: "currency", cell: ({ contract }) => contract.currency },
  {
    heading: "Procurement route",
    field: "procurementRoute",
    cell: ({ contract }) => (contract.procurementRoute ? routeLabels[contract.procurementRoute] : ""),
  },
  { heading: "Light touch", field: "lightTouch", cell: ({ contract }) => yesNo(contract.lightTouch) },
  {
    heading: "Public contract",
    field: "publicContract",
    cell: ({ contract }) => yesNo(contract.publicContract === true),
  },
  {
    heading: "Corporate priority",
    field: "corporatePriority",
    cell: ({ contract }) => yesNo(contract.corporatePriority),
  },
  {
    heading: "Key public service",
    field: "keyPublicService",
    cell: ({ contract }) => yesNo(contract.keyPublicService),
  },
  { heading: "Service risk", field: "serviceRisk", cell: ({ contract }) => riskLabels[contract.serviceRisk] },
  { heading: "Status", field: "status", cell: ({ contract }) => statusLabels[contract.status] },
  {
    heading: "Lifecycle stage",
    field: "lifecycleStage",
    cell: ({ contract }) => stageLabels[contract.lifecycleStage],
  },
  { heading: "Tier", field: null, cell: ({ contract }) => tierLabels[contract.tier] },
];

/** The most contracts one export holds: about 40 MB of CSV, built in memory on the server. */
export const maxExportRows = 100_000;

/**
 * The register as a council sends it to its auditors, and as it imports back unchanged: a UTF-8 byte-order mark
 * so Excel shows £ and – (without it Excel reads UTF-8 as Windows-1252), CRLF line ends, and text cells that
 * start with =, +, -, @, a tab or a carriage return prefixed with ' so a spreadsheet shows them rather than
 * running them (CSV injection, OWASP; see toCsv). The importer removes the ' again.
 */
export function registerExportCsv(rows: readonly ExportedContract[]): string {
  if (rows.length > maxExportRows) {
    throw invalid(
      `An export holds at most ${maxExportRows.toLocaleString("en-GB")} contracts. Narrow the register's filters (status, tier, supplier, ending soon or a search) and export each part.`,
    );
  }
  return toCsv(
    [
      registerExportColumns.map((column) => column.heading),
      ...rows.map((row) => registerExportColumns.map((column) => column.cell(row))),
    ],
    { byteOrderMark: true },
  );
}
