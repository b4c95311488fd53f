import type { JobRunner } from "../src/jobs/index.ts";

/** Polls until `check` holds (bounded: a job runner answers within seconds or the test fails). */
export async function eventually(check: () => Promise<boolean>, seconds = 15) {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting for the job runner");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the queue holds no job that is waiting or running (jobs that failed for good stay). */
export function idle(runner: JobRunner) {
  return eventually(async () =>
    (await runner.queueDepth()).every((depth) => depth.state === "failed" || depth.state === "scheduled"),
  );
}
