import { type ContractSortKey, type EndingWindow, endingWindow, endingWindows } from "@steward/domain";
import {
  and,
  asc,
  between,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  or,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { builtOnce, type Tx } from "../database.ts";
import { contractChanges, contracts, invoices, memberships, suppliers, users } from "../schema/index.ts";
import { equalsAny, insertBatches } from "./bulk.ts";
import { likePattern } from "./search.ts";

export type ContractRow = typeof contracts.$inferSelect;
export type ContractValues = Omit<
  typeof contracts.$inferInsert,
  "tenantId" | "id" | "version" | "createdAt" | "updatedAt" | "archivedAt"
>;

export interface ContractFilter {
  tenantId: string;
  search?: string | undefined;
  tiers?: ContractRow["tier"][] | undefined;
  statuses?: ContractRow["status"][] | undefined;
  stages?: ContractRow["lifecycleStage"][] | undefined;
  managerId?: string | undefined;
  supplierId?: string | undefined;
  archived?: boolean | undefined;
  /** Contracts whose end date or notice date falls within this many days from `today` (ending-soon.ts). */
  endingWithinDays?: EndingWindow | undefined;
  /** YYYY-MM-DD; the current UTC date when absent. */
  today?: string | undefined;
}

const currentDate = () => new Date().toISOString().slice(0, 10);

/** End date or notice date within the window: the same test as the domain's nextEndingDate. */
function endingIn(window: { from: string | Placeholder; to: string | Placeholder }): SQL | undefined {
  return or(
    between(contracts.endDate, window.from, window.to),
    between(contracts.noticeDate, window.from, window.to),
  );
}

const managers = alias(users, "managers");
const sros = alias(users, "sros");
const tierOrder = sql`case ${contracts.tier} when 'high' then 1 when 'medium' then 2 else 3 end`;
const sortColumns: Record<ContractSortKey, SQL | typeof contracts.reference> = {
  reference: sql`lower(${contracts.reference})`,
  title: sql`lower(${contracts.title})`,
  supplier: sql`lower(${suppliers.name})`,
  manager: sql`lower(${managers.name})`,
  status: sql`${contracts.status}`,
  endDate: sql`${contracts.endDate}`,
  totalValue: sql`${contracts.totalValueMinor}`,
  tier: tierOrder,
  updatedAt: sql`${contracts.updatedAt}`,
};

/**
 * The search: reference or title (`search_text`, kept in lower case by PostgreSQL: one LIKE instead of two
 * ILIKEs a row) or the supplier's name (`search_name`, likewise) contains the text. The suppliers matching are
 * found once.
 * No trigram index can serve it: under row-level security PostgreSQL only uses an index for a condition
 * whose operator is leakproof, and LIKE is not (docs/benchmarks.md), so the search reads the council's rows.
 */
function searchMatches(tenantId: string, search: string): SQL {
  const pattern = likePattern(search);
  return sql`(${contracts.searchText} like lower(${pattern}) or ${contracts.supplierId} in (
    select supplier.id from ${suppliers} supplier where supplier.tenant_id = ${tenantId} and supplier.search_name like lower(${pattern})
  ))`;
}

function contractConditions(filter: ContractFilter): SQL | undefined {
  return and(
    eq(contracts.tenantId, filter.tenantId),
    filter.archived ? isNotNull(contracts.archivedAt) : isNull(contracts.archivedAt),
    filter.search ? searchMatches(filter.tenantId, filter.search) : undefined,
    filter.endingWithinDays
      ? endingIn(endingWindow(filter.today ?? currentDate(), filter.endingWithinDays))
      : undefined,
    filter.tiers?.length ? inArray(contracts.tier, filter.tiers) : undefined,
    filter.statuses?.length ? inArray(contracts.status, filter.statuses) : undefined,
    filter.stages?.length ? inArray(contracts.lifecycleStage, filter.stages) : undefined,
    filter.managerId ? eq(contracts.contractManagerId, filter.managerId) : undefined,
    filter.supplierId ? eq(contracts.supplierId, filter.supplierId) : undefined,
  );
}

const listColumns = {
  id: contracts.id,
  reference: contracts.reference,
  title: contracts.title,
  category: contracts.category,
  supplierId: contracts.supplierId,
  supplierName: suppliers.name,
  contractManagerId: contracts.contractManagerId,
  contractManagerName: managers.name,
  sroId: contracts.sroId,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  totalValueMinor: contracts.totalValueMinor,
  annualValueMinor: contracts.annualValueMinor,
  currency: contracts.currency,
  tier: contracts.tier,
  status: contracts.status,
  lifecycleStage: contracts.lifecycleStage,
  retierRequested: contracts.retierRequested,
  updatedAt: contracts.updatedAt,
};

/**
 * How far the register's total is counted: to the first thousand past the page shown (1,000 for the first
 * twenty pages of 50). Counting every match read all of a large council's contracts (30–47 ms at 50,000,
 * docs/benchmarks.md); counted this far, the count stops as soon as it knows the pages near this one.
 */
function totalCountedTo(offset: number, limit: number): number {
  return (Math.floor((offset + limit) / 1000) + 1) * 1000;
}

/**
 * The register: the page and the filtered total, two statements sent together in one round trip.
 * The page picks its ids first (filter, order, limit: for the end date the tenant's end-date index read in
 * order, stopping after the page), then joins suppliers and managers for those ids only. The total is counted
 * up to `totalCountedTo` and no further: `totalCapped` says there are more matches than `total`.
 */
export async function listContracts(
  tx: Tx,
  filter: ContractFilter & {
    sort: ContractSortKey;
    direction: "asc" | "desc";
    limit: number;
    offset: number;
  },
) {
  const order = filter.direction === "asc" ? asc : desc;
  const ordering = [order(sortColumns[filter.sort]), asc(contracts.id)];
  const conditions = contractConditions(filter);
  const countedTo = totalCountedTo(filter.offset, filter.limit);
  const supplierJoin = and(
    eq(suppliers.tenantId, contracts.tenantId),
    eq(suppliers.id, contracts.supplierId),
  );
  const managerJoin = eq(managers.id, contracts.contractManagerId);
  // The joins are read only when the order needs them (supplier, manager); otherwise PostgreSQL removes them.
  const page = tx
    .select({ pageId: contracts.id })
    .from(contracts)
    .leftJoin(suppliers, supplierJoin)
    .leftJoin(managers, managerJoin)
    .where(conditions)
    .orderBy(...ordering)
    .limit(filter.limit)
    .offset(filter.offset)
    .as("page");
  const [rows, counted] = await Promise.all([
    tx
      .select(listColumns)
      .from(page)
      .innerJoin(contracts, and(eq(contracts.tenantId, filter.tenantId), eq(contracts.id, page.pageId)))
      .leftJoin(suppliers, supplierJoin)
      .leftJoin(managers, managerJoin)
      .orderBy(...ordering),
    tx.select({ total: count() }).from(
      tx
        .select({ matched: sql`1` })
        .from(contracts)
        .where(conditions)
        .limit(countedTo + 1)
        .as("matches"),
    ),
  ]);
  const total = counted[0]?.total ?? 0;
  return { rows, total: Math.min(total, countedTo), totalCapped: total > countedTo };
}

/** Every matching contract, for export: same filter and order as the register, with its supplier and people. */
export async function listAllContracts(
  tx: Tx,
  filter: ContractFilter & { sort: ContractSortKey; direction: "asc" | "desc"; limit: number },
) {
  const order = filter.direction === "asc" ? asc : desc;
  return tx
    .select({
      contract: contracts,
      supplierName: suppliers.name,
      supplierRegistrationNumber: suppliers.registrationNumber,
      supplierIsSme: suppliers.isSme,
      supplierIsVcse: suppliers.isVcse,
      contractManagerName: managers.name,
      sroName: sros.name,
    })
    .from(contracts)
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
    )
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .leftJoin(sros, eq(sros.id, contracts.sroId))
    .where(contractConditions(filter))
    .orderBy(order(sortColumns[filter.sort]), asc(contracts.id))
    .limit(filter.limit);
}

