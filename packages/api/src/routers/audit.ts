import { listAuditEvents, verifyAuditChain } from "@steward/db";
import { pageSizeInput } from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, router } from "../init.ts";

export const auditRouter = router({
  list: permittedProcedure("audit:read")
    .input(z.object({ limit: pageSizeInput.default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => listAuditEvents(ctx.tx, { tenantId: ctx.tenantId, limit: input.limit })),

  verify: permittedProcedure("audit:verify").query(({ ctx }) =>
    verifyAuditChain(ctx.tx, { tenantId: ctx.tenantId }),
  ),
});
