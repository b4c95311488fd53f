import type { ContractInput } from "../contracts/contract-input.ts";

/** Fields used to find or create the supplier; the caller resolves them to a supplierId (see matchSuppliers). */
export type SupplierImportField =
  | "supplierName"
  | "supplierRegistrationNumber"
  | "supplierIsSme"
  | "supplierIsVcse"
  | "supplierSmeVcse";

/** People named by name or e-mail, matched to the council's members (see matchMember). */
export type PersonImportField = "contractManager" | "sro";

/** The council a row belongs to: checked against the council importing it, never stored. */
export type BuyerImportField = "buyer";

/** ContractInput fields a register can carry as they are; the supplier and the people are resolved from names. */
export type ContractImportField = Exclude<keyof ContractInput, "supplierId" | "contractManagerId" | "sroId">;

export const importableFields = [
  "buyer",
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
  "supplierSmeVcse",
  "contractManager",
  "sro",
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
  "publicContract",
  "corporatePriority",
  "keyPublicService",
  "serviceRisk",
  "status",
  "lifecycleStage",
] as const satisfies readonly (
  | ContractImportField
  | SupplierImportField
  | PersonImportField
  | BuyerImportField
)[];
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
  | "sme-vcse"
  | "person"
  | "buyer"
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
  buyer: {
    // LGTC registers of one council carry no buyer; extracts of Contracts Finder name the buying authority.
    label: "Buying council (checked, not imported)",
    name: "buying council",
    kind: "buyer",
    required: false,
    aliases: [
      "buyer",
      "buyer name",
      "buyer local authority",
      "buying organisation",
      "buying authority",
      "buying council",
      "contracting authority",
      "contracting authority name",
      "local authority",
      "authority",
      "council",
      "entity",
    ],
  },
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
      "supplier is an sme",
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
      "supplier is a vcse",
      "is vcse",
      "vcse y n",
      "vcse status",
      "vcse supplier type",
      "vcs",
      "voluntary community social enterprise",
      "voluntary community or social enterprise",
    ],
  },
  supplierSmeVcse: {
    // LGTC 2015 field 10 asks "whether the supplier is an SME and/or VCSE", which many registers answer in one column.
    label: "Supplier is an SME and/or VCSE (one column)",
    name: "SME/VCSE status",
    kind: "sme-vcse",
    required: false,
    aliases: [
      "sme vcse",
      "sme or vcse",
      "sme and vcse",
      "sme and or vcse",
      "sme vcse status",
      "sme vcse supplier",
      "supplier sme vcse",
      "sme vcse y n",
      "is the supplier an sme or vcse",
      "supplier type",
    ],
  },
  contractManager: {
    label: "Contract manager (name or e-mail)",
    name: "contract manager",
    kind: "person",
    required: false,
    aliases: [
      "contract manager",
      "contract manager name",
      "contract manager email",
      "contract manager e mail",
      "contract owner",
      "contract lead",
      "contract officer",
      "lead officer",
      "responsible officer",
      "officer",
      "managed by",
      "manager",
    ],
  },
  sro: {
    label: "SRO (name or e-mail)",
    name: "SRO",
    kind: "person",
    required: false,
    aliases: [
      "sro",
      "sro name",
      "sro email",
      "senior responsible officer",
      "senior responsible owner",
      "responsible owner",
      "budget holder",
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
      "latest end date with all extensions",
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
  publicContract: {
    label: "Public contract (PA23, at or over the threshold)",
    name: "public-contract flag",
    kind: "yes-no",
    required: false,
    aliases: ["public contract", "above threshold", "over threshold"],
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
