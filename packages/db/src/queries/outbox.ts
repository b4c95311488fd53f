import { asc, desc, eq, isNull, sql } from "drizzle-orm";
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