/** The widest "ending soon" window's contracts, and the first of their dates in it (least() skips the null). */
function endingSoonOf() {
  const widest = { from: sql.placeholder("from"), to: sql.placeholder("to") };
  const live = and(
    eq(contracts.tenantId, sql.placeholder("tenantId")),
    isNull(contracts.archivedAt),
    endingIn(widest),
  );
  const nextDate = sql<string>`least(
    case when ${contracts.noticeDate} between ${widest.from} and ${widest.to} then ${contracts.noticeDate} end,
    case when ${contracts.endDate} between ${widest.from} and ${widest.to} then ${contracts.endDate} end)`;
  return { live, nextDate };
}

const endingSoonCounts = builtOnce((db) => {
  const { live, nextDate } = endingSoonOf();
  return db
    .select(
      Object.fromEntries(
        endingWindows.map((days) => [
          `within${days}`,
          sql<number>`count(*) filter (where ${nextDate} <= ${sql.placeholder(`to${days}`)})`.mapWith(Number),
        ]),
      ),
    )
    .from(contracts)
    .where(live);
});

const endingSoonNearest = builtOnce((db) => {
  const { live, nextDate } = endingSoonOf();
  return db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      endDate: contracts.endDate,
      noticeDate: contracts.noticeDate,
      tier: contracts.tier,
    })
    .from(contracts)
    .where(live)
    .orderBy(asc(nextDate), asc(contracts.id))
    .limit(sql.placeholder("limit"));
});

