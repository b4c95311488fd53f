import { verifyRequestOrigin } from "lucia";

/**
 * DESIGN §3: every non-GET request is refused unless the browser says it is same-origin or its Origin is
 * exactly ours — whatever its content type, since tRPC accepts form and binary bodies too.
 */
export function isTrustedRequest(request: {
  method: string;
  secFetchSite: string | null;
  origin: string | null;
  allowedOrigin: string;
}): boolean {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return true;
  if (request.secFetchSite === "same-origin") return true;
  if (!request.origin) return false;
  return (
    verifyRequestOrigin(request.origin, [new URL(request.allowedOrigin).host]) &&
    new URL(request.origin).origin === new URL(request.allowedOrigin).origin
  );
}
