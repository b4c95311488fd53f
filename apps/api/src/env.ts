import { parseTrustedProxies } from "@steward/auth";
import type { StripeSettings } from "@steward/billing";
import { z } from "zod";
import type { S3Settings } from "./s3-attachment-store.ts";

/** The only place that reads process.env (DESIGN §2). Parsed once at start-up; a bad value stops the start. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    APP_URL: z.url().optional(),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Steward <no-reply@steward.localhost>"),
    /**
     * Who reads the development mailbox on a server that is not bound to loopback: `operator` (the signed-in
     * platform operator) or `open` (anyone who reaches the server: unsafe, it shows every reset link).
     */
    DEV_MAILBOX: z.enum(["operator", "open"]).optional(),
    /** A bearer token that opens /metrics to scrapers that are not on this machine. */
    METRICS_TOKEN: z.string().min(32, "use at least 32 characters").optional(),
    /** Stripe (issue 11): without a secret key billing runs offline and the platform operator assigns licences. */
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** The Stripe price (per seat) of each plan and interval; a plan without one is not sold through Stripe. */
    STRIPE_PRICE_ESSENTIALS_MONTH: z.string().min(1).optional(),
    STRIPE_PRICE_ESSENTIALS_YEAR: z.string().min(1).optional(),
    STRIPE_PRICE_PROFESSIONAL_MONTH: z.string().min(1).optional(),
    STRIPE_PRICE_PROFESSIONAL_YEAR: z.string().min(1).optional(),
    STRIPE_PRICE_PARTNERSHIP_MONTH: z.string().min(1).optional(),
    STRIPE_PRICE_PARTNERSHIP_YEAR: z.string().min(1).optional(),
    /** Days a council has to pay a Stripe invoice (collection by invoice). */
    STRIPE_DAYS_UNTIL_DUE: z.coerce.number().int().min(1).max(120).default(30),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
    DATA_DIR: z.string().default(".data"),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    /** Demo councils on a first start: on by default with the embedded database, off with DATABASE_URL. */
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    /**
     * The proxies (addresses and CIDR ranges, comma-separated) whose X-Forwarded-For names the client. Unset,
     * the client is the socket's address and the header is ignored.
     */
    TRUSTED_PROXY: z
      .string()
      .default("")
      .superRefine((list, ctx) => {
        try {
          parseTrustedProxies(list);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        }
      }),
    /**
     * Where attachments' bytes are kept: `postgres` (the default: the attachment_blobs table, under RLS) or
     * `s3`, an S3-compatible store named by the S3_* settings. The files' records stay in PostgreSQL either way.
     */
    ATTACHMENT_STORE: z.enum(["postgres", "s3"]).default("postgres"),
    /** The S3-compatible service's address, e.g. https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000. */
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((values, ctx) => {
    if (values.STRIPE_SECRET_KEY && !values.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "set it with STRIPE_SECRET_KEY: webhooks are how Stripe tells Steward a licence changed",
      });
    }
    if (values.ATTACHMENT_STORE !== "s3") return;
    for (const name of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!values[name])
        ctx.addIssue({ code: "custom", path: [name], message: "set it when ATTACHMENT_STORE=s3" });
    }
  });

/**
 * Who may read the development mailbox (mail kept, not sent):
 * - `closed`: mail is delivered (SMTP_URL), or this is production: there is no mailbox;
 * - `local`: the server listens on loopback only: requests from this machine, and the platform operator;
 * - `operator`: the signed-in platform operator only;
 * - `open`: anyone (DEV_MAILBOX=open).
 */
export type MailboxMode = "closed" | "local" | "operator" | "open";

export type Env = Omit<z.infer<typeof envSchema>, "SEED_DEMO" | "DEV_MAILBOX"> & {
  APP_URL: string;
  SEED_DEMO: boolean;
  MAILBOX: MailboxMode;
  /** The S3-compatible store for attachments; null keeps them in PostgreSQL. */
  ATTACHMENT_S3: S3Settings | null;
  /** Stripe's settings; null is offline mode (no STRIPE_SECRET_KEY, the embedded default). */
  STRIPE: StripeSettings | null;
};

/** 127.0.0.0/8, ::1 and their IPv4-mapped form: addresses only this machine can use. */
export function isLoopbackAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Steward cannot start: the environment has problems:\n${problems}`);
  }
  const { SEED_DEMO, DEV_MAILBOX, ...values } = parsed.data;
  return {
    ...values,
    APP_URL: values.APP_URL ?? `http://localhost:${values.PORT}`,
    SEED_DEMO: (SEED_DEMO ?? (values.DATABASE_URL ? "false" : "true")) === "true",
    MAILBOX: mailboxMode(values, DEV_MAILBOX),
    ATTACHMENT_S3:
      values.ATTACHMENT_STORE === "s3" &&
      values.S3_ENDPOINT &&
      values.S3_BUCKET &&
      values.S3_ACCESS_KEY_ID &&
      values.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: values.S3_ENDPOINT,
            bucket: values.S3_BUCKET,
            region: values.S3_REGION,
            accessKeyId: values.S3_ACCESS_KEY_ID,
            secretAccessKey: values.S3_SECRET_ACCESS_KEY,
          }
        : null,
    STRIPE:
      values.STRIPE_SECRET_KEY && values.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: values.STRIPE_SECRET_KEY,
            webhookSecret: values.STRIPE_WEBHOOK_SECRET,
            daysUntilDue: values.STRIPE_DAYS_UNTIL_DUE,
            prices: {
              essentials_month: values.STRIPE_PRICE_ESSENTIALS_MONTH,
              essentials_year: values.STRIPE_PRICE_ESSENTIALS_YEAR,
              professional_month: values.STRIPE_PRICE_PROFESSIONAL_MONTH,
              professional_year: values.STRIPE_PRICE_PROFESSIONAL_YEAR,
              partnership_month: values.STRIPE_PRICE_PARTNERSHIP_MONTH,
              partnership_year: values.STRIPE_PRICE_PARTNERSHIP_YEAR,
            },
          }
        : null,
  };
}

function mailboxMode(
  values: { SMTP_URL?: string | undefined; NODE_ENV: string; HOST: string },
  choice: "operator" | "open" | undefined,
): MailboxMode {
  if (values.SMTP_URL || values.NODE_ENV === "production") return "closed";
  if (choice) return choice;
  if (isLoopbackAddress(values.HOST)) return "local";
  // The mailbox shows every invitation and password-reset link: never open it to a network by default.
  throw new Error(
    `Steward cannot start: it would listen on ${values.HOST} with the development mailbox open (no SMTP_URL), ` +
      "so anyone who reaches it could read every invitation and password-reset link. Set SMTP_URL to send " +
      "mail, or DEV_MAILBOX=operator (only the signed-in platform operator reads it), or DEV_MAILBOX=open " +
      "(anyone reads it: unsafe, for a throwaway demo only).",
  );
}