/**
 * The overview's "ending soon" panel: how many live contracts end or reach their notice date within each
 * window, and the nearest ones (by the first of those dates in the widest window).
 */
export async function listEndingSoon(
  tx: Tx,
  { tenantId, today, limit }: { tenantId: string; today: string; limit: number },
) {
  const windows = endingWindows.map((days) => ({ days, ...endingWindow(today, days) }));
  const widest = windows[windows.length - 1] ?? { days: 0, from: today, to: today };
  const scope = { tenantId, from: widest.from, to: widest.to };
  const [counts, nearest] = await Promise.all([
    endingSoonCounts(tx, {
      ...scope,
      ...Object.fromEntries(windows.map((window) => [`to${window.days}`, window.to])),
    }),
    endingSoonNearest(tx, { ...scope, limit }),
  ]);
  return {
    windows: windows.map((window) => ({
      days: window.days,
      count: counts[0]?.[`within${window.days}`] ?? 0,
    })),
    nearest,
  };
}

export async function getContract(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, contractId)));
  return row ?? null;
}

const managerMemberships = alias(memberships, "manager_memberships");
const sroMemberships = alias(memberships, "sro_memberships");

/**
 * The contract page's contract with its supplier's name and its manager's and SRO's names, each with whether
 * they are still an active member of the council: one statement, built once (the page is read often).
 */
const contractWithNames = builtOnce((db) =>
  db
    .select({
      contract: contracts,
      supplierName: suppliers.name,
      contractManagerName: managers.name,
      contractManagerActive: sql<boolean>`${managerMemberships.userId} is not null`,
      sroName: sros.name,
      sroActive: sql<boolean>`${sroMemberships.userId} is not null`,
    })
    .from(contracts)
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
    )
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .leftJoin(
      managerMemberships,
      and(
        eq(managerMemberships.tenantId, contracts.tenantId),
        eq(managerMemberships.userId, contracts.contractManagerId),
        isNull(managerMemberships.deactivatedAt),
      ),
    )
    .leftJoin(sros, eq(sros.id, contracts.sroId))
    .leftJoin(
      sroMemberships,
      and(
        eq(sroMemberships.tenantId, contracts.tenantId),
        eq(sroMemberships.userId, contracts.sroId),
        isNull(sroMemberships.deactivatedAt),
      ),
    )
    .where(
      and(
        eq(contracts.tenantId, sql.placeholder("tenantId")),
        eq(contracts.id, sql.placeholder("contractId")),
      ),
    ),
);

export async function getContractWithNames(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const [row] = await contractWithNames(tx, { tenantId, contractId });
  return row ?? null;
}

/**
 * The council's contracts whose reference is one of these, ignoring case: an import updates them. The
 * references travel as one array parameter, so a file of any size is one statement.
 */
export async function findContractsByReferences(
  tx: Tx,
  { tenantId, references }: { tenantId: string; references: string[] },
) {
  if (references.length === 0) return [];
  const lowered = references.map((reference) => reference.toLowerCase());
  return tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), equalsAny(sql`lower(${contracts.reference})`, lowered)));
}

/** The council's contracts with these ids, locked for update until the transaction ends (a bulk edit). */
export async function lockContracts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds: string[] },
) {
  if (contractIds.length === 0) return [];
  return tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.id, contractIds)))
    .orderBy(asc(contracts.id))
    .for("update");
}

