import { createCaller } from "@steward/api";
import { SessionStore, SignInLimiter, sha256Hex } from "@steward/auth";
import { addMembership, inTransaction, listMembers } from "@steward/db";
import { newId } from "@steward/domain";
import { sessionCookie, startBenchDatabase } from "./database.ts";

const bench = await startBenchDatabase();
const tenantId = newId();
await bench.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale) values (${tenantId}, 'p', 'P', 'GB-ENG', 'GBP', 'en-GB')`;
const ids: string[] = [];
for (let i = 0; i < 25; i++) {
  const id = newId();
  ids.push(id);
  await bench.owner`insert into users (id, email, name) values (${id}, ${`m${i}@x.test`}, ${`M ${i}`})`;
}
await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
  for (const [i, userId] of ids.entries())
    await addMembership(tx, { tenantId, userId, role: i === 0 ? "admin" : "viewer" });
});
const cookie = await sessionCookie(bench, ids[0] ?? "");
const sessionId = cookie.split("=")[1] ?? "";
async function time(label: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await fn();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const ms = (performance.now() - t0) / n;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    label.padEnd(40),
    `${ms.toFixed(3)} ms/req`,
    `cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/req`,
  );
}
const ctx = () => ({
  database: bench.database,
  requestId: "x",
  ip: "1",
  cookieHeader: cookie,
  tenantHeader: tenantId,
  appUrl: "http://x",
  cookie: { secure: false },
  limiter: new SignInLimiter(),
  resHeaders: new Headers(),
  mail: { deliveryConfigured: false, wake() {} },
});
if (process.argv[2] !== "only")
  await time("createCaller members.list", 2000, () => createCaller(ctx()).members.list());
if (process.argv[2] !== "only")
  await time("inTransaction + lucia + listMembers", 2000, () =>
    inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
      await new SessionStore(tx, tenantId, { secure: false }).validate(sessionId);
      return listMembers(tx, { tenantId });
    }),
  );
if (process.argv[2] !== "only")
  await time("inTransaction + listMembers", 2000, () =>
    inTransaction(bench.database, { tenantId, userId: null }, (tx) => listMembers(tx, { tenantId })),
  );
if (process.argv[2] !== "only")
  await time("inTransaction empty select 1", 2000, () =>
    inTransaction(bench.database, { tenantId, userId: null }, (tx) => tx.execute("select 1")),
  );
if (process.argv[2] !== "only")
  await time("bare begin+set+session+members", 2000, () =>
    bench.database.sql.begin(async (sql) => {
      await sql.unsafe(`set local role steward_app; set local app.tenant_id = '${tenantId}'`);
      await sql`select s.expires_at, u.id, m.role from sessions s join users u on u.id = s.user_id left join memberships m on m.user_id = u.id and m.tenant_id = ${tenantId} where s.id_hash = ${sha256Hex(sessionId)}`;
      return sql`select u.id, u.name, u.email, m.role, m.deactivated_at, m.created_at from memberships m join users u on u.id = m.user_id where m.tenant_id = ${tenantId} order by u.name`;
    }),
  );
const { createApp } = await import("../src/app.ts");
const pino = (await import("pino")).default;
const app = createApp({
  database: bench.database,
  appUrl: "http://x",
  logger: pino({ level: "silent" }),
  mail: { deliveryConfigured: false, wake() {} },
  isReady: async () => true,
});
await time("app.request /trpc/members.list", process.argv[2] === "only" ? 8000 : 2000, async () => {
  const r = await app.request("/trpc/members.list", { headers: { cookie, "x-steward-tenant": tenantId } });
  if (r.status !== 200) throw new Error(String(r.status));
  return r.text();
});
await bench.stop();
