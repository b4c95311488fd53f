import { describe, expect, it } from "vitest";
import { isLoopbackAddress, parseEnv } from "../src/env.ts";

describe("the environment", () => {
  it("knows loopback addresses", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1", "localhost"]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of ["0.0.0.0", "::", "192.0.2.1", "10.0.0.1", "::ffff:10.0.0.1", "127.example.org"]) {
      expect(isLoopbackAddress(address), address).toBe(false);
    }
  });

  it("opens the development mailbox to this machine when the server listens on loopback", () => {
    expect(parseEnv({}).MAILBOX).toBe("local");
    expect(parseEnv({ HOST: "::1" }).MAILBOX).toBe("local");
  });

  it("refuses to start with an open mailbox on a network address unless DEV_MAILBOX says who reads it", () => {
    expect(() => parseEnv({ HOST: "0.0.0.0" })).toThrow(/cannot start: it would listen on 0\.0\.0\.0/);
    expect(parseEnv({ HOST: "0.0.0.0", DEV_MAILBOX: "operator" }).MAILBOX).toBe("operator");
    expect(parseEnv({ HOST: "0.0.0.0", DEV_MAILBOX: "open" }).MAILBOX).toBe("open");
    expect(() => parseEnv({ DEV_MAILBOX: "yes" })).toThrow(/DEV_MAILBOX/);
  });

  it("has no mailbox when mail is delivered or in production", () => {
    expect(parseEnv({ HOST: "0.0.0.0", SMTP_URL: "smtp://mail.example.org" }).MAILBOX).toBe("closed");
    expect(parseEnv({ HOST: "0.0.0.0", NODE_ENV: "production" }).MAILBOX).toBe("closed");
    expect(parseEnv({ NODE_ENV: "production", DEV_MAILBOX: "open" }).MAILBOX).toBe("closed");
  });

  it("takes a metrics token only when it is long enough to guess at", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(parseEnv({ METRICS_TOKEN: "m".repeat(32) }).METRICS_TOKEN).toBe("m".repeat(32));
  });
});
