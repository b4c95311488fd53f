import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { factStatement, type Tx } from "../database.ts";
import { kpis, meetingKpis, meetings } from "../schema/index.ts";

export type MeetingRow = typeof meetings.$inferSelect;

/** A contract's meetings, latest first, each with the ids of the KPIs it reviewed. */
export async function listMeetings(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId: string },
) {
  const rows = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.contractId, contractId)))
    .orderBy(desc(meetings.scheduledOn), desc(meetings.createdAt));
  const reviewed = await kpisReviewed(
    tx,
    tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, kpiIds: reviewed.get(row.id) ?? [] }));
}

export async function getMeeting(tx: Tx, { tenantId, meetingId }: { tenantId: string; meetingId: string }) {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
  if (!row) return null;
  return { ...row, kpiIds: (await kpisReviewed(tx, tenantId, [row.id])).get(row.id) ?? [] };
}

async function kpisReviewed(tx: Tx, tenantId: string, meetingIds: string[]) {
  const grouped = new Map<string, string[]>();
  if (meetingIds.length === 0) return grouped;
  const links = await tx
    .select({ meetingId: meetingKpis.meetingId, kpiId: meetingKpis.kpiId })
    .from(meetingKpis)
    .innerJoin(kpis, and(eq(kpis.tenantId, meetingKpis.tenantId), eq(kpis.id, meetingKpis.kpiId)))
    .where(and(eq(meetingKpis.tenantId, tenantId), inArray(meetingKpis.meetingId, meetingIds)))
    .orderBy(asc(kpis.position), asc(kpis.name));
  for (const link of links) grouped.set(link.meetingId, [...(grouped.get(link.meetingId) ?? []), link.kpiId]);
  return grouped;
}

export async function insertMeeting(
  tx: Tx,
  { kpiIds, ...values }: typeof meetings.$inferInsert & { kpiIds: string[] },
) {
  const [row] = await tx.insert(meetings).values(values).returning();
  if (!row) throw new Error("insert returned no meeting");
  await linkKpis(tx, row.tenantId, row.id, kpiIds);
  return { ...row, kpiIds };
}

/** Updates a meeting the caller read at `version`, and the KPIs it reviewed; null when it changed meanwhile. */
export async function updateMeeting(
  tx: Tx,
  {
    tenantId,
    meetingId,
    version,
    values,
    kpiIds,
  }: {
    tenantId: string;
    meetingId: string;
    version: number;
    values: Partial<typeof meetings.$inferInsert>;
    kpiIds: string[];
  },
) {
  const [row] = await tx
    .update(meetings)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId), eq(meetings.version, version)))
    .returning();
  if (!row) return null;
  await tx
    .delete(meetingKpis)
    .where(and(eq(meetingKpis.tenantId, tenantId), eq(meetingKpis.meetingId, meetingId)));
  await linkKpis(tx, tenantId, meetingId, kpiIds);
  return { ...row, kpiIds };
}

async function linkKpis(tx: Tx, tenantId: string, meetingId: string, kpiIds: string[]) {
  if (kpiIds.length === 0) return;
  await tx.insert(meetingKpis).values(kpiIds.map((kpiId) => ({ tenantId, meetingId, kpiId })));
}

/** Which of `kpiIds` are the contract's own KPIs. */
export async function listKpiIdsOfContract(
  tx: Tx,
  { tenantId, contractId, kpiIds }: { tenantId: string; contractId: string; kpiIds: string[] },
) {
  if (kpiIds.length === 0) return [];
  const rows = await tx
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(eq(kpis.tenantId, tenantId), eq(kpis.contractId, contractId), inArray(kpis.id, kpiIds)));
  return rows.map((row) => row.id);
}

/**
 * Held meetings of some contracts or (none given) of the whole council: the obligations engine's source for
 * the review cadence and the kickoff (004 §5, §6).
 */
export async function listHeldMeetings(
  tx: Tx,
  { tenantId, contractIds }: { tenantId: string; contractIds?: string[] },
) {
  const rows = await heldMeetingFacts(tx, { tenantId, contractIds });
  return rows.flatMap((row) => (row.heldOn === null ? [] : [{ ...row, heldOn: row.heldOn }]));
}

const heldMeetingFacts = factStatement((db, ofListed) =>
  db
    .select({ contractId: meetings.contractId, type: meetings.type, heldOn: meetings.heldOn })
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, sql.placeholder("tenantId")),
        isNotNull(meetings.heldOn),
        ofListed(meetings.contractId),
      ),
    ),
);
