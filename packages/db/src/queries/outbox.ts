import { asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { outbox } from "../schema/index.ts";

export async function enqueueMail(tx: Tx, mail: { to: string; subject: string; body: string }) {
  await tx.insert(outbox).values(mail);
}

export async function listUnsentMail(tx: Tx, { limit }: { limit: number }) {
  return tx.select().from(outbox).where(isNull(outbox.sentAt)).orderBy(asc(outbox.createdAt)).limit(limit);
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
