/**
 * `npm run benchmarks:refresh [-- YYYY-MM]`: publishes a month's benchmark snapshot now (by default the month
 * that last ended) and prints what it published and what it suppressed (issue 9 §4). A month already published
 * is never computed again.
 */
import { publishBenchmarkSnapshot } from "@steward/db";
import { latestCompletePeriod, parsePeriod, periodCode } from "@steward/domain";
import { openDatabase } from "./database-boot.ts";
import { parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";

const argument = process.argv[2];
const period = argument ? parsePeriod(argument) : latestCompletePeriod(new Date().toISOString().slice(0, 10));
if (!period) {
  console.error(`Name the month as YYYY-MM (e.g. 2026-11), not ${JSON.stringify(argument)}.`);
  process.exit(2);
}
const env = parseEnv();
const { database, close } = await openDatabase(env, createLogger("warn"));
try {
  const report = await publishBenchmarkSnapshot(database, { period });
  const code = periodCode(period);
  if (!report.published) {
    console.log(
      `${code}: already published; a period is computed once (its cohorts are fixed). Nothing changed.`,
    );
  } else {
    const { too_few_councils: tooFew, differencing } = report.suppressed;
    console.log(
      [
        `${code}: pool of ${report.poolSize} councils, k = ${report.k}`,
        `  published ${report.publishedCells} cells`,
        `  suppressed ${tooFew + differencing} cells: ${tooFew} with fewer than ${report.k} councils, ${differencing} that would allow differencing`,
        `  early warnings: ${report.warnings} supplier organisation${report.warnings === 1 ? "" : "s"}`,
      ].join("\n"),
    );
  }
} finally {
  await close();
}
