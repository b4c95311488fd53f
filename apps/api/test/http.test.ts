import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { hashPassword } from "@steward/auth";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AppOptions, createApp } from "../src/app.ts";

let test: TestDatabase;
let app: ReturnType<typeof createApp>;
let adminEmail: string;
let operatorEmail: string;
let webRoot: string;
const appUrl = "http://localhost:3000";
const password = "correct horse battery staple";
const script = `console.log(${JSON.stringify("Steward ".repeat(200))});\n`;

function appWith(options: Partial<AppOptions> = {}) {
  return createApp({
    database: test.database,
    appUrl,
    logger: pino({ level: "silent" }),
    mail: { wake: () => {} },
    mailbox: "local",
    webRoot,
    isReady: async () => true,
    ...options,
  });
}

let passwordHash: string;

beforeAll(async () => {
  test = await createTestDatabase();
  passwordHash = await hashPassword(password);
  // A web build as Vite leaves it: index.html, a hashed asset and its .br and .gz beside it.
  webRoot = await mkdtemp(join(tmpdir(), "steward-web-"));
  await mkdir(join(webRoot, "assets"));
  await writeFile(
    join(webRoot, "index.html"),
    '<!doctype html><html lang="en-GB"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(webRoot, "assets/index-Ab12Cd34.js"), script);
  await writeFile(join(webRoot, "assets/index-Ab12Cd34.js.gz"), gzipSync(script));
  await writeFile(join(webRoot, "assets/index-Ab12Cd34.js.br"), brotliCompressSync(script));
  app = appWith();
});
afterAll(async () => {
  await test.close();
  await rm(webRoot, { recursive: true, force: true });
});
// One fresh council per test: a wrong password in one test counts against no other's sign-in.
beforeEach(async () => {
  const council = await createTenantFixture(test, { passwordHash });
  adminEmail = `admin.${council.slug}@example.test`;
  operatorEmail = `viewer.${council.slug}@example.test`;
  await test.owner`update users set platform_role = 'operator' where email = ${operatorEmail}`;
});

const signIn = (
  headers: Record<string, string>,
  body = JSON.stringify({ email: adminEmail, password }),
  target = app,
) =>
  target.request("/trpc/auth.signIn", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

async function sessionCookie(email: string): Promise<string> {
  const response = await signIn({ origin: appUrl }, JSON.stringify({ email, password }));
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("HTTP edge", () => {
  it("answers health and readiness", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
    expect((await app.request("/readyz")).status).toBe(200);
  });

  it("refuses a cross-site POST whatever its content type", async () => {
    expect((await signIn({ origin: "https://evil.example" })).status).toBe(403);
    expect((await signIn({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await signIn({})).status).toBe(403);
    const form = await app.request("/trpc/auth.signOut", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost:3000.evil.example",
      },
      body: "a=b",
    });
    expect(form.status).toBe(403);
  });

  it("accepts a same-origin sign-in and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    for (const headers of [{ "sec-fetch-site": "same-origin" }, { origin: appUrl }] as Record<
      string,
      string
    >[]) {
      const response = await signIn(headers);
      expect(response.status).toBe(200);
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^steward_session=[\w-]{43};/);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
    }
  });

  it("gives a generic error for a wrong password and a request id on every response", async () => {
    const response = await signIn(
      { origin: appUrl },
      JSON.stringify({ email: adminEmail, password: "wrong" }),
    );
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("The email or password is not right");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns field errors for invalid input", async () => {
    const response = await signIn({ origin: appUrl }, JSON.stringify({ email: "nope", password: "" }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { fieldErrors: Record<string, string> } } };
    expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(["email", "password"]);
  });
});

describe("security headers", () => {
  const expectSecurityHeaders = (response: Response) => {
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // A lesson's images by https address load (issue 10 §1); nothing else is widened: no http:, data: or blob:.
    expect(csp).toContain("img-src 'self' https:;");
    expect(csp).not.toMatch(/\b(http|data|blob):/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  };

  it("sends them on the page, a tRPC answer, an asset, a refusal and a 404", async () => {
    const responses = [
      await app.request("/"),
      await app.request("/t/some-council/contracts"),
      await app.request("/trpc/auth.me"),
      await app.request("/assets/index-Ab12Cd34.js"),
      await signIn({ origin: "https://evil.example" }),
      await app.request("/assets/missing-Zz99.js"),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 403, 404]);
    for (const response of responses) expectSecurityHeaders(response);
  });

  it("sends HSTS only when APP_URL is HTTPS", async () => {
    expect((await app.request("/")).headers.get("strict-transport-security")).toBeNull();
    const secure = appWith({ appUrl: "https://steward.example.org" });
    for (const path of ["/", "/trpc/auth.me", "/assets/index-Ab12Cd34.js"]) {
      expect((await secure.request(path)).headers.get("strict-transport-security")).toBe(
        "max-age=31536000; includeSubDomains",
      );
    }
  });
});

