import { findIdempotentResult, storeIdempotentResult } from "@steward/db";
import { conflict } from "@steward/domain";
import { z } from "zod";
import type { TenantContext } from "./init.ts";

/** Optional on every creating mutation: the client makes one per form submission and resends it on retry. */
export const idempotencyKey = z.string().min(8).max(100).optional();

/**
 * DESIGN §3.10: a retried creating request has one effect. The first result is stored in the same
 * transaction as the change and replayed to later requests with the same key.
 */
export async function once<T>(
  ctx: Pick<TenantContext, "tx" | "tenantId">,
  key: string | undefined,
  procedure: string,
  create: () => Promise<T>,
): Promise<T> {
  if (!key) return create();
  const earlier = await findIdempotentResult(ctx.tx, { tenantId: ctx.tenantId, key, procedure });
  if (earlier && "mismatch" in earlier)
    throw conflict("This request key was already used for something else.");
  if (earlier) return earlier.result as T;
  const result = await create();
  await storeIdempotentResult(ctx.tx, { tenantId: ctx.tenantId, key, procedure, result });
  return result;
}
