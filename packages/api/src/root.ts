import { createCallerFactory, router } from "./init.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { mailboxRouter } from "./routers/mailbox.ts";
import { membersRouter } from "./routers/members.ts";

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  mailbox: mailboxRouter,
  members: membersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
