import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { passwordResets } from "../schema/index.ts";

export async function createPasswordReset(
  tx: Tx,
  values: { tokenHash: string; userId: string; expiresAt: Date },
) {
  await tx.insert(passwordResets).values(values);
}

/** Single use: marks the reset used and returns it, only when it is unused and unexpired. */
export async function usePasswordReset(tx: Tx, { tokenHash }: { tokenHash: string }) {
  const [reset] = await tx
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    )
    .returning();
  return reset ?? null;
}
