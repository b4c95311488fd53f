import { listRecentMail } from "@steward/db";
import { TRPCError } from "@trpc/server";
import { publicProcedure, router } from "../init.ts";

/**
 * The development mailbox: without SMTP (the demo), invitations and resets are read here. It shows every
 * message's links, so it is served only to the readers apps/api allows for the request (`mailboxReaders`):
 * requests from this machine to a server on loopback, or the signed-in platform operator. With SMTP, or in
 * production, it does not exist.
 */
export const mailboxRouter = router({
  list: publicProcedure.query(async ({ ctx }) => {
    const readers = ctx.mail.mailboxReaders;
    if (readers === "nobody") {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: "There is no development mailbox here: mail is delivered, or this is production.",
      });
    }
    if (readers === "operator") {
      const sessionId = ctx.sessions.readSessionId(ctx.cookieHeader);
      const session = sessionId ? await ctx.sessions.validate(sessionId) : null;
      if (!session) {
        throw new TRPCError({
          code: "UNAUTHORIZED",
          message: "Sign in as the platform operator to read the development mailbox.",
        });
      }
      if (session.setCookie) ctx.resHeaders.append("set-cookie", session.setCookie);
      if (session.user.platformRole !== "operator") {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Only the platform operator can read the development mailbox from another machine.",
        });
      }
    }
    return listRecentMail(ctx.tx, { limit: 50 });
  }),
});
