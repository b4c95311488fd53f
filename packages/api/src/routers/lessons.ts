import { insertLesson, listLessons } from "@steward/db";
import { idInput, lessonInput, pageSizeInput, searchInput } from "@steward/domain";
import { z } from "zod";
import { loadContract } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router } from "../init.ts";

export const lessonsRouter = router({
  /**
   * Lessons learned across the council (004 §6 "Consider lessons learnt … and contribute to options for
   * re-procurement"), newest first, or one contract's; `search` matches their titles and text.
   */
  list: permittedProcedure("contracts:read")
    .input(
      z
        .object({
          search: searchInput,
          contractId: idInput.optional(),
          limit: pageSizeInput.default(50),
        })

        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      if (input.contractId) await loadContract(ctx, input.contractId);
      return listLessons(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: input.contractId,
        search: input.search || undefined,
        limit: input.limit,
      });
    }),

  create: permittedProcedure("performance:write")
    .input(lessonInput.extend({ idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "lessons.create", async () => {
        await loadContract(ctx, input.contractId);
        const lesson = await insertLesson(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          title: input.title,
          body: input.body,
          createdBy: ctx.user.id,
        });
        await ctx.audit({
          action: "lesson.recorded",
          entityType: "contract",
          entityId: input.contractId,
          after: { lessonId: lesson.id, title: lesson.title, body: lesson.body },
        });
        return { id: lesson.id };
      }),
    ),
});
