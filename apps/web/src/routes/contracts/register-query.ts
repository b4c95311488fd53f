import {
  type ContractSortKey,
  type ContractStatus,
  contractSortKeys,
  contractStatuses,
  type EndingWindow,
  endingWindows,
  lifecycleStages,
  type Tier,
  tiers,
} from "@steward/domain";
import { type LifecycleStage, oneOf } from "./labels.ts";

/**
 * The register's search, filters, sort and page, kept in the URL's query string so that back, forward,
 * reload and a shared link all show the same list.
 */
export interface RegisterQuery {
  search: string;
  tier: Tier | null;
  status: ContractStatus | null;
  stage: LifecycleStage | null;
  managerId: string | null;
  supplierId: string | null;
  /** Ending or reaching the notice date within this many days. */
  ending: EndingWindow | null;
  archived: boolean;
  sort: ContractSortKey;
  direction: "asc" | "desc";
  page: number;
}

type Params = Partial<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (value: string | undefined) => (value && uuidPattern.test(value) ? value : null);

/** Anything unreadable in the URL (an old link, a typo) falls back to the default rather than failing. */
export function readRegisterQuery(params: Params): RegisterQuery {
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  return {
    search: first(params.q) ?? "",
    tier: oneOf(tiers, first(params.tier)),
    status: oneOf(contractStatuses, first(params.status)),
    stage: oneOf(lifecycleStages, first(params.stage)),
    managerId: uuidOrNull(first(params.manager)),
    supplierId: uuidOrNull(first(params.supplier)),
    ending: endingWindows.find((days) => String(days) === first(params.ending)) ?? null,
    archived: first(params.archived) === "1",
    sort: oneOf(contractSortKeys, first(params.sort)) ?? "reference",
    direction: first(params.dir) === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The query-string keys for a change: undefined removes a key, so defaults keep the URL short. */
export function registerParams(change: Partial<RegisterQuery>): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  if ("search" in change) params.q = change.search || undefined;
  if ("tier" in change) params.tier = change.tier ?? undefined;
  if ("status" in change) params.status = change.status ?? undefined;
  if ("stage" in change) params.stage = change.stage ?? undefined;
  if ("managerId" in change) params.manager = change.managerId ?? undefined;
  if ("supplierId" in change) params.supplier = change.supplierId ?? undefined;
  if ("ending" in change) params.ending = change.ending ? String(change.ending) : undefined;
  if ("archived" in change) params.archived = change.archived ? "1" : undefined;
  if ("sort" in change) params.sort = change.sort === "reference" ? undefined : change.sort;
  if ("direction" in change) params.dir = change.direction === "desc" ? "desc" : undefined;
  if ("page" in change) params.page = change.page && change.page > 1 ? String(change.page) : undefined;
  return params;
}

/** The filters the API takes for the list and the export. */
export function filterInput(query: RegisterQuery) {
  return {
    search: query.search.trim() || undefined,
    tiers: query.tier ? [query.tier] : undefined,
    statuses: query.status ? [query.status] : undefined,
    stages: query.stage ? [query.stage] : undefined,
    managerId: query.managerId ?? undefined,
    supplierId: query.supplierId ?? undefined,
    endingWithinDays: query.ending ?? undefined,
    archived: query.archived,
    sort: query.sort,
    direction: query.direction,
  };
}

export function isFiltered(query: RegisterQuery): boolean {
  return Boolean(
    query.search.trim() ||
      query.tier ||
      query.status ||
      query.stage ||
      query.managerId ||
      query.supplierId ||
      query.ending,
  );
}

/** A link to the register with these settings, from a page elsewhere (a supplier's "see in the register"). */
export function registerHref(slug: string, change: Partial<RegisterQuery>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(registerParams(change))) if (value) search.set(key, value);
  const text = search.toString();
  return `/t/${slug}/contracts${text ? `?${text}` : ""}`;
}
