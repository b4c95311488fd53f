import { BlockList, isIP } from "node:net";

/**
 * The proxies whose `X-Forwarded-For` is believed: a comma-separated list of addresses and CIDR ranges
 * (`10.0.0.0/8, 2001:db8::1`), or null for none. Throws on an entry that is neither, so a typo stops the start.
 */
export function parseTrustedProxies(list: string): BlockList | null {
  const trusted = new BlockList();
  for (const entry of list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      rest.length > 0 ||
      (bits !== null && (!/^\d{1,3}$/.test(prefix ?? "") || bits < 0 || bits > maxBits))
    ) {
      throw new Error(`"${entry}" is not an IP address or a CIDR range`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) trusted.addAddress(address, type);
    else trusted.addSubnet(address, bits, type);
  }
  // None: a request's address is its socket's, without asking an empty list (a native call a request).
  return trusted.rules.length > 0 ? trusted : null;
}

/**
 * The address a request came from, for the sign-in and reset limiters. The socket's address, unless the
 * socket is a trusted proxy: then `X-Forwarded-For` is read from the right (each proxy appends the address
 * it saw), skipping trusted proxies, and the first address no trusted proxy owns is the client. Anything
 * left of it was written by the client and is ignored, so a client cannot choose its own address.
 */
export function clientAddress(request: {
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
  trustedProxies: BlockList | null;
}): string {
  const socket = request.socketAddress ? unmapped(request.socketAddress) : "unknown";
  const trusted = request.trustedProxies;
  if (!trusted || !isTrusted(trusted, socket)) return socket;
  let client = socket;
  const hops = (request.forwardedFor ?? "").split(",").map((hop) => unmapped(hop.trim()));
  for (const hop of hops.reverse()) {
    if (!isIP(hop)) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}
