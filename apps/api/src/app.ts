import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { serveStatic } from "@hono/node-server/serve-static";
import { appRouter, type RequestContext, receiveStripeEvent, refuseBatchedAuthMutations } from "@steward/api";
import {
  AttemptLimiter,
  clientAddress,
  isTrustedRequest,
  parseTrustedProxies,
  passwordResetLimiter,
} from "@steward/auth";
import type { StripeBilling } from "@steward/billing";
import { type AttachmentStore, type Database, postgresAttachmentStore } from "@steward/db";
import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { TRPCRequestInfo } from "@trpc/server/http";
import { type Context, Hono } from "hono";
import type { Logger } from "pino";
import { isLoopbackAddress, type MailboxMode } from "./env.ts";
import type { JobRunner } from "./jobs/runner.ts";
import { createMetrics } from "./metrics.ts";
import { answerJsonCall, isPlainJsonCall } from "./trpc-json.ts";

export interface AppOptions {
  database: Database;
  appUrl: string;
  logger: Logger;
  mail: { wake(): void };
  /** The job runner, whose queue depth /metrics shows; absent in tests that start none. */
  jobs?: Pick<JobRunner, "queueDepth">;
  /** Who may read the development mailbox (apps/api/src/env.ts decides from the configuration). */
  mailbox: MailboxMode;
  /** Opens /metrics to a scraper that sends it as a bearer token; without it, /metrics answers loopback only. */
  metricsToken?: string | undefined;
  /** The built web app (apps/web/dist); absent in API-only tests. */
  webRoot?: string;
  isReady: () => Promise<boolean>;
  /** TRUSTED_PROXY: the proxies whose X-Forwarded-For is believed; none when absent. */
  trustedProxy?: string;
  /** Where attachments' bytes go (ATTACHMENT_STORE); PostgreSQL when absent. */
  attachments?: AttachmentStore;
  /** Stripe (issue 11); absent or null is offline mode: no webhook route, licences assigned by hand. */
  stripe?: StripeBilling | null;
}

type Variables = { requestId: string };
type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
type AppContext = Context<{ Variables: Variables; Bindings: Bindings }>;

/**
 * The security headers of every response (DESIGN §3; docs/security.md): only the app's own scripts, styles,
 * fonts and connections; images from here or any https address (a lesson's Markdown shows images by URL, issue
 * 10 §1: the lesson sanitiser keeps only https sources, and an image cannot run script); never framed; no
 * referrer; HTTPS only (HSTS) when APP_URL is HTTPS.
 */
