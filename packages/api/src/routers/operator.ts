import { listAllTenants } from "@steward/db";
import { operatorProcedure, router } from "../init.ts";

/** The platform operator's console (issue 11 §6): the councils of the platform and their licences. */
export const operatorRouter = router({
  councils: operatorProcedure.query(({ ctx }) => listAllTenants(ctx.tx)),
});
