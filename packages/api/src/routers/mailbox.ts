import { listRecentMail } from "@steward/db";
import { TRPCError } from "@trpc/server";
import { publicProcedure, router } from "../init.ts";

/**
 * The development mailbox: without SMTP (the demo), invitations and resets are read here. With SMTP, or in
 * production, it does not exist, since it shows every message's links.
 */
export const mailboxRouter = router({
  list: publicProcedure.query(({ ctx }) => {
    if (!ctx.mail.mailboxOpen) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: "There is no development mailbox here: mail is delivered, or this is production.",
      });
    }
    return listRecentMail(ctx.tx, { limit: 50 });
  }),
});