function securityHeaders(https: boolean): Record<string, string> {
  return {
    "content-security-policy": [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' https:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "referrer-policy": "no-referrer",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "DENY",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
  };
}

/** Responses made with the security headers already in them (tRPC's JSON answers). */
const secured = new WeakSet<Response>();

/** Vite names every file under /assets by a hash of its content: a browser may keep it for good. */
const immutable = "public, max-age=31536000, immutable";

/**
 * A request made on this machine and not relayed: its socket comes from a loopback address and it carries
 * no proxy header (a proxy on this machine would otherwise make every visitor look local).
 */
function isLocalRequest(c: AppContext): boolean {
  // The socket address; app.request() in tests has no socket at all.
  const address = c.env?.incoming?.socket?.remoteAddress;
  const relayed = ["forwarded", "x-forwarded-for", "x-real-ip"].some(
    (name) => c.req.header(name) !== undefined,
  );
  return address !== undefined && isLoopbackAddress(address) && !relayed;
}

function mailboxReadersFor(mode: MailboxMode, local: boolean): RequestContext["mail"]["mailboxReaders"] {
  switch (mode) {
    case "closed":
      return "nobody";
    case "open":
      return "anyone";
    case "operator":
      return "operator";
    case "local":
      return local ? "anyone" : "operator";
  }
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function sameToken(offered: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(offered), digest(expected));
}

export function createApp(options: AppOptions) {
  const app = new Hono<{ Variables: Variables; Bindings: Bindings }>();
  const limits = { signIn: new AttemptLimiter(), passwordReset: passwordResetLimiter() };
  const trustedProxies = parseTrustedProxies(options.trustedProxy ?? "");
  const https = options.appUrl.startsWith("https://");
  const cookie = { secure: https };
  const metrics = createMetrics({
    database: options.database,
    procedures: Object.keys(appRouter._def.procedures),
    jobs: options.jobs,
  });

  // On every response (DESIGN §3): the page runs only its own scripts and styles, is never framed, sends no
  // referrer (reset and invitation links carry tokens), and is HTTPS-only once APP_URL is HTTPS. tRPC's JSON
  // answers carry them from the start (a plain object, written as it is); every other response gets them here.
  const security = securityHeaders(https);
  app.use(async (c, next) => {
    await next();
    if (secured.has(c.res)) return;
    for (const name in security) c.res.headers.set(name, security[name] ?? "");
  });

  app.use(async (c, next) => {
    const offered = c.req.header("x-request-id");
    const requestId = offered && /^[\w-]{1,64}$/.test(offered) ? offered : randomUUID();
    c.set("requestId", requestId);
    // Set before the handler runs, so Hono writes it into the responses it makes; tRPC's own responses get it
    // through resHeaders below. Setting it on the finished response would copy the whole response
    // (measured: about a tenth of the throughput of a small read).
    c.header("x-request-id", requestId);
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    metrics.observeRequest({
      path: c.req.path,
      method: c.req.method,
      status: c.res.status,
      seconds: ms / 1000,
    });
    options.logger.info(
      { requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms) },
      "request",
    );
  });

  // Stripe's webhooks (issue 11 §3): a plain route, before the cross-site check (Stripe is another site; its
  // signature on the raw body is the check), answered 400 for a bad signature and 200 for anything signed.
  const stripe = options.stripe ?? null;
  if (stripe) {
    app.post("/webhooks/stripe", async (c) => {
      const rawBody = await c.req.text();
      const answer = await receiveStripeEvent(
        options.database,
        stripe,
        rawBody,
        c.req.header("stripe-signature"),
      );
      options.logger.info(
        { requestId: c.get("requestId"), status: answer.status, outcome: answer.body.outcome ?? null },
        "stripe webhook",
      );
      return c.json(answer.body, answer.status);
    });
  }

  // DESIGN §3: cross-site writes are refused whatever their content type.
  app.use(async (c, next) => {
    const trusted = isTrustedRequest({
      method: c.req.method,
      secFetchSite: c.req.header("sec-fetch-site") ?? null,
      origin: c.req.header("origin") ?? null,
      allowedOrigin: options.appUrl,
    });
    if (!trusted) return c.json({ error: "Cross-site request refused." }, 403);
    await next();
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  // Ready when the database answers within two seconds and the server is not shutting down.
  app.get("/readyz", async (c) => {
    const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref());
    const ready = await Promise.race([options.isReady().catch(() => false), timeout]);
    return ready ? c.json({ status: "ready" }) : c.json({ status: "not ready" }, 503);
  });

  // Prometheus scrapes this machine's loopback address, or sends METRICS_TOKEN as a bearer token.
  app.get("/metrics", async (c) => {
    const bearer = c.req.header("authorization")?.match(/^Bearer (.+)$/)?.[1];
    const allowed =
      isLocalRequest(c) ||
      (options.metricsToken !== undefined && bearer !== undefined && sameToken(bearer, options.metricsToken));
    if (!allowed) return c.json({ error: "Metrics are served on loopback or with the metrics token." }, 403);
    return c.body(await metrics.render(), 200, { "content-type": metrics.contentType });
  });

  app.all("/trpc/*", async (c) => {
    const started = performance.now();
    const mailboxReaders = mailboxReadersFor(options.mailbox, isLocalRequest(c));
    const requestId = c.get("requestId");
    const context = (info: TRPCRequestInfo, resHeaders: Headers): RequestContext => {
      refuseBatchedAuthMutations(info);
      return {
        database: options.database,
        requestId,
        // app.request() in tests has no socket at all.
        ip: clientAddress({
          socketAddress: c.env?.incoming?.socket?.remoteAddress,
          forwardedFor: c.req.header("x-forwarded-for"),
          trustedProxies,
        }),
        cookieHeader: c.req.header("cookie"),
        tenantHeader: c.req.header("x-steward-tenant") ?? null,
        appUrl: options.appUrl,
        cookie,
        limits,
        attachments: options.attachments ?? postgresAttachmentStore,
        stripe: options.stripe ?? null,
        resHeaders,
        mail: { mailboxReaders, wake: options.mail.wake },
      };
    };
    const onError = (error: TRPCError, path: string | undefined) => {
      metrics.countError(path, error.code);
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // The logger describes the error by kind and code, never by its parameters (logger.ts).
        options.logger.error({ err: error.cause ?? error, path, requestId }, "procedure failed");
      }
    };
    const paths = c.req.path.slice("/trpc/".length);
    let response: Response;
    if (isPlainJsonCall(c.req.raw)) {
      const resHeaders = new Headers();
      const answer = await answerJsonCall({
        req: c.req.raw,
        path: paths,
        router: appRouter,
        createContext: (info) => context(info, resHeaders),
        onError,
      });
      const headers: Record<string, string | string[]> = {
        ...security,
        "content-type": "application/json",
        vary: "trpc-accept, accept",
        "x-request-id": requestId,
      };
      if (answer.allow) headers.allow = answer.allow;
      const cookies = resHeaders.getSetCookie();
      if (cookies.length > 0) headers["set-cookie"] = cookies;
      response = new Response(answer.body, { status: answer.status, headers });
      secured.add(response);
    } else {
      response = await fetchRequestHandler({
        endpoint: "/trpc",
        req: c.req.raw,
        router: appRouter,
        createContext: ({ resHeaders, info }) => {
          resHeaders.set("x-request-id", requestId);
          return context(info, resHeaders);
        },
        onError: ({ error, path }) => onError(error, path),
      });
    }
    metrics.observeProcedures(paths, (performance.now() - started) / 1000);
    return response;
  });

  if (options.webRoot) {
    const webRoot = options.webRoot;
    // The build holds a .br and a .gz of each file (apps/web/vite.config.ts): sent as they are, by the
    // browser's Accept-Encoding, with Vary so a shared cache keeps each encoding apart.
    const compressed = serveStatic({ root: webRoot, precompressed: true });
    const servedWith = (cacheControl: string) => async (c: AppContext, next: () => Promise<void>) => {
      // A Response when the file exists; otherwise serveStatic has passed the request on.
      const found = await compressed(c, next);
      if (!(found instanceof Response)) return;
      found.headers.set("cache-control", cacheControl);
      found.headers.set("vary", "Accept-Encoding");
      return found;
    };
    app.use("/assets/*", servedWith(immutable));
    // A missing asset (an old page asking for a file of the previous release) is a 404, not the app's page.
    app.get("/assets/*", (c) => c.text("Not found", 404, { "cache-control": "no-cache" }));
    app.use("/favicon.svg", servedWith("public, max-age=86400"));
    // The single-page app answers every other GET; its router shows the page or "not found". index.html
    // names the current release's assets, so it is checked with the server on every load.
    const indexHtml = readFile(`${webRoot}/index.html`, "utf8");
    app.get("*", async (c) => c.html(await indexHtml, 200, { "cache-control": "no-cache" }));
  }

  return app;
}
