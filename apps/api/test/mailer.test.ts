import { createServer, type Server } from "node:net";
import { Writable } from "node:stream";
import { appRole, enqueueMail, inTransaction, listRecentMail } from "@steward/db";
import { createTestDatabase, freePort, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobs } from "../src/jobs/index.ts";
import { createLogger } from "../src/logger.ts";
import { createMetrics } from "../src/metrics.ts";
import { eventually } from "./job-runner.ts";

const recipient = "rejected.officer@example.test";
const platform = { tenantId: null, userId: null };

let test: TestDatabase;

/**
 * A minimal SMTP server. `refuse` answers every recipient with a 550 that quotes the address, as real servers
 * do; otherwise it accepts, and keeps each message's subject in `received`.
 */
function smtpServer(options: { refuse: boolean; received?: string[] }): Server {
  return createServer((socket) => {
    socket.write("220 test.invalid ESMTP\r\n");
    let buffered = "";
    let inData = false;
    let message = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf("\r\n"); end >= 0; end = buffered.indexOf("\r\n")) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            options.received?.push(/^Subject: (.*)$/m.exec(message)?.[1] ?? "");
            message = "";
            socket.write("250 queued\r\n");
          } else message += `${line}\n`;
          continue;
        }
        const command = line.toUpperCase();
        if (command.startsWith("EHLO") || command.startsWith("HELO")) socket.write("250 test.invalid\r\n");
        else if (command.startsWith("RCPT") && options.refuse) {
          socket.write(`550 5.1.1 <${recipient}>: Recipient address rejected: user unknown\r\n`);
        } else if (command.startsWith("DATA")) {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (command.startsWith("QUIT")) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
}

async function listen(server: Server): Promise<number> {
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return port;
}

function captureLog() {
  const capture = {
    text: "",
    stream: new Writable({
      write(chunk, _encoding, done) {
        capture.text += chunk.toString();
        done();
      },
    }),
  };
  return capture;
}

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

describe("the mailer on the job runner", () => {
  it("logs a refused message by its id and code, never by the address the SMTP server quotes", async () => {
    const smtp = smtpServer({ refuse: true });
    const port = await listen(smtp);
    await inTransaction(test.database, platform, (tx) =>
      enqueueMail(tx, { to: recipient, subject: "Reset your password", body: "a link" }),
    );
    const log = captureLog();
    const logger = createLogger("debug", log.stream);
    const jobs = await startJobs({
      database: test.database,
      ownerUrl: test.ownerUrl,
      logger,
      appUrl: "http://localhost:3000",
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: "Steward <no-reply@example.test>",
    });
    try {
      const attempts = async () => {
        const [stored] = await inTransaction(test.database, platform, (tx) =>
          listRecentMail(tx, { limit: 1 }),
        );
        return stored?.attempts.length ?? 0;
      };
      await eventually(async () => (await attempts()) > 0);
      // The send is retried later, with back-off: /metrics counts it as scheduled, not lost.
      await eventually(async () =>
        (await jobs.runner.queueDepth()).some(
          (depth) => depth.task === "mail:send" && depth.state === "scheduled",
        ),
      );
      const metrics = createMetrics({ database: test.database, procedures: [], jobs: jobs.runner });
      expect(await metrics.render()).toContain('steward_jobs{task="mail:send",state="scheduled"} 1');
    } finally {
      await jobs.runner.stop();
      await new Promise((resolve) => smtp.close(resolve));
    }

    // The failure happened and is kept with the message, where an operator can read it.
    const [stored] = await inTransaction(test.database, platform, (tx) => listRecentMail(tx, { limit: 1 }));
    expect(stored?.to).toBe(recipient);
    expect(stored?.sentAt).toBeNull();
    expect(stored?.attempts.join(" ")).toContain("Recipient address rejected");
    // The log says which message and why in a code, not whose address; so does the runner's record of the job.
    expect(log.text).toContain("mail could not be sent");
    expect(log.text).toContain(String(stored?.id));
    expect(log.text).toContain("EENVELOPE");
    expect(log.text.toLowerCase()).not.toContain(recipient);
    const jobErrors = await test.owner<{ last_error: string | null }[]>`
      select last_error from graphile_worker.jobs where task_identifier = 'mail:send'`;
    expect(jobErrors).toHaveLength(1);
    expect(jobErrors[0]?.last_error ?? "").not.toContain(recipient);
    await test.owner`delete from outbox`;
    await test.owner`delete from graphile_worker._private_jobs`;
  });

  it("sends each message once when two API processes run the mailer on one database", async () => {
    const received: string[] = [];
    const smtp = smtpServer({ refuse: false, received });
    const port = await listen(smtp);
    const options = {
      database: test.database,
      ownerUrl: test.ownerUrl,
      logger: createLogger("silent"),
      appUrl: "http://localhost:3000",
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: "Steward <no-reply@example.test>",
    };
    // Two runners, as two processes would have, started together.
    const [first, second] = await Promise.all([startJobs(options), startJobs(options)]);
    const subjects = Array.from({ length: 40 }, (_, index) => `Message ${index}`);
    try {
      for (const [index, subject] of subjects.entries()) {
        await inTransaction(test.database, platform, (tx) =>
          enqueueMail(tx, { to: `officer${index}@example.test`, subject, body: "a link" }),
        );
        // Both processes are woken after every commit, as both would be by their own requests.
        first.mail.wake();
        second.mail.wake();
      }
      await eventually(async () => {
        const unsent = await test.owner<{ count: number }[]>`
          select count(*)::int as count from outbox where sent_at is null`;
        return unsent[0]?.count === 0;
      });
      // A late duplicate would arrive after the last message is marked sent: let any running job finish.
      await Promise.all([first.runner.stop(), second.runner.stop()]);
    } finally {
      await Promise.all([first.runner.stop(), second.runner.stop()]);
      await new Promise((resolve) => smtp.close(resolve));
    }
    expect(received.sort()).toEqual([...subjects].sort());
  });

  it("gives the app role no access to the runner's schema", async () => {
    const refused = await test.owner
      .begin(async (sql) => {
        await sql.unsafe(`set local role ${appRole}`);
        await sql`select count(*) from graphile_worker.jobs`;
      })
      .then(
        () => null,
        (error: { code?: string }) => error.code,
      );
    // 42501: permission denied for schema graphile_worker.
    expect(refused).toBe("42501");
  });
});
