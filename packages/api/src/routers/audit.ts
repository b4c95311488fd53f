import { listAuditEvents, nameAuditEntities, verifyAuditChain } from "@steward/db";
import { pageSizeInput } from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, router } from "../init.ts";

export const auditRouter = router({
  list: permittedProcedure("audit:read")
    .input(z.object({ limit: pageSizeInput.default(50) }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const events = await listAuditEvents(ctx.tx, { tenantId: ctx.tenantId, limit: input.limit });
      const names = await nameAuditEntities(ctx.tx, { tenantId: ctx.tenantId, events });
      return events.map((event) => ({
        ...event,
        entityName: names.get(`${event.entityType}:${event.entityId}`) ?? null,
      }));
    }),

  verify: permittedProcedure("audit:verify").query(({ ctx }) =>
    verifyAuditChain(ctx.tx, { tenantId: ctx.tenantId }),
  ),
});
