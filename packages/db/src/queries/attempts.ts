import { lte, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { attemptCounters } from "../schema/index.ts";

/**
 * Counts one attempt against each key in a single statement and returns every key's count in its current
 * window. The upsert takes each counter's row lock, so concurrent attempts are counted one after another
 * (never two reading the same count); keys go in sorted order, so two attempts never wait on each other.
 */
export async function countAttempt(
  tx: Tx,
  { keyHashes, windowMs }: { keyHashes: string[]; windowMs: number },
): Promise<Map<string, number>> {
  const windowEnd = sql`now() + make_interval(secs => ${windowMs / 1000})`;
  const expired = sql`${attemptCounters.windowEndsAt} <= now()`;
  const rows = await tx
    .insert(attemptCounters)
    .values([...keyHashes].sort().map((keyHash) => ({ keyHash, count: 1, windowEndsAt: windowEnd })))
    .onConflictDoUpdate({
      target: attemptCounters.keyHash,
      set: {
        count: sql`case when ${expired} then 1 else ${attemptCounters.count} + 1 end`,
        windowEndsAt: sql`case when ${expired} then excluded.window_ends_at else ${attemptCounters.windowEndsAt} end`,
      },
    })
    .returning({ keyHash: attemptCounters.keyHash, count: attemptCounters.count });
  return new Map(rows.map((row) => [row.keyHash, row.count]));
}

/**
 * An attempt that succeeded: the account's counter starts again and the address gets its attempt back. Both rows
 * are locked in key order first, as `countAttempt` locks them, so this and a concurrent count never wait on
 * each other in a circle.
 */
export async function settleSuccessfulAttempt(
  tx: Tx,
  { accountKeyHash, addressKeyHash }: { accountKeyHash: string; addressKeyHash: string },
) {
  await tx.execute(sql`
    with locked as (
      select key_hash from attempt_counters
      where key_hash in (${accountKeyHash}, ${addressKeyHash})
      order by key_hash
      for update
    )
    update attempt_counters counter
    set count = case when counter.key_hash = ${accountKeyHash} then 0 else greatest(counter.count - 1, 0) end
    from locked
    where counter.key_hash = locked.key_hash`);
}

/** Counters whose window has passed count nothing; this only keeps the table small. */
export async function deleteExpiredAttemptCounters(tx: Tx) {
  await tx.delete(attemptCounters).where(lte(attemptCounters.windowEndsAt, sql`now()`));
}
