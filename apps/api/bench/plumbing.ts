import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { addMembership, inTransaction, saveLicence } from "@steward/db";
import { newId } from "@steward/domain";
import autocannon from "autocannon";
import type { BenchDatabase } from "./database.ts";
import { freePort, sessionCookie } from "./database.ts";
import { type CpuProfile, summariseProfile } from "./profile.ts";

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const result = await autocannon({ url, headers, connections: 50, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Issue 2's figure: one tenant-scoped read procedure end to end against a bare Hono route with the same
 * SQL in the same RLS transaction, 50 connections, in the same run.
 */
export async function benchPlumbing(bench: BenchDatabase, seconds: number) {
  const tenantId = newId();
  await bench.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale)
    values (${tenantId}, 'bench-plumbing', 'Bench Borough Council', 'GB-ENG', 'GBP', 'en-GB')`;
  const members: string[] = [];
  for (let index = 0; index < 25; index += 1) {
    const id = newId();
    members.push(id);
    await bench.owner`insert into users (id, email, name) values (${id}, ${`member${index}@bench.test`}, ${`Member ${index}`})`;
  }
  await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
    for (const [index, userId] of members.entries()) {
      await addMembership(tx, { tenantId, userId, role: index === 0 ? "admin" : "contract_manager" });
    }
    await saveLicence(tx, { tenantId, values: { plan: "partnership", seats: 50, startsOn: "2025-04-01" } });
  });
  const headers = { cookie: await sessionCookie(bench, members[0] ?? ""), "x-steward-tenant": tenantId };

  const [appPort, barePort] = [await freePort(), await freePort()];
  const server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("./server.ts", import.meta.url)),
      JSON.stringify({ ownerUrl: bench.ownerUrl, appPort, barePort }),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await once(server.stdout, "data");
  try {
    const procedureUrl = `http://127.0.0.1:${appPort}/trpc/members.list`;
    const bareUrl = `http://127.0.0.1:${barePort}/members`;
    // Warm both paths (JIT, prepared statements, pool connections) before measuring.
    await load(procedureUrl, headers, 3);
    await load(bareUrl, headers, 3);
    const procedure = await load(procedureUrl, headers, seconds);
    const bare = await load(bareUrl, headers, seconds);
    console.log(`\nTenant-scoped read (members.list, 25 rows), 50 connections, ${seconds} s each`);
    console.table({
      "tRPC procedure": procedure,
      "bare Hono + postgres.js": bare,
    });
    console.log(
      `procedure / bare throughput: ${(procedure.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} (target ≥ 0.6; both sides three round trips)`,
    );

    // Where the app's CPU goes: a CPU profile of the server process over a further run of the app side.
    const profileSeconds = Math.min(seconds, 10);
    await fetch(`http://127.0.0.1:${barePort}/profile/start`, { method: "POST" });
    const profiled = await load(procedureUrl, headers, profileSeconds);
    const profile = (await (
      await fetch(`http://127.0.0.1:${barePort}/profile/stop`, { method: "POST" })
    ).json()) as CpuProfile;
    const summary = summariseProfile(profile, profiled.requestsPerSecond * profileSeconds);
    console.log(
      `\nServer CPU under the app's load (${profileSeconds} s profiled): ${summary.busyMsPerRequest.toFixed(3)} ms busy a request, by package`,
    );
    console.table(summary.areas);
    console.log("By function (self time)");
    console.table(summary.functions);
  } finally {
    server.kill("SIGTERM");
    await once(server, "exit");
  }
}
