import {
  type OrganisationNameSource,
  type OrganisationScheme,
  organisationMatchKeys,
  type RegistryEntry,
} from "@steward/domain";
import { and, arrayOverlaps, asc, eq, ilike, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { organisations, suppliers } from "../schema/index.ts";
import { likePattern } from "./search.ts";

/**
 * The organisation registry (issue 9 §1): platform-wide, so these read no council's rows. Names are written only
 * by the platform operator or from an authoritative register, never from a council's input (issue 6 §2.5).
 */

const entryColumns = {
  id: organisations.id,
  scheme: organisations.scheme,
  identifier: organisations.identifier,
  name: organisations.name,
  matchKeys: organisations.matchKeys,
};

/** Registry entries with one of these identifiers, or found by one of these name keys: matching's candidates. */
export async function findRegistryCandidates(
  tx: Tx,
  { identifiers, matchKey }: { identifiers: string[]; matchKey: string },
): Promise<RegistryEntry[]> {
  const conditions = [
    identifiers.length > 0 ? inArray(organisations.identifier, identifiers) : undefined,
    matchKey ? arrayOverlaps(organisations.matchKeys, [matchKey]) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return [];
  return tx
    .select(entryColumns)
    .from(organisations)
    .where(or(...conditions))
    .orderBy(asc(organisations.scheme), asc(organisations.identifier))
    .limit(20);
}

export async function getOrganisation(tx: Tx, { organisationId }: { organisationId: string }) {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  return row ?? null;
}

/** The operator's list of the registry, searched by name, alias or identifier. */
export async function listOrganisations(
  tx: Tx,
  { search, limit, offset }: { search?: string | undefined; limit: number; offset: number },
) {
  const rows = await tx
    .select({
      id: organisations.id,
      scheme: organisations.scheme,
      identifier: organisations.identifier,
      name: organisations.name,
      nameSource: organisations.nameSource,
      aliases: organisations.aliases,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(organisations)
    .where(
      search
        ? or(
            ilike(organisations.name, likePattern(search)),
            ilike(organisations.identifier, likePattern(search)),
          )
        : undefined,
    )
    .orderBy(sql`${organisations.name} is null`, asc(organisations.name), asc(organisations.identifier))
    .limit(limit)
    .offset(offset);
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/**
 * Records an entry with its name (the operator's, or an authoritative register's), or names an existing one.
 * The match keys follow the names. Returns the entry's id.
 */
export async function upsertNamedOrganisation(
  tx: Tx,
  values: {
    scheme: OrganisationScheme;
    identifier: string;
    name: string;
    aliases: string[];
    nameSource: OrganisationNameSource;
  },
) {
  const named = {
    name: values.name,
    aliases: values.aliases,
    nameSource: values.nameSource,
    matchKeys: organisationMatchKeys(values.name, values.aliases),
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(organisations)
    .values({ scheme: values.scheme, identifier: values.identifier, ...named })
    .onConflictDoUpdate({ target: [organisations.scheme, organisations.identifier], set: named })
    .returning({ id: organisations.id });
  if (!row) throw new Error("upsert returned no organisation");
  return row.id;
}

/** The operator renames an entry or changes its aliases. */
export async function nameOrganisation(
  tx: Tx,
  { organisationId, name, aliases }: { organisationId: string; name: string; aliases: string[] },
) {
  const [row] = await tx
    .update(organisations)
    .set({
      name,
      aliases,
      nameSource: "operator",
      matchKeys: organisationMatchKeys(name, aliases),
      updatedAt: new Date(),
    })
    .where(eq(organisations.id, organisationId))
    .returning();
  return row ?? null;
}

/**
 * Links the council's supplier to a registry entry, as the person confirmed it (who, when). Null when the
 * supplier changed since it was read (its version) or is not the council's.
 */
export async function linkSupplierOrganisation(
  tx: Tx,
  {
    tenantId,
    supplierId,
    version,
    organisationId,
    userId,
  }: { tenantId: string; supplierId: string; version: number; organisationId: string | null; userId: string },
) {
  const [row] = await tx
    .update(suppliers)
    .set({
      organisationId,
      organisationLinkedBy: organisationId ? userId : null,
      organisationLinkedAt: organisationId ? new Date() : null,
      version: sql`${suppliers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, supplierId), eq(suppliers.version, version)),
    )
    .returning();
  return row ?? null;
}

/** The council's suppliers linked to the registry, with their entries: what its benchmark pages compare. */
export async function listLinkedSuppliers(tx: Tx, { tenantId }: { tenantId: string }) {
  return tx
    .select({
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      organisationId: sql<string>`${suppliers.organisationId}`,
      scheme: organisations.scheme,
      identifier: organisations.identifier,
      registryName: organisations.name,
    })
    .from(suppliers)
    .innerJoin(organisations, eq(organisations.id, suppliers.organisationId))
    .where(and(eq(suppliers.tenantId, tenantId), isNotNull(suppliers.organisationId)))
    .orderBy(asc(sql`lower(${suppliers.name})`));
}