describe("serving the web build", () => {
  const asset = "/assets/index-Ab12Cd34.js";

  it("sends the brotli or gzip file the browser accepts, with Vary, else the plain file", async () => {
    const plain = await readFile(join(webRoot, asset));
    const cases = [
      { accept: "gzip, deflate, br, zstd", encoding: "br", file: `${asset}.br` },
      { accept: "gzip", encoding: "gzip", file: `${asset}.gz` },
      { accept: "identity", encoding: null, file: asset },
    ];
    for (const { accept, encoding, file } of cases) {
      const response = await app.request(asset, { headers: { "accept-encoding": accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-encoding")).toBe(encoding);
      expect(response.headers.get("vary")).toBe("Accept-Encoding");
      expect(response.headers.get("content-type")).toContain("javascript");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(await readFile(join(webRoot, file)))).toBe(true);
      if (encoding) expect(body.length).toBeLessThan(plain.length / 5);
    }
  });

  it("lets browsers keep hashed assets for a year and makes them check index.html every time", async () => {
    expect((await app.request(asset)).headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    for (const path of ["/", "/sign-in"]) {
      const page = await app.request(path);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      expect(await page.text()).toContain('<div id="root">');
    }
  });

  it("answers 404 for a missing asset, never the page, and never lets it be cached for good", async () => {
    const response = await app.request("/assets/index-Old00000.js");
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });
});

describe("the development mailbox", () => {
  const loopback = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
  const network = { incoming: { socket: { remoteAddress: "192.0.2.44" } } };
  const list = async (
    target: ReturnType<typeof createApp>,
    bindings: typeof loopback,
    headers: Record<string, string> = {},
  ) => {
    const response = await target.request("/trpc/mailbox.list", { headers }, bindings);
    const body = (await response.json()) as { result?: unknown; error?: { data: { code: string } } };
    return body.error ? body.error.data.code : "OK";
  };

  it("serves a request from this machine to a server on loopback", async () => {
    expect(await list(app, loopback)).toBe("OK");
    expect(await list(app, { incoming: { socket: { remoteAddress: "::1" } } })).toBe("OK");
    expect(await list(app, { incoming: { socket: { remoteAddress: "::ffff:127.0.0.1" } } })).toBe("OK");
  });

  it("refuses anyone else who is not the signed-in platform operator", async () => {
    expect(await list(app, network)).toBe("UNAUTHORIZED");
    // Through a proxy on this machine the socket is loopback, but the visitor is not.
    expect(await list(app, loopback, { "x-forwarded-for": "198.51.100.7" })).toBe("UNAUTHORIZED");
    expect(await list(app, loopback, { forwarded: "for=198.51.100.7" })).toBe("UNAUTHORIZED");
    expect(await list(app, network, { cookie: await sessionCookie(adminEmail) })).toBe("FORBIDDEN");
    expect(await list(app, network, { cookie: await sessionCookie(operatorEmail) })).toBe("OK");
  });

  it("serves only the operator with DEV_MAILBOX=operator, anyone with open, nobody when closed", async () => {
    const operatorOnly = appWith({ mailbox: "operator" });
    expect(await list(operatorOnly, loopback)).toBe("UNAUTHORIZED");
    expect(await list(operatorOnly, network, { cookie: await sessionCookie(operatorEmail) })).toBe("OK");
    expect(await list(appWith({ mailbox: "open" }), network)).toBe("OK");
    const closed = appWith({ mailbox: "closed" });
    expect(await list(closed, loopback)).toBe("NOT_FOUND");
    expect(await list(closed, network, { cookie: await sessionCookie(operatorEmail) })).toBe("NOT_FOUND");
  });
});

describe("metrics", () => {
  const loopback = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
  const network = { incoming: { socket: { remoteAddress: "192.0.2.44" } } };
  const token = "a-metrics-token-that-is-long-enough-1234";

  it("counts requests, latency and errors by procedure, and the pool in use, in Prometheus format", async () => {
    const measured = appWith();
    await signIn({ origin: appUrl }, JSON.stringify({ email: adminEmail, password: "wrong" }), measured);
    await measured.request("/trpc/auth.me,auth.me");
    await measured.request("/trpc/no.such.procedure");
    const response = await measured.request("/metrics", {}, loopback);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('steward_trpc_procedure_duration_seconds_count{procedure="auth.signIn"} 1');
    expect(text).toContain('steward_trpc_procedure_duration_seconds_count{procedure="auth.me"} 2');
    expect(text).toContain('steward_trpc_errors_total{procedure="auth.signIn",code="UNAUTHORIZED"} 1');
    // A path a client made up never becomes a label of its own.
    expect(text).toContain('steward_trpc_procedure_duration_seconds_count{procedure="unknown"} 1');
    expect(text).not.toContain("no.such.procedure");
    expect(text).toMatch(
      /steward_http_request_duration_seconds_count\{route="\/trpc",method="POST",status="401"\} 1/,
    );
    expect(text).toContain("steward_database_pool_connections_in_use 0");
    expect(text).toContain("steward_database_pool_size 10");
    expect(text).toContain("steward_process_cpu_seconds_total");
  });

  it("serves them on loopback, or elsewhere only with the bearer token", async () => {
    const open = appWith();
    expect((await open.request("/metrics", {}, network)).status).toBe(403);
    expect(
      (await open.request("/metrics", { headers: { "x-forwarded-for": "198.51.100.7" } }, loopback)).status,
    ).toBe(403);
    const guarded = appWith({ metricsToken: token });
    const withToken = (value: string) =>
      guarded.request("/metrics", { headers: { authorization: value } }, network);
    expect((await guarded.request("/metrics", {}, network)).status).toBe(403);
    expect((await withToken(`Bearer ${token}x`)).status).toBe(403);
    expect((await withToken(token)).status).toBe(403);
    expect((await withToken(`Bearer ${token}`)).status).toBe(200);
    expect((await guarded.request("/metrics", {}, loopback)).status).toBe(200);
  });
});
