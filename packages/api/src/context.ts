import type { AttemptLimiter, SessionCookieSettings } from "@steward/auth";
import type { StripeBilling } from "@steward/billing";
import type { AttachmentStore, Database } from "@steward/db";

export type MailboxReaders = "nobody" | "operator" | "anyone";

/** What every request carries into tRPC. Built by apps/api from the HTTP request; no database work here. */
export interface RequestContext {
  database: Database;
  requestId: string;
  ip: string;
  cookieHeader: string | undefined;
  /** The council the page is working in (`x-steward-tenant`); trusted only after the membership check. */
  tenantHeader: string | null;
  appUrl: string;
  cookie: SessionCookieSettings;
  /** The limiters' settings; their counters live in PostgreSQL, shared by every API process. */
  limits: {
    /** Failed sign-ins (and invitation acceptances): 10 per account, 50 per address, in 15 minutes. */
    signIn: AttemptLimiter;
    /** Password reset requests: 3 per account, 20 per address, in an hour. */
    passwordReset: AttemptLimiter;
  };
  /** Where attachments' bytes are kept (PostgreSQL by default, S3-compatible by configuration: apps/api env). */
  attachments: AttachmentStore;
  /** Stripe (issue 11 §2); null is offline mode, where the platform operator assigns licences by hand. */
  stripe: StripeBilling | null;
  /** Response headers: procedures set cookies through them. */
  resHeaders: Headers;
  mail: {
    /**
     * Who may read the development mailbox on this request, since it shows every invitation and reset link:
     * `nobody` (mail is delivered, or production), `operator` (the signed-in platform operator), or `anyone`
     * (a request from this machine to a server on loopback, or DEV_MAILBOX=open). apps/api decides.
     */
    mailboxReaders: MailboxReaders;
    wake(): void;
  };
}
