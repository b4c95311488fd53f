import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { outbox } from "../schema/index.ts";

export async function enqueueMail(tx: Tx, mail: { to: string; subject: string; body: string }) {
  await tx.insert(outbox).values(mail);
}

/** The oldest unsent messages' ids: the mailer queues a send job for each. */
export async function listUnsentMailIds(tx: Tx, { limit }: { limit: number }) {
  return tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(isNull(outbox.sentAt))
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
}

/** One message, if it is still to be sent. */
export async function getUnsentMail(tx: Tx, { id }: { id: string }) {
  const [mail] = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
  return mail ?? null;
}

export async function markMailSent(tx: Tx, { id }: { id: string }) {
  await tx.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, id));
}

export async function recordMailFailure(tx: Tx, { id, error }: { id: string; error: string }) {
  await tx
    .update(outbox)
    .set({ attempts: sql`array_append(${outbox.attempts}, ${error})` })
    .where(eq(outbox.id, id));
}

export async function listRecentMail(tx: Tx, { limit }: { limit: number }) {
  return tx.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
}

/**
 * Mail holds live invitation and reset links: once the longest of them has expired it is deleted, sent or not
 * (an unsent message that old could only deliver dead links).
 */
export async function deleteMailOlderThan(tx: Tx, { before }: { before: Date }) {
  const deleted = await tx.delete(outbox).where(lt(outbox.createdAt, before)).returning({ id: outbox.id });
  return deleted.length;
}
