import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address.ts";

const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, 2001:db8::/32");

describe("client address", () => {
  it.each([
    // socket, X-Forwarded-For, the address the limiters count
    ["203.0.113.5", undefined, "203.0.113.5"],
    ["203.0.113.5", "198.51.100.1", "203.0.113.5"], // not from a trusted proxy: the header is ignored
    ["::ffff:203.0.113.5", undefined, "203.0.113.5"],
    ["10.1.2.3", "198.51.100.1", "198.51.100.1"],
    ["10.1.2.3", "6.6.6.6, 198.51.100.1", "198.51.100.1"], // the client wrote 6.6.6.6 itself
    ["10.1.2.3", "198.51.100.1, 192.0.2.1", "198.51.100.1"], // two trusted proxies in a row
    ["::ffff:10.1.2.3", "198.51.100.1", "198.51.100.1"],
    ["2001:db8::7", "2001:db9::1", "2001:db9::1"],
    ["10.1.2.3", undefined, "10.1.2.3"], // a trusted proxy that adds nothing is the client
    ["10.1.2.3", "10.9.9.9, 10.8.8.8", "10.9.9.9"],
    ["10.1.2.3", "garbage, 198.51.100.1", "198.51.100.1"],
    ["10.1.2.3", "198.51.100.1, garbage", "10.1.2.3"], // a hop that is no address stops the walk
    [undefined, "198.51.100.1", "unknown"],
  ])("socket %s, forwarded %s → %s", (socketAddress, forwardedFor, expected) => {
    expect(clientAddress({ socketAddress, forwardedFor, trustedProxies: proxies })).toBe(expected);
  });

  it("believes no header when no proxy is trusted (the default)", () => {
    const none = parseTrustedProxies("");
    expect(
      clientAddress({ socketAddress: "10.1.2.3", forwardedFor: "198.51.100.1", trustedProxies: none }),
    ).toBe("10.1.2.3");
  });

  it.each(["10.0.0.0/33", "not-an-address", "10.0.0.1/8/2", "2001:db8::/129", "10.0.0.0/"])(
    "refuses %s as a trusted proxy",
    (entry) => {
      expect(() => parseTrustedProxies(entry)).toThrow(/not an IP address or a CIDR range/);
    },
  );
});
