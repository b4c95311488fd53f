import { z } from "zod";
import { contractStatuses, lifecycleStages, tiers } from "./contract-input.ts";

export const contractSortKeys = [
  "reference",
  "title",
  "supplier",
  "manager",
  "endDate",
  "totalValue",
  "tier",
  "status",
  "updatedAt",
] as const;
export type ContractSortKey = (typeof contractSortKeys)[number];

/** The register's filters; the web app keeps them in the URL, the export takes the same. */
export const contractFilterInput = z.object({
  search: z.string().trim().max(200).optional(),
  tiers: z.array(z.enum(tiers)).optional(),
  statuses: z.array(z.enum(contractStatuses)).optional(),
  stages: z.array(z.enum(lifecycleStages)).optional(),
  managerId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  archived: z.boolean().default(false),
  sort: z.enum(contractSortKeys).default("reference"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type ContractFilterInput = z.infer<typeof contractFilterInput>;

export const contractListInput = contractFilterInput.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
