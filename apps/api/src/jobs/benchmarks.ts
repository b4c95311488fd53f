import { type Database, publishBenchmarkSnapshot } from "@steward/db";
import { latestCompletePeriod } from "@steward/domain";
import type { Logger } from "pino";
import type { JobTask } from "./runner.ts";

/**
 * The benchmark aggregation (issue 9 §4): daily, publishes the month that last ended if it is not published yet
 * (a period is published once, so later runs that month do nothing). `npm run benchmarks:refresh` runs the same
 * on demand. The work runs as the benchmark role, never the app role (publishBenchmarkSnapshot).
 */
export function benchmarkTasks(options: { database: Database; logger: Logger }): Record<string, JobTask> {
  return {
    async "benchmarks:refresh"() {
      const report = await publishBenchmarkSnapshot(options.database, {
        period: latestCompletePeriod(new Date().toISOString().slice(0, 10)),
      });
      if (report.published) {
        options.logger.info(
          {
            period: report.period.start,
            publishedCells: report.publishedCells,
            suppressedCells: report.suppressed.too_few_councils + report.suppressed.differencing,
            warnings: report.warnings,
          },
          "benchmark snapshot published",
        );
      }
    },
  };
}

/** Every day at 02:30 UTC; a run missed in the last day is run when the server starts. */
export const benchmarkSchedule = [
  {
    task: "benchmarks:refresh",
    match: "30 2 * * *",
    options: { jobKey: "benchmarks:refresh", backfillPeriod: 24 * 60 * 60 * 1000 },
  },
];
