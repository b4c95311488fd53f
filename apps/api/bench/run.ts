/**
 * `npm run bench [-- plumbing|register|import|performance|benchmarks|advisor] [--seconds N] [--councils N]`: prints
 * figures; it is not a test.
 */
import { parseArgs } from "node:util";
import { benchAdvisor } from "./advisor.ts";
import { benchBenchmarks } from "./benchmarks.ts";
import { startBenchDatabase } from "./database.ts";
import { benchPerformance } from "./performance.ts";
import { benchPlumbing } from "./plumbing.ts";
import { benchImport, benchRegister } from "./register.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: "string", default: "30" }, councils: { type: "string", default: "1000" } },
});
const which = new Set(positionals.length > 0 ? positionals : ["plumbing", "register"]);
const bench = await startBenchDatabase();
try {
  if (which.has("plumbing")) await benchPlumbing(bench, Number(values.seconds));
  if (which.has("register")) await benchRegister(bench);
  if (which.has("import")) await benchImport(bench);
  if (which.has("performance")) await benchPerformance(bench);
  if (which.has("benchmarks")) await benchBenchmarks(bench, Number(values.councils));
  if (which.has("advisor")) await benchAdvisor(bench);
} finally {
  await bench.stop();
}
