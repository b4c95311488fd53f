import type { ContractInput } from "../contracts/contract-input.ts";
import { categoryLabels, riskLabels, routeLabels, stageLabels, statusLabels } from "../contracts/labels.ts";
import { formatMoney } from "../money.ts";
import type { ImportedRow } from "./check-row.ts";
import type { ImportableField } from "./fields.ts";
import { ukDate } from "./messages.ts";

/** A contract field an import can change, with the words the preview shows for it. */
const fieldLabels = {
  title: "Title",
  description: "Description",
  category: "Category",
  cpvCode: "CPV code",
  serviceArea: "Service area",
  supplierId: "Supplier",
  contractManagerId: "Contract manager",
  sroId: "SRO",
  awardDate: "Award date",
  signedDate: "Signed date",
  startDate: "Start date",
  endDate: "End date",
  maxExtensionDate: "Latest end date with all extensions",
  noticeDate: "Notice date",
  annualValueMinor: "Annual value",
  totalValueMinor: "Total value",
  capitalValueMinor: "Capital value",
  currency: "Currency",
  procurementRoute: "Procurement route",
  lightTouch: "Light touch",
  publicContract: "Public contract",
  corporatePriority: "Corporate priority",
  keyPublicService: "Key public service",
  serviceRisk: "Service risk",
  status: "Status",
  lifecycleStage: "Lifecycle stage",
} as const satisfies Partial<Record<keyof ContractInput, string>>;
export type UpdatableField = keyof typeof fieldLabels;

/** The contract field each mapped column fills. Buyer and the supplier's flags change no contract field. */
const fieldOfColumn: Partial<Record<ImportableField, UpdatableField>> = {
  supplierName: "supplierId",
  supplierRegistrationNumber: "supplierId",
  contractManager: "contractManagerId",
  sro: "sroId",
};
const updatableFields = Object.keys(fieldLabels) as UpdatableField[];

/** The fields a mapping can change on a contract it matches by reference. */
export function updatableFieldsOf(mapping: readonly (ImportableField | null)[]): Set<UpdatableField> {
  const fields = new Set<UpdatableField>();
  for (const column of mapping) {
    if (!column) continue;
    const field =
      fieldOfColumn[column] ?? updatableFields.find((candidate) => (candidate as string) === column);
    if (field) fields.add(field);
  }
  return fields;
}

export interface FieldChange {
  field: UpdatableField;
  label: string;
  before: string;
  after: string;
}

export interface ImportUpdate {
  /** The values to write: only the fields that change. */
  values: Partial<Pick<ContractInput, UpdatableField>>;
  changes: FieldChange[];
}

export interface DescribeValues {
  currency: string;
  locale: string;
  supplierName: (supplierId: string) => string;
  memberName: (userId: string) => string;
}

/**
 * Re-importing a register (its own export, or a corrected file) updates the contracts it matches by reference.
 * Only the fields the file maps are compared, and only those that differ change, each shown as before → after in
 * the register's words. Decisions:
 * - A person the file names but who matched no member keeps the contract's current one (`keep`): an unmatched
 *   name is a warning, not an instruction to clear the field.
 * - Status is compared only when the file has a status, or when its end date makes an active or awarded
 *   contract expired (as the register's form records it).
 */
export function importUpdate(
  stored: Pick<ContractInput, UpdatableField>,
  incoming: Pick<ImportedRow, Exclude<UpdatableField, "supplierId">> & { supplierId: string | null },
  fields: ReadonlySet<UpdatableField>,
  describe: DescribeValues,
  keep: ReadonlySet<UpdatableField> = new Set(),
): ImportUpdate {
  const update: ImportUpdate = { values: {}, changes: [] };
  for (const field of updatableFields) {
    if (keep.has(field)) continue;
    const before = stored[field];
    const after = incoming[field];
    if (before === after) continue;
    // The end date decides expiry (see checkRow), so a file with end dates can expire a contract.
    const expires =
      field === "status" &&
      fields.has("endDate") &&
      after === "expired" &&
      (before === "active" || before === "awarded");
    if (!fields.has(field) && !expires) continue;
    (update.values as Record<string, unknown>)[field] = after;
    update.changes.push({
      field,
      label: fieldLabels[field],
      before: describeValue(field, before, describe),
      after: describeValue(field, after, describe),
    });
  }
  return update;
}

function describeValue(field: UpdatableField, value: unknown, describe: DescribeValues): string {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return formatMoney(value, describe.currency, describe.locale);
  const text = String(value);
  switch (field) {
    case "supplierId":
      return describe.supplierName(text);
    case "contractManagerId":
    case "sroId":
      return describe.memberName(text);
    case "category":
      return categoryLabels[value as keyof typeof categoryLabels] ?? text;
    case "procurementRoute":
      return routeLabels[value as keyof typeof routeLabels] ?? text;
    case "serviceRisk":
      return riskLabels[value as keyof typeof riskLabels] ?? text;
    case "status":
      return statusLabels[value as keyof typeof statusLabels] ?? text;
    case "lifecycleStage":
      return stageLabels[value as keyof typeof stageLabels] ?? text;
    case "awardDate":
    case "signedDate":
    case "startDate":
    case "endDate":
    case "maxExtensionDate":
    case "noticeDate":
      return ukDate(text);
    default:
      return text;
  }
}
