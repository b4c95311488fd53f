import {
  type CronItem,
  type JobHelpers,
  parseCronItems,
  type Runner,
  run,
  type TaskSpec,
  Logger as WorkerLogger,
} from "graphile-worker";
import pg from "pg";
import type { Logger } from "pino";
import { describeError } from "../logger.ts";

/** A job's work: given its payload (checked by the task itself) and graphile-worker's helpers. */
export type JobTask = (payload: unknown, helpers: JobHelpers) => Promise<void>;

/** How many jobs wait, run or have failed for good, per task: the queue depth on /metrics. */
export interface QueueDepth {
  task: string;
  state: "waiting" | "scheduled" | "running" | "failed";
  jobs: number;
}

export interface JobRunner {
  /** Queues a job now. A job key dedupes: a queued job with the same key is replaced, not doubled. */
  add(task: string, payload: Record<string, unknown>, spec?: TaskSpec): Promise<void>;
  queueDepth(): Promise<QueueDepth[]>;
  /** Stops taking jobs and waits for the running ones to finish (graphile-worker's graceful shutdown). */
  stop(): Promise<void>;
}

/** The runner's own schema, created and upgraded by graphile-worker's migrations when the runner starts. */
export const jobSchema = "graphile_worker";

/**
 * graphile-worker's own log lines, through the app's logger. Its messages name the task, the job id and the
 * error's message; every task below throws only errors whose message says nothing of the data (see `guarded`),
 * and the metadata (which holds the job's payload) is left out. Its `info` lines (a worker connecting, a job
 * done) are routine: `debug` here.
 */
function workerLogger(logger: Logger): WorkerLogger {
  // The app's logger cuts every message (logger.ts), so the line goes to it as it is.
  return new WorkerLogger(() => (level, message) => {
    if (level === "error") logger.error({ runner: "graphile-worker" }, message);
    else if (level === "warning") logger.warn({ runner: "graphile-worker" }, message);
    else logger.debug({ runner: "graphile-worker" }, message);
  });
}

/** A job failed: it is retried with back-off. The cause goes to our log, described as every error is. */
class JobFailed extends Error {
  constructor(task: string) {
    super(`${task} failed: see the log line "job failed"`);
    this.name = "JobFailed";
  }
}

/**
 * Wraps a task so that a failure reaches graphile-worker (which logs it and stores it in the job's
 * `last_error`) only as "failed", never as the cause's message, which can quote data (an SMTP reply quotes the
 * address; a PostgreSQL message can quote a value). The cause is logged here through `describeError`.
 */
function guarded(name: string, task: JobTask, logger: Logger): JobTask {
  return async (payload, helpers) => {
    try {
      await task(payload, helpers);
    } catch (error) {
      if (!(error instanceof JobFailed)) {
        logger.error({ task: name, jobId: helpers.job.id, err: describeError(error) }, "job failed");
      }
      throw new JobFailed(name);
    }
  };
}

/**
 * The job runner (issue 8 §11): graphile-worker on the app's PostgreSQL, in its own schema, connecting as the
 * owner role like the migrator. Jobs that touch a council's data open their own `inTransaction` as the app
 * role, one council a job; the app role has no grant on the runner's schema. Every API process runs one; a
 * job is taken by one process at a time (`FOR UPDATE SKIP LOCKED`), a cron item is queued once per time slot
 * across all of them (graphile-worker's `known_crontabs`), and LISTEN/NOTIFY starts a new job at once.
 */
export async function startJobRunner(options: {
  ownerUrl: string;
  logger: Logger;
  tasks: Record<string, JobTask>;
  /** Recurring jobs: cron `match`, the task, and a job key so a slot's job is never queued twice. */
  schedule?: CronItem[];
  concurrency?: number;
}): Promise<JobRunner> {
  const concurrency = options.concurrency ?? 2;
  // One connection listens for new jobs; the others take, finish and queue them.
  const pool = new pg.Pool({
    connectionString: options.ownerUrl,
    max: concurrency + 2,
    application_name: "steward-jobs",
  });
  // A connection that fails (the server restarting) is logged and replaced, never an unhandled error.
  const connectionFailed = (error: Error) =>
    options.logger.error({ err: describeError(error) }, "job runner connection failed");
  pool.on("error", connectionFailed);
  pool.on("connect", (client) => client.on("error", connectionFailed));
  const taskList = Object.fromEntries(
    Object.entries(options.tasks).map(([name, task]) => [name, guarded(name, task, options.logger)]),
  );
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      schema: jobSchema,
      concurrency,
      noHandleSignals: true,
      pollInterval: 2000,
      logger: workerLogger(options.logger),
      taskList,
      parsedCronItems: parseCronItems(options.schedule ?? []),
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  let stopped: Promise<void> | null = null;
  return {
    async add(task, payload, spec) {
      await runner.addJob(task, payload, spec);
    },
    async queueDepth() {
      // graphile-worker's `jobs` view: a job is deleted when it succeeds; failed ones stay with their attempts.
      const { rows } = await pool.query<{ task: string; state: QueueDepth["state"]; jobs: number }>(
        `select task_identifier as task,
           case when attempts >= max_attempts then 'failed'
                when locked_at is not null then 'running'
                when run_at > now() then 'scheduled'
                else 'waiting' end as state,
           count(*)::int as jobs
         from ${jobSchema}.jobs group by 1, 2 order by 1, 2`,
      );
      return rows;
    },
    stop() {
      stopped ??= runner.stop().finally(() => pool.end());
      return stopped;
    },
  };
}
