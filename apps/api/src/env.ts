import { parseTrustedProxies } from "@steward/auth";
import { z } from "zod";

/** The only place that reads process.env (DESIGN §2). Parsed once at start-up; a bad value stops the start. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  APP_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Steward <no-reply@steward.localhost>"),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
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
});

export type Env = Omit<z.infer<typeof envSchema>, "SEED_DEMO"> & { APP_URL: string; SEED_DEMO: boolean };

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Steward cannot start: the environment has problems:\n${problems}`);
  }
  const { SEED_DEMO, ...values } = parsed.data;
  return {
    ...values,
    APP_URL: values.APP_URL ?? `http://localhost:${values.PORT}`,
    SEED_DEMO: (SEED_DEMO ?? (values.DATABASE_URL ? "false" : "true")) === "true",
  };
}
