import { createHash } from "node:crypto";
import { findIdempotentResult, lockIdempotencyKey, storeIdempotentResult } from "@steward/db";
import { isStorableText } from "@steward/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { TenantContext } from "./init.ts";

/** Optional on every creating mutation: the client makes one per form submission and resends it on retry. */
const keyMessage = "This request's key is not valid: reload the page and try again.";
export const idempotencyKey = z
  .string({ error: keyMessage })
  .min(8, keyMessage)
  .max(100, keyMessage)
  .refine(isStorableText, keyMessage)
  .optional();

/**
 * DESIGN §3.10: a retried creating request has one effect. The first result is stored in the same
 * transaction as the change and replayed to later requests with the same key and the same input; retries
 * that arrive together wait for the first one (`lockIdempotencyKey`). The same key with another procedure or
 * another input is refused (422), never answered with the first request's result.
 */
export async function once<T>(
  ctx: Pick<TenantContext, "tx" | "tenantId">,
  input: { idempotencyKey?: string | undefined },
  procedure: string,
  create: () => Promise<T>,
): Promise<T> {
  const { idempotencyKey: key, ...rest } = input;
  if (!key) return create();
  const inputHash = digestOf(rest);
  await lockIdempotencyKey(ctx.tx, { tenantId: ctx.tenantId, key });
  const earlier = await findIdempotentResult(ctx.tx, { tenantId: ctx.tenantId, key });
  if (earlier) {
    if (earlier.procedure !== procedure || earlier.inputHash !== inputHash) {
      throw new TRPCError({
        code: "UNPROCESSABLE_CONTENT",
        message: "This request key was already used for a different request. Reload the page and try again.",
      });
    }
    return earlier.result as T;
  }
  const result = await create();
  await storeIdempotentResult(ctx.tx, { tenantId: ctx.tenantId, key, procedure, inputHash, result });
  return result;
}

/** SHA-256 of the input as JSON with its keys sorted, so the same request always has the same digest. */
function digestOf(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
  return createHash("sha256").update(canonical).digest("hex");
}
