/**
 * The servers under load, in their own process so the load generator does not share their event loop:
 * the real app (HTTP → tRPC → session → RLS transaction → drizzle) and a bare Hono route running the same
 * SQL in the same kind of RLS transaction through postgres.js. Configuration arrives as one JSON argument.
 */
import { Session } from "node:inspector/promises";
import { serve } from "@hono/node-server";
import { sha256Hex } from "@steward/auth";
import { appRole, connectDatabase } from "@steward/db";
import { isUuid } from "@steward/domain";
import { Hono } from "hono";
import pino from "pino";
import { createApp } from "../src/app.ts";

const config = JSON.parse(process.argv[2] ?? "{}") as { ownerUrl: string; appPort: number; barePort: number };
const database = connectDatabase(config.ownerUrl);

const app = createApp({
  database,
  appUrl: `http://127.0.0.1:${config.appPort}`,
  logger: pino({ level: "silent" }),
  mail: { wake: () => {} },
  mailbox: "closed",
  isReady: async () => true,
});

const bare = new Hono();
bare.get("/members", async (c) => {
  const tenantId = c.req.header("x-steward-tenant") ?? "";
  const sessionId = /steward_session=([\w-]+)/.exec(c.req.header("cookie") ?? "")?.[1] ?? "";
  if (!isUuid(tenantId)) return c.json({ error: "not found" }, 404);
  // As inTransaction does: BEGIN and the settings go out unawaited with the first query, then the members
  // query, then COMMIT: three round trips, as the app takes.
  const connection = await database.sql.reserve();
  try {
    const opened = connection
      .unsafe(`begin; set local role ${appRole}; set local app.tenant_id = '${tenantId}'`)
      .execute();
    const [[session]] = await Promise.all([
      connection`
        select s.expires_at, s.created_at, u.id, u.email, u.name, u.platform_role, m.role
        from sessions s join users u on u.id = s.user_id
        left join memberships m on m.user_id = u.id and m.tenant_id = ${tenantId} and m.deactivated_at is null
        where s.id_hash = ${sha256Hex(sessionId)}`,
      opened,
    ]);
    const rows = session?.role
      ? await connection`
          select u.id as user_id, u.name, u.email, m.role, m.deactivated_at, m.created_at as joined_at
          from memberships m join users u on u.id = m.user_id
          where m.tenant_id = ${tenantId} order by u.name`
      : null;
    await connection.unsafe("commit");
    return rows ? c.json(rows) : c.json({ error: "forbidden" }, 403);
  } catch (error) {
    await connection.unsafe("rollback").catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
});

// The bench profiles the app's side under load: started and stopped on the bare port, never on the app's.
const inspector = new Session();
inspector.connect();
bare.post("/profile/start", async (c) => {
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.start");
  return c.text("started");
});
bare.post("/profile/stop", async (c) => {
  const { profile } = await inspector.post("Profiler.stop");
  return c.json(profile);
});

serve({ fetch: app.fetch, port: config.appPort, hostname: "127.0.0.1" });
serve({ fetch: bare.fetch, port: config.barePort, hostname: "127.0.0.1" }, () => console.log("ready"));
