import type { ContractSortKey } from "@steward/domain";
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../database.ts";
import { contractChanges, contracts, invoices, suppliers, users } from "../schema/index.ts";
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

function contractConditions(filter: ContractFilter): SQL | undefined {
  return and(
    eq(contracts.tenantId, filter.tenantId),
    filter.archived ? isNotNull(contracts.archivedAt) : isNull(contracts.archivedAt),
    filter.search
      ? or(
          ilike(contracts.reference, likePattern(filter.search)),
          ilike(contracts.title, likePattern(filter.search)),
          ilike(suppliers.name, likePattern(filter.search)),
        )
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

/** The register: one round trip for the page and the filtered total. */
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
  const rows = await tx
    .select({ ...listColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(contracts)
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
    )
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(contractConditions(filter))
    .orderBy(order(sortColumns[filter.sort]), asc(contracts.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Every matching contract, for export: same filter and order as the register, with its supplier and people. */
export async function listAllContracts(
  tx: Tx,
  filter: ContractFilter & { sort: ContractSortKey; direction: "asc" | "desc" },
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
    .orderBy(order(sortColumns[filter.sort]), asc(contracts.id));
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

export async function findContractByReference(
  tx: Tx,
  { tenantId, reference }: { tenantId: string; reference: string },
) {
  const [row] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), sql`lower(${contracts.reference}) = lower(${reference})`));
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
    .where(
      and(
        eq(contracts.tenantId, tenantId),
        sql`lower(${contracts.reference}) = any(${sql.param(lowered)}::text[])`,
      ),
    );
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

export async function insertContracts(tx: Tx, rows: (ContractValues & { tenantId: string })[]) {
  if (rows.length === 0) return [];
  return tx.insert(contracts).values(rows).returning({ id: contracts.id, reference: contracts.reference });
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

/** The facts the obligations engine and the compliance overview read, for many contracts in one query each. */
export async function listContractFacts(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  const scope = and(
    eq(contracts.tenantId, tenantId),
    isNull(contracts.archivedAt),
    contractIds ? inArray(contracts.id, contractIds) : undefined,
  );
  const [rows, changes] = await Promise.all([
    tx
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
        deviationGround: contracts.deviationGround,
        deviationReportedOn: contracts.deviationReportedOn,
      })
      .from(contracts)
      .where(scope),
    tx
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
      .where(and(eq(contractChanges.tenantId, tenantId), scope)),
  ]);
  return { contracts: rows, changes };
}

/** Invoice dates of one contract, of some contracts, or (neither given) of the whole council. */
export async function listInvoiceDates(
  tx: Tx,
  { tenantId, contractId, contractIds }: { tenantId: string; contractId?: string; contractIds?: string[] },
) {
  return tx
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
        eq(invoices.tenantId, tenantId),
        contractId ? eq(invoices.contractId, contractId) : undefined,
        contractIds ? inArray(invoices.contractId, contractIds) : undefined,
      ),
    );
}
