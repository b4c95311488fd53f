import {
  type AuditEntityType,
  type AuditEvent,
  isUuid,
  newId,
  type PlatformAuditEvent,
} from "@steward/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { builtOnce, type Tx } from "../database.ts";
import {
  auditEvents,
  contracts,
  engagements,
  invitations,
  memberships,
  platformAuditEvents,
  suppliers,
  tenants,
  users,
} from "../schema/index.ts";
import { insertBatches } from "./bulk.ts";

/** An audit event (the typed union of packages/domain) with who, where and which request. */
export type AuditEntry = AuditEvent & {
  tenantId: string;
  actorUserId: string | null;
  requestId: string | null;
};

function auditRow(entry: AuditEntry) {
  return {
    ...entry,
    before: "before" in entry ? entry.before : null,
    after: "after" in entry ? entry.after : null,
  };
}

const auditEventInsert = builtOnce((db) =>
  db.insert(auditEvents).values({
    tenantId: sql.placeholder("tenantId"),
    // Given on each call: a default would be worked out once, when the statement is built.
    id: sql.placeholder("id"),
    actorUserId: sql.placeholder("actorUserId"),
    action: sql.placeholder("action"),
    entityType: sql.placeholder("entityType"),
    entityId: sql.placeholder("entityId"),
    before: sql.placeholder("before"),
    after: sql.placeholder("after"),
    requestId: sql.placeholder("requestId"),
  }),
);

/** DESIGN §3.8: every mutation writes one, in the same transaction. The trigger chains it. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const { tenantId, actorUserId, requestId, action, entityType, entityId, before, after } = auditRow(entry);
  await auditEventInsert(tx, {
    tenantId,
    id: newId(),
    actorUserId,
    action,
    entityType,
    entityId: entityId ?? null,
    before,
    after,
    requestId,
  });
}

/** Many events in one statement (an import); the trigger still chains each row in order. */
export async function recordAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  for (const batch of insertBatches(auditEvents, entries)) {
    await tx.insert(auditEvents).values(batch.map(auditRow));
  }
}

/** An event as read back: the typed union, with when, who and which request. */
export type AuditRecord = AuditEvent & {
  id: string;
  seq: number;
  actorUserId: string | null;
  actorName: string | null;
  requestId: string | null;
  createdAt: Date;
};

export async function listAuditEvents(
  tx: Tx,
  {
    tenantId,
    entityType,
    entityId,
    limit,
  }: { tenantId: string; entityType?: AuditEntityType; entityId?: string; limit: number },
): Promise<AuditRecord[]> {
  const rows = await tx
    .select({
      id: auditEvents.id,
      seq: auditEvents.seq,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        entityType ? eq(auditEvents.entityType, entityType) : undefined,
        entityId ? eq(auditEvents.entityId, entityId) : undefined,
      ),
    )
    .orderBy(sql`${auditEvents.seq} desc`)
    .limit(limit);
  // Rows are written only through recordAudit, whose entry is the typed union, into an append-only table.
  return rows as AuditRecord[];
}

/**
 * What each event is about, by name: a contract's reference, a supplier's or member's name, an invitation's
 * address, the council's name. Keyed by entity type and id; an entity since removed has no name.
 */
export async function nameAuditEntities(
  tx: Tx,
  { tenantId, events }: { tenantId: string; events: readonly { entityType: string; entityId: string }[] },
): Promise<Map<string, string>> {
  const idsOf = (type: AuditEntityType) => [
    ...new Set(
      events
        .filter((event) => event.entityType === type && isUuid(event.entityId))
        .map((event) => event.entityId),
    ),
  ];
  const [contractIds, supplierIds, memberIds, invitationIds, engagementIds] = [
    idsOf("contract"),
    idsOf("supplier"),
    idsOf("membership"),
    idsOf("invitation"),
    idsOf("engagement"),
  ];
  const none = Promise.resolve([] as { id: string; name: string }[]);
  const [contractNames, supplierNames, memberNames, invitationNames, council, engagementNames] =
    await Promise.all([
      contractIds.length
        ? tx
            .select({ id: contracts.id, name: contracts.reference })
            .from(contracts)
            .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.id, contractIds)))
        : none,
      supplierIds.length
        ? tx
            .select({ id: suppliers.id, name: suppliers.name })
            .from(suppliers)
            .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.id, supplierIds)))
        : none,
      memberIds.length
        ? tx
            .select({ id: users.id, name: users.name })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.userId, memberIds)))
        : none,
      invitationIds.length
        ? tx
            .select({ id: invitations.id, name: invitations.email })
            .from(invitations)
            .where(and(eq(invitations.tenantId, tenantId), inArray(invitations.id, invitationIds)))
        : none,
      events.some((event) => event.entityType === "council")
        ? tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId))
        : none,
      engagementIds.length
        ? tx
            .select({ id: engagements.id, name: users.name })
            .from(engagements)
            .innerJoin(users, eq(users.id, engagements.advisorUserId))
            .where(and(eq(engagements.tenantId, tenantId), inArray(engagements.id, engagementIds)))
        : none,
    ]);
  const names = new Map<string, string>();
  const add = (type: AuditEntityType, rows: { id: string; name: string }[]) => {
    for (const row of rows) names.set(`${type}:${row.id}`, row.name);
  };
  add("contract", contractNames);
  add("supplier", supplierNames);
  add("membership", memberNames);
  add("invitation", invitationNames);
  add("council", council);
  add("engagement", engagementNames);
  return names;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: { seq: number; problem: string }[];
}

