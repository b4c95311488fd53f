import type { OrganisationScheme } from "@steward/domain";
import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { contracts, organisations, suppliers } from "../schema/index.ts";
import { insertBatches } from "./bulk.ts";
import { likePattern } from "./search.ts";

export type SupplierValues = Omit<
  typeof suppliers.$inferInsert,
  "tenantId" | "id" | "version" | "createdAt" | "updatedAt"
>;

export async function listSuppliers(
  tx: Tx,
  {
    tenantId,
    search,
    limit,
    offset,
  }: { tenantId: string; search?: string | undefined; limit: number; offset: number },
) {
  // Live: awarded or active, and on the register (not archived). Grouped once, then joined.
  const live = tx
    .select({ supplierId: contracts.supplierId, count: sql<number>`count(*)::int`.as("live_count") })
    .from(contracts)
    .where(
      and(
        eq(contracts.tenantId, tenantId),
        isNull(contracts.archivedAt),
        inArray(contracts.status, ["awarded", "active"]),
      ),
    )
    .groupBy(contracts.supplierId)
    .as("live");
  const rows = await tx
    .select({
      id: suppliers.id,
      name: suppliers.name,
      registrationNumber: suppliers.registrationNumber,
      isSme: suppliers.isSme,
      isVcse: suppliers.isVcse,
      organisationId: suppliers.organisationId,
      liveContractCount: sql<number>`coalesce(${live.count}, 0)`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(suppliers)
    .leftJoin(live, eq(live.supplierId, suppliers.id))
    .where(
      and(
        eq(suppliers.tenantId, tenantId),
        isNull(suppliers.archivedAt),
        search
          ? or(
              ilike(suppliers.name, likePattern(search)),
              ilike(suppliers.registrationNumber, likePattern(search)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${suppliers.name})`))
    .limit(limit)
    .offset(offset);
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/**
 * A supplier with the registry entry it links to. The entry shows only its scheme, identifier and an authoritative
 * name; without one, the council's own name for the supplier. Nothing another council typed (its name for the
 * organisation, when it linked it) reaches this council (issue 6 §2.5).
 */
export async function getSupplier(
  tx: Tx,
  { tenantId, supplierId }: { tenantId: string; supplierId: string },
) {
  const [row] = await tx
    .select({
      supplier: suppliers,
      organisation: {
        id: organisations.id,
        scheme: organisations.scheme,
        identifier: organisations.identifier,
        authoritativeName: organisations.name,
      },
    })
    .from(suppliers)
    .leftJoin(organisations, eq(organisations.id, suppliers.organisationId))
    .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, supplierId)));
  if (!row) return null;
  const { supplier, organisation } = row;
  return {
    ...supplier,
    organisation: organisation
      ? {
          id: organisation.id,
          scheme: organisation.scheme,
          identifier: organisation.identifier,
          name: organisation.authoritativeName ?? supplier.name,
        }
      : null,
  };
}

export async function createSupplier(tx: Tx, values: SupplierValues & { tenantId: string }) {
  const [row] = await tx.insert(suppliers).values(values).returning();
  if (!row) throw new Error("insert returned no supplier");
  return row;
}

/** Updates when the stored version is the one the caller read; null means it changed meanwhile (or is gone). */
export async function updateSupplier(
  tx: Tx,
  {
    tenantId,
    supplierId,
    version,
    values,
  }: { tenantId: string; supplierId: string; version: number; values: Partial<SupplierValues> },
) {
  const [row] = await tx
    .update(suppliers)
    .set({ ...values, version: sql`${suppliers.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, supplierId), eq(suppliers.version, version)),
    )
    .returning();
  return row ?? null;
}

/**
 * Every supplier of the council, as import matching reads it (matchSuppliers in the domain): one query whatever
 * the file's size, and names compared as the domain normalises them, not as SQL would.
 */
export async function listSupplierIdentities(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({ id: suppliers.id, name: suppliers.name, registrationNumber: suppliers.registrationNumber })
    .from(suppliers)
    .where(eq(suppliers.tenantId, tenantId))
    .orderBy(asc(suppliers.createdAt), asc(suppliers.id));
}

/**
 * DESIGN §5: match by registration number first. Finds or records the registry entry for a scheme/identifier and
 * returns its id. The entry is recorded without a name: a council's name for it is its own (issue 6 §2.5).
 */
export async function findOrCreateOrganisation(
  tx: Tx,
  values: { scheme: OrganisationScheme; identifier: string },
) {
  await tx.insert(organisations).values(values).onConflictDoNothing();
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.scheme, values.scheme), eq(organisations.identifier, values.identifier)));
  if (!row) throw new Error("organisation not found after insert");
  return row.id;
}

export async function insertSuppliers(tx: Tx, rows: (SupplierValues & { tenantId: string })[]) {
  const created: { id: string; name: string; registrationNumber: string | null }[] = [];
  for (const batch of insertBatches(suppliers, rows)) {
    created.push(
      ...(await tx.insert(suppliers).values(batch).returning({
        id: suppliers.id,
        name: suppliers.name,
        registrationNumber: suppliers.registrationNumber,
      })),
    );
  }
  return created;
}
