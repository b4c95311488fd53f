import { and, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { idempotencyKeys } from "../schema/index.ts";

/** The stored result of an earlier request with this key, if any (DESIGN §3.10). */
export async function findIdempotentResult(
  tx: Tx,
  { tenantId, key, procedure }: { tenantId: string; key: string; procedure: string },
) {
  const [row] = await tx
    .select({ result: idempotencyKeys.result, procedure: idempotencyKeys.procedure })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  return row.procedure === procedure ? { result: row.result } : { mismatch: true as const };
}

export async function storeIdempotentResult(
  tx: Tx,
  values: { tenantId: string; key: string; procedure: string; result: unknown },
) {
  await tx.insert(idempotencyKeys).values({ ...values, result: values.result ?? null });
}