/**
 * Walks a council's chain in order: every row's hash must match its content, link to the previous row's
 * hash and follow it without a gap. An edited row breaks its own hash; a removed or reordered row breaks
 * the sequence or the link.
 */
export async function verifyAuditChain(
  tx: Tx,
  { tenantId }: { tenantId: string },
): Promise<AuditVerification> {
  const rows = await tx
    .select({
      seq: auditEvents.seq,
      prevHash: auditEvents.prevHash,
      rowHash: auditEvents.rowHash,
      recomputed: sql<string>`steward_audit_row_hash(${auditEvents})`,
    })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, tenantId))
    .orderBy(asc(auditEvents.seq), asc(auditEvents.createdAt));
  const problems: AuditVerification["problems"] = [];
  let previous = { seq: 0, rowHash: "" };
  for (const row of rows) {
    if (row.seq !== previous.seq + 1)
      problems.push({ seq: row.seq, problem: `expected event ${previous.seq + 1}` });
    if (row.prevHash !== previous.rowHash)
      problems.push({ seq: row.seq, problem: "does not link to the event before it" });
    if (row.recomputed !== row.rowHash)
      problems.push({ seq: row.seq, problem: "content does not match its hash" });
    previous = row;
  }
  return { ok: problems.length === 0, checked: rows.length, problems };
}

/** A platform event (no council: the operator's own changes) with who and which request. */
export type PlatformAuditEntry = PlatformAuditEvent & { actorUserId: string; requestId: string | null };

/** Written in the same transaction as the platform change; the trigger chains it. */
export async function recordPlatformAudit(tx: Tx, entry: PlatformAuditEntry): Promise<void> {
  await tx.insert(platformAuditEvents).values({
    ...entry,
    before: "before" in entry ? entry.before : null,
    after: "after" in entry ? entry.after : null,
  });
}

export type PlatformAuditRecord = PlatformAuditEvent & {
  id: string;
  seq: number;
  actorUserId: string | null;
  actorName: string | null;
  requestId: string | null;
  createdAt: Date;
};

/** One page of the platform's log, newest first, and how many events it holds. */
export async function listPlatformAuditEvents(
  tx: Tx,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ rows: PlatformAuditRecord[]; total: number }> {
  const rows = await tx
    .select({
      id: platformAuditEvents.id,
      seq: platformAuditEvents.seq,
      actorUserId: platformAuditEvents.actorUserId,
      actorName: users.name,
      action: platformAuditEvents.action,
      entityType: platformAuditEvents.entityType,
      entityId: platformAuditEvents.entityId,
      before: platformAuditEvents.before,
      after: platformAuditEvents.after,
      requestId: platformAuditEvents.requestId,
      createdAt: platformAuditEvents.createdAt,
    })
    .from(platformAuditEvents)
    .leftJoin(users, eq(users.id, platformAuditEvents.actorUserId))
    .orderBy(sql`${platformAuditEvents.seq} desc`)
    .limit(limit)
    .offset(offset);
  const [count] = await tx.select({ total: sql<number>`count(*)::int` }).from(platformAuditEvents);
  // Rows are written only through recordPlatformAudit, whose entry is the typed union, into an append-only table.
  return { rows: rows as PlatformAuditRecord[], total: count?.total ?? 0 };
}
