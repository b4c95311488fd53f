import { createServer, type Server } from "node:net";
import { Writable } from "node:stream";
import { enqueueMail, inTransaction, listRecentMail } from "@steward/db";
import { createTestDatabase, freePort, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { startMailer } from "../src/mailer.ts";

const recipient = "rejected.officer@example.test";
const platform = { tenantId: null, userId: null };

let test: TestDatabase;
let smtp: Server;
let smtpPort: number;

/** An SMTP server that refuses every recipient, quoting the address in its reply as real servers do. */
function refusingSmtpServer(): Server {
  return createServer((socket) => {
    socket.write("220 test.invalid ESMTP\r\n");
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf("\r\n"); end >= 0; end = buffered.indexOf("\r\n")) {
        const command = buffered.slice(0, end).toUpperCase();
        buffered = buffered.slice(end + 2);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) socket.write("250 test.invalid\r\n");
        else if (command.startsWith("RCPT")) {
          socket.write(`550 5.1.1 <${recipient}>: Recipient address rejected: user unknown\r\n`);
        } else if (command.startsWith("QUIT")) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
}

beforeAll(async () => {
  test = await createTestDatabase();
  smtpPort = await freePort();
  smtp = refusingSmtpServer();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => smtp.close(resolve));
  await test.close();
});

describe("the mailer", () => {
  it("logs a refused message by its id and code, never by the address the SMTP server quotes", async () => {
    await inTransaction(test.database, platform, (tx) =>
      enqueueMail(tx, { to: recipient, subject: "Reset your password", body: "a link" }),
    );
    let log = "";
    const capture = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const mailer = startMailer({
      database: test.database,
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      from: "Steward <no-reply@example.test>",
      logger: createLogger("info", capture),
    });
    await mailer.stop();

    // The failure happened and is kept with the message, where an operator can read it.
    const [stored] = await inTransaction(test.database, platform, (tx) => listRecentMail(tx, { limit: 1 }));
    expect(stored?.to).toBe(recipient);
    expect(stored?.sentAt).toBeNull();
    expect(stored?.attempts.join(" ")).toContain("Recipient address rejected");
    // The log says which message and why in a code, not whose address.
    expect(log).toContain("mail could not be sent");
    expect(log).toContain(String(stored?.id));
    expect(log).toContain("EENVELOPE");
    expect(log.toLowerCase()).not.toContain(recipient);
  });
});
