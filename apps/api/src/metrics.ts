import type { Database } from "@steward/db";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { JobRunner } from "./jobs/runner.ts";

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A route group per kind of path: labels stay few whatever paths a client sends. */
function routeGroup(path: string): string {
  if (path.startsWith("/trpc/")) return "/trpc";
  if (path.startsWith("/assets/")) return "/assets";
  if (path === "/healthz" || path === "/readyz" || path === "/metrics") return path;
  return "page";
}

/**
 * The figures /metrics serves in Prometheus' text format (prom-client): HTTP requests and tRPC procedures with
 * their latency, failed procedure calls by error code, the database pool, and Node's own process metrics.
 * A procedure label is always a procedure of the router (or `unknown`), never a path a client made up.
 */
export function createMetrics(options: {
  database: Database;
  procedures: Iterable<string>;
  jobs?: Pick<JobRunner, "queueDepth"> | undefined;
}) {
  const known = new Set(options.procedures);
  const procedureLabel = (name: string | undefined) => (name && known.has(name) ? name : "unknown");
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "steward_" });
  const registers = [registry];

  const httpRequests = new Histogram({
    name: "steward_http_request_duration_seconds",
    help: "HTTP requests by route group, method and status, with the time to the response.",
    labelNames: ["route", "method", "status"] as const,
    buckets: latencyBuckets,
    registers,
  });
  const procedureRequests = new Histogram({
    name: "steward_trpc_procedure_duration_seconds",
    help: "tRPC procedure calls with the time of their HTTP request (a batched request counts for each procedure in it).",
    labelNames: ["procedure"] as const,
    buckets: latencyBuckets,
    registers,
  });
  const procedureErrors = new Counter({
    name: "steward_trpc_errors_total",
    help: "Failed tRPC procedure calls by procedure and tRPC error code.",
    labelNames: ["procedure", "code"] as const,
    registers,
  });
  const pool = options.database.pool;
  new Gauge({
    name: "steward_database_pool_connections_in_use",
    help: "Connections of this process's database pool held by a transaction.",
    registers,
    collect() {
      this.set(pool.inUse);
    },
  });
  new Gauge({
    name: "steward_database_pool_waiting",
    help: "Transactions waiting for a connection of this process's database pool.",
    registers,
    collect() {
      this.set(pool.waiting);
    },
  });
  new Gauge({
    name: "steward_database_pool_size",
    help: "Connections this process's database pool may open.",
    registers,
    collect() {
      this.set(pool.max);
    },
  });

  const jobs = options.jobs;
  if (jobs) {
    new Gauge({
      name: "steward_jobs",
      help: "Jobs in the runner's queue (all processes share it) by task and state: waiting, scheduled (a retry or a later run), running, failed (no attempts left).",
      labelNames: ["task", "state"] as const,
      registers,
      async collect() {
        this.reset();
        for (const depth of await jobs.queueDepth())
          this.set({ task: depth.task, state: depth.state }, depth.jobs);
      },
    });
  }

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observeRequest(request: { path: string; method: string; status: number; seconds: number }) {
      httpRequests.observe(
        {
          route: routeGroup(request.path),
          method: methods.has(request.method) ? request.method : "other",
          status: String(request.status),
        },
        request.seconds,
      );
    },
    /** `paths` as tRPC's URL carries them: `contracts.list` or, batched, `contracts.list,auth.me`. */
    observeProcedures(paths: string, seconds: number) {
      for (const name of paths.split(",", 50))
        procedureRequests.observe({ procedure: procedureLabel(name) }, seconds);
    },
    countError(procedure: string | undefined, code: string) {
      procedureErrors.inc({ procedure: procedureLabel(procedure), code });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
