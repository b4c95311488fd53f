import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { auditEvents, users } from "../schema/index.ts";

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
}

/** DESIGN §3.8: every mutation writes one, in the same transaction. The trigger chains it. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}

/** Many events in one statement (an import); the trigger still chains each row in order. */
export async function recordAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 1000) {
    const chunk = entries.slice(start, start + 1000);
    await tx
      .insert(auditEvents)
      .values(chunk.map((entry) => ({ ...entry, before: entry.before ?? null, after: entry.after ?? null })));
  }
}

export async function listAuditEvents(
  tx: Tx,
  {
    tenantId,
    entityType,
    entityId,
    limit,
  }: { tenantId: string; entityType?: string; entityId?: string; limit: number },
) {
  return tx
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