/** Any number of contracts (an import of 50,000 rows), in as few statements as the bind-parameter limit allows. */
export async function insertContracts(tx: Tx, rows: (ContractValues & { tenantId: string })[]) {
  const created: { id: string; reference: string }[] = [];
  for (const batch of insertBatches(contracts, rows)) {
    created.push(
      ...(await tx
        .insert(contracts)
        .values(batch)
        .returning({ id: contracts.id, reference: contracts.reference })),
    );
  }
  return created;
}

/** Updates when the stored version is the one the caller read; null means it changed meanwhile (or is gone). */
export async function updateContract(
  tx: Tx,
  {
    tenantId,
    contractId,
    version,
    values,
  }: {
    tenantId: string;
    contractId: string;
    version: number;
    values: Partial<ContractValues> & { archivedAt?: Date | null };
  },
) {
  const [row] = await tx
    .update(contracts)
    .set({ ...values, version: sql`${contracts.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(contracts.tenantId, tenantId), eq(contracts.id, contractId), eq(contracts.version, version)),
    )
    .returning();
  return row ?? null;
}

/** `= any($contractIds)`: the contracts' ids as one array parameter, so the statement is the same for any list. */
const listedContracts = sql`any(${sql.placeholder("contractIds")}::uuid[])`;

/**
 * The statements the obligations engine reads, built once (the contract page and the register read them on every
 * request): for the whole council, or for listed contracts.
 */
function factStatements(listed: boolean) {
  const tenant = sql.placeholder("tenantId");
  const scope = and(
    eq(contracts.tenantId, tenant),
    isNull(contracts.archivedAt),
    listed ? sql`${contracts.id} = ${listedContracts}` : undefined,
  );
  return {
    contracts: builtOnce((db) =>
      db
        .select({
          id: contracts.id,
          reference: contracts.reference,
          title: contracts.title,
          tier: contracts.tier,
          contractManagerId: contracts.contractManagerId,
          sroId: contracts.sroId,
          startDate: contracts.startDate,
          endDate: contracts.endDate,
          status: contracts.status,
          lifecycleStage: contracts.lifecycleStage,
          publicContract: contracts.publicContract,
          totalValueMinor: contracts.totalValueMinor,
          lightTouch: contracts.lightTouch,
          kpiExemptionReason: contracts.kpiExemptionReason,
          deviationGround: contracts.deviationGround,
          deviationReportedOn: contracts.deviationReportedOn,
        })
        .from(contracts)
        .where(scope),
    ),
    changes: builtOnce((db) =>
      db
        .select({
          contractId: contractChanges.contractId,
          status: contractChanges.status,
          valueDeltaMinor: contractChanges.valueDeltaMinor,
          decidedByRole: contractChanges.decidedByRole,
        })
        .from(contractChanges)
        .innerJoin(
          contracts,
          and(eq(contracts.tenantId, contractChanges.tenantId), eq(contracts.id, contractChanges.contractId)),
        )
        .where(and(eq(contractChanges.tenantId, tenant), scope)),
    ),
    invoices: builtOnce((db) =>
      db
        .select({
          contractId: invoices.contractId,
          receivedOn: invoices.receivedOn,
          dueOn: invoices.dueOn,
          paidOn: invoices.paidOn,
          disputedOn: invoices.disputedOn,
          amountMinor: invoices.amountMinor,
        })
        .from(invoices)
        .where(
          and(
            eq(invoices.tenantId, tenant),
            listed ? sql`${invoices.contractId} = ${listedContracts}` : undefined,
          ),
        ),
    ),
  };
}

const councilFacts = factStatements(false);
const listedFacts = factStatements(true);

/** The facts the obligations engine and the compliance overview read, for many contracts in one query each. */
export async function listContractFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  const statements = contractIds ? listedFacts : councilFacts;
  const values = { tenantId, contractIds };
  const [rows, changes] = await Promise.all([
    statements.contracts(tx, values),
    statements.changes(tx, values),
  ]);
  return { contracts: rows, changes };
}

/** Invoice dates of some contracts or (none given) of the whole council. */
export async function listInvoiceDates(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  return (contractIds ? listedFacts : councilFacts).invoices(tx, { tenantId, contractIds });
}
