import { z } from "zod";
import { idInput, listInput, pageInput, pageSizeInput, searchInput } from "../input.ts";
import { contractStatuses, lifecycleStages, tiers } from "./contract-input.ts";
import { endingWindows } from "./ending-soon.ts";

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
  search: searchInput,
  tiers: listInput(z.enum(tiers), tiers.length).optional(),
  statuses: listInput(z.enum(contractStatuses), contractStatuses.length).optional(),
  stages: listInput(z.enum(lifecycleStages), lifecycleStages.length).optional(),
  managerId: idInput.optional(),
  supplierId: idInput.optional(),
  archived: z.boolean().default(false),
  /** Contracts ending or reaching their notice date within this many days (ending-soon.ts). */
  endingWithinDays: z.literal(endingWindows, { error: "Choose 30, 90 or 180 days." }).optional(),
  sort: z.enum(contractSortKeys).default("reference"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type ContractFilterInput = z.infer<typeof contractFilterInput>;

export const contractListInput = contractFilterInput.extend({
  page: pageInput.default(1),
  pageSize: pageSizeInput.default(50),
});
