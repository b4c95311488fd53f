import {
  type ContractInput,
  type ContractStatus,
  contractCategories,
  contractStatuses,
  lifecycleStages,
  procurementRoutes,
  serviceRisks,
} from "@steward/domain";
import { FormProblem } from "../../components/forms.ts";
import { moneyText, readMoneyText } from "../../components/money.ts";
import type { SupplierChoice } from "../../components/supplier-picker.tsx";
import type { Answer, Client } from "../../trpc.ts";
import {
  type Category,
  type LifecycleStage,
  oneOf,
  type ProcurementRoute,
  type ServiceRisk,
} from "./labels.ts";

export type ContractRecord = Answer<Client["contracts"]["get"]>["contract"];

/** The contract form's answers as typed: text for dates and money until they are sent. */
export interface ContractDraft {
  reference: string;
  title: string;
  description: string;
  category: Category;
  cpvCode: string;
  serviceArea: string;
  supplier: SupplierChoice | null;
  contractManagerId: string | null;
  sroId: string | null;
  awardDate: string;
  signedDate: string;
  startDate: string;
  endDate: string;
  maxExtensionDate: string;
  noticeDate: string;
  annualValue: string;
  totalValue: string;
  capitalValue: string;
  currency: string;
  procurementRoute: ProcurementRoute | null;
  lightTouch: boolean;
  /** null until answered: the API then sets it from the value against the threshold. */
  publicContract: boolean | null;
  corporatePriority: boolean;
  keyPublicService: boolean;
  serviceRisk: ServiceRisk;
  status: ContractStatus;
  lifecycleStage: LifecycleStage;
}

export function emptyDraft(currency: string, contractManagerId: string | null): ContractDraft {
  return {
    reference: "",
    title: "",
    description: "",
    category: "services",
    cpvCode: "",
    serviceArea: "",
    supplier: null,
    contractManagerId,
    sroId: null,
    awardDate: "",
    signedDate: "",
    startDate: "",
    endDate: "",
    maxExtensionDate: "",
    noticeDate: "",
    annualValue: "",
    totalValue: "",
    capitalValue: "",
    currency,
    procurementRoute: null,
    lightTouch: false,
    publicContract: null,
    corporatePriority: false,
    keyPublicService: false,
    serviceRisk: "low",
    status: "active",
    lifecycleStage: "delivery",
  };
}

export function draftOf(contract: ContractRecord, supplier: SupplierChoice | null): ContractDraft {
  return {
    reference: contract.reference,
    title: contract.title,
    description: contract.description ?? "",
    category: oneOf(contractCategories, contract.category) ?? "services",
    cpvCode: contract.cpvCode ?? "",
    serviceArea: contract.serviceArea ?? "",
    supplier,
    contractManagerId: contract.contractManagerId,
    sroId: contract.sroId,
    awardDate: contract.awardDate ?? "",
    signedDate: contract.signedDate ?? "",
    startDate: contract.startDate ?? "",
    endDate: contract.endDate ?? "",
    maxExtensionDate: contract.maxExtensionDate ?? "",
    noticeDate: contract.noticeDate ?? "",
    annualValue: moneyText(contract.annualValueMinor),
    totalValue: moneyText(contract.totalValueMinor),
    capitalValue: moneyText(contract.capitalValueMinor),
    currency: contract.currency,
    procurementRoute: oneOf(procurementRoutes, contract.procurementRoute),
    lightTouch: contract.lightTouch,
    publicContract: contract.publicContract,
    corporatePriority: contract.corporatePriority,
    keyPublicService: contract.keyPublicService,
    serviceRisk: oneOf(serviceRisks, contract.serviceRisk) ?? "low",
    status: oneOf(contractStatuses, contract.status) ?? "active",
    lifecycleStage: oneOf(lifecycleStages, contract.lifecycleStage) ?? "delivery",
  };
}

const text = (value: string) => value.trim() || null;

/**
 * The answers as the API takes them. Amounts that cannot be read are reported here, with the field names
 * the API uses, so the summary and the fields show them as they would show the server's.
 */
export function contractInputOf(draft: ContractDraft): ContractInput {
  const fieldErrors: Record<string, string> = {};
  const money = (name: string, value: string) => {
    const reading = readMoneyText(value);
    if (reading.ok) return reading.minor;
    fieldErrors[name] = reading.message;
    return null;
  };
  const input: ContractInput = {
    reference: draft.reference.trim(),
    title: draft.title.trim(),
    description: text(draft.description),
    category: draft.category,
    cpvCode: text(draft.cpvCode),
    serviceArea: text(draft.serviceArea),
    supplierId: draft.supplier?.id ?? null,
    contractManagerId: draft.contractManagerId,
    sroId: draft.sroId,
    awardDate: text(draft.awardDate),
    signedDate: text(draft.signedDate),
    startDate: text(draft.startDate),
    endDate: text(draft.endDate),
    maxExtensionDate: text(draft.maxExtensionDate),
    noticeDate: text(draft.noticeDate),
    annualValueMinor: money("annualValueMinor", draft.annualValue),
    totalValueMinor: money("totalValueMinor", draft.totalValue),
    capitalValueMinor: money("capitalValueMinor", draft.capitalValue),
    currency: draft.currency.trim().toUpperCase(),
    procurementRoute: draft.procurementRoute,
    lightTouch: draft.lightTouch,
    publicContract: draft.publicContract,
    corporatePriority: draft.corporatePriority,
    keyPublicService: draft.keyPublicService,
    serviceRisk: draft.serviceRisk,
    status: draft.status,
    lifecycleStage: draft.lifecycleStage,
  };
  if (Object.keys(fieldErrors).length > 0) {
    throw new FormProblem("Some amounts need correcting: see the marked fields.", fieldErrors);
  }
  return input;
}
