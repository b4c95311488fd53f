import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { idempotencyKeys } from "../schema/index.ts";

/**
 * Serialises the requests that carry one key (DESIGN §3.10): a concurrent retry waits here, until the
 * transaction's end, for the first request to commit (then it finds the stored result) or roll back (then
 * it runs itself). An advisory lock, because there is no row to lock before the first result exists.
 */
export async function lockIdempotencyKey(tx: Tx, { tenantId, key }: { tenantId: string; key: string }) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`idempotency:${tenantId}:${key}`}, 0))`,
  );
}

/** The stored request behind this key, if any: which procedure, a digest of its input, and its result. */
export async function findIdempotentResult(tx: Tx, { tenantId, key }: { tenantId: string; key: string }) {
  const [row] = await tx
    .select({
      procedure: idempotencyKeys.procedure,
      inputHash: idempotencyKeys.inputHash,
      result: idempotencyKeys.result,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

export async function storeIdempotentResult(
  tx: Tx,
  values: { tenantId: string; key: string; procedure: string; inputHash: string; result: unknown },
) {
  await tx.insert(idempotencyKeys).values({ ...values, result: values.result ?? null });
}
