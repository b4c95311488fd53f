export { type MoneyReading, parseMoney, readMoney } from "./amounts.ts";
export { isSameCouncil } from "./buyer.ts";
export type { CheckedRow, UnmatchedPerson } from "./check-row.ts";
export {
  type ColumnNotImported,
  columnLetter,
  columnsNotImported,
  normaliseHeader,
  suggestMapping,
} from "./columns.ts";
export { type CsvCell, parseCsv, toCsv } from "./csv.ts";
export { type DateFormat, type DateReading, parseDate, readDate } from "./dates.ts";
export { type ExportedContract, registerExportColumns, registerExportCsv } from "./export.ts";
export {
  type BuyerImportField,
  type ColumnMapping,
  type ContractImportField,
  type FieldKind,
  type ImportableField,
  type ImportableFieldDefinition,
  importableFieldDefinitions,
  importableFields,
  type PersonImportField,
  type SupplierImportField,
} from "./fields.ts";
export { type ParsedRegister, parseRegisterCsv } from "./parse-register.ts";
export { type Member, type MemberMatch, matchMember } from "./people.ts";
export { isPlaceholder } from "./placeholders.ts";
export {
  type ImportDefaults,
  type ImportedRow,
  type ImportIssue,
  type ImportValidation,
  type SupplierDetails,
  type ValidateImportInput,
  validateImport,
} from "./rows.ts";
export {
  type KnownSupplier,
  matchSuppliers,
  type NewSupplier,
  registrationKey,
  type SupplierMatch,
  type SupplierPlan,
  supplierNameKey,
} from "./suppliers.ts";
export {
  type CleanedText,
  type CleanTextOptions,
  cleanText,
  cleanTextReport,
  type EncodingRepair,
  repairMojibake,
} from "./text.ts";
export {
  type DescribeValues,
  type FieldChange,
  type ImportUpdate,
  importUpdate,
  type UpdatableField,
  updatableFieldsOf,
} from "./updates.ts";
export {
  type CpvReading,
  categoryFromCpv,
  type RouteReading,
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
  type SmeVcseReading,
} from "./values.ts";
