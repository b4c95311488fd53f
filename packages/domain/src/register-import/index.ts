export { type MoneyReading, readMoney } from "./amounts.ts";
export { columnLetter, columnsNotImported } from "./columns.ts";
export { parseCsv, toCsv } from "./csv.ts";
export { maxExportRows, registerExportCsv } from "./export.ts";
export {
  type ColumnMapping,
  type ImportableField,
  importableFieldDefinitions,
  importableFields,
} from "./fields.ts";
export { parseRegisterCsv } from "./parse-register.ts";
export type { Member } from "./people.ts";
export {
  type ImportPlan,
  newSupplierId,
  type PlannedUpdate,
  planRegisterImport,
  type StoredContract,
} from "./plan.ts";
export { type ImportIssue, validateImport } from "./rows.ts";
export { matchSuppliers, type NewSupplier } from "./suppliers.ts";
export {
  type FieldChange,
  type ImportUpdate,
  importUpdate,
  type UpdatableField,
  updatableFieldsOf,
} from "./updates.ts";
