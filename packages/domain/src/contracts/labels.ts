import type {
  contractCategories,
  contractStatuses,
  lifecycleStages,
  procurementRoutes,
  serviceRisks,
} from "./contract-input.ts";

/**
 * Words for the register's coded values, as a council officer says them: the pages show them, the export writes
 * them (a register sent to auditors carries labels, not codes) and the importer reads them back.
 */
export const categoryLabels: Record<(typeof contractCategories)[number], string> = {
  goods: "Goods",
  services: "Services",
  works: "Works",
};

export const statusLabels: Record<(typeof contractStatuses)[number], string> = {
  awarded: "Awarded",
  active: "Active",
  expired: "Expired",
  terminated: "Terminated",
};

export const stageLabels: Record<(typeof lifecycleStages)[number], string> = {
  handover: "Handover",
  mobilisation: "Mobilisation",
  delivery: "Delivery",
  change: "Change",
  closing: "Closing",
  closed: "Closed",
  re_procurement: "Re-procurement",
};

export const routeLabels: Record<(typeof procurementRoutes)[number], string> = {
  open: "Open procedure",
  competitive_flexible: "Competitive flexible procedure",
  restricted: "Restricted procedure (PCR 2015)",
  competitive_negotiation: "Competitive procedure with negotiation or dialogue (PCR 2015)",
  direct_award: "Direct award",
  framework: "Call-off from a framework",
  dynamic_market: "Dynamic market or purchasing system",
  below_threshold: "Below-threshold procurement",
  other: "Other",
};

export const riskLabels: Record<(typeof serviceRisks)[number], string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};
